package org.unet4j.core.synthetic;

/** How the specimen becomes grey values, before the microscope's blur and noise. */
public enum ContrastMode {
  /**
   * The grey value is the specimen's brightness: background level plus the cell signal (fluorescence, where cells
   * glow on a dark background; phase contrast and bright field, where cells are darker or brighter than a grey
   * background).
   */
  INTENSITY,
  /**
   * Differential interference contrast: the cell signal is an optical-path height map and the grey value is the
   * background level plus its derivative along the 45° shear direction, so each cell looks lit from one side (bright
   * upper-left rim, dark lower-right rim) and its interior is close to the background.
   */
  RELIEF
}
