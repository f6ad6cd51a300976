package org.unet4j.core.model;

/** How the 3×3 convolutions treat the image border. */
public enum Padding {
  /** Unpadded ("valid") convolutions as in the paper: every conv shrinks the map by 2 px; 572 in → 388 out. */
  VALID,
  /** Zero-padded ("same") convolutions: output size equals input size (inputs must be multiples of 2^depth). */
  SAME
}
