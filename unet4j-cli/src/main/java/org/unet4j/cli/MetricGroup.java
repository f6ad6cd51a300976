package org.unet4j.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The metric families {@code unet evaluate} can compute ({@code --metrics}). */
enum MetricGroup {
  /** IoU, Dice and pixel error per class, pooled and as the mean over images. */
  PIXEL,
  /** ISBI 2012: V_rand, V_info, Rand error, pixel error, warping error, each at its best threshold. */
  ISBI,
  /** Instances: Cell Tracking Challenge SEG, AP at IoU 0.50…0.95, precision, recall, F1, panoptic quality. */
  INSTANCE;

  /**
   * Parses a comma list of {@code pixel}, {@code isbi}, {@code instance}, or {@code all}; {@code auto} gives {@code
   * pixel}, plus {@code instance} when the truth holds instance labels, plus {@code isbi} for the ISBI layout.
   */
  static Set<MetricGroup> parse(String spec, boolean instanceTruth, boolean isbiLayout) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("all")) {
      return EnumSet.allOf(MetricGroup.class);
    }
    if (s.equals("auto")) {
      EnumSet<MetricGroup> groups = EnumSet.of(PIXEL);
      if (instanceTruth) {
        groups.add(INSTANCE);
      }
      if (isbiLayout) {
        groups.add(ISBI);
      }
      return groups;
    }
    EnumSet<MetricGroup> groups = EnumSet.noneOf(MetricGroup.class);
    for (String part : s.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      try {
        groups.add(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--metrics has '" + name + "'; use a comma list of pixel, isbi, instance, or all / auto", e);
      }
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("--metrics is empty; use e.g. pixel,instance, all or auto");
    }
    return groups;
  }

  /** Lower-case name as on the command line. */
  String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
