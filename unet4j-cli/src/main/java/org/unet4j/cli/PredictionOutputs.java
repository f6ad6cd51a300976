package org.unet4j.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code unet predict} writes for each input and where: {@code OUT/probabilities/NAME.tif} (float32, one page
 * per class), {@code OUT/labels/NAME.tif|png}, {@code OUT/instances/NAME.tif} and {@code OUT/overlays/NAME.png}.
 *
 * @param outDir the output folder
 * @param threshold foreground where the class-1 probability is at least this, or {@code null} for argmax
 * @param instances whether to write instance labels
 * @param minSizePx instances smaller than this many pixels are dropped
 * @param labelFormat {@code tif} or {@code png}
 * @param overlay whether to draw the overlay picture
 * @param inMemoryLimitPx largest image (pixels) for the outputs that need the whole label image in memory
 *     (instances, PNG labels, overlay); larger images still get probabilities and TIFF labels, written tile by tile
 */
record PredictionOutputs(
    Path outDir, Float threshold, boolean instances, int minSizePx, String labelFormat, boolean overlay,
    long inMemoryLimitPx) {

  /** Bytes of heap per pixel the in-memory outputs take, with room to spare (labels, instances, overlay). */
  static final long IN_MEMORY_BYTES_PER_PX = 64;

  /** Checks the values, with messages naming the option to fix. */
  PredictionOutputs {
    if (threshold != null && !(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold is " + threshold + "; use a probability in (0, 1], e.g. 0.5");
    }
    if (minSizePx < 0) {
      throw new IllegalArgumentException("--min-size-px is " + minSizePx + "; use 0 or more pixels");
    }
    labelFormat = labelFormat.toLowerCase(Locale.ROOT);
    if (!labelFormat.equals("tif") && !labelFormat.equals("png")) {
      throw new IllegalArgumentException("--label-format is '" + labelFormat + "'; use tif or png");
    }
  }

  /** The in-memory limit for this JVM: the maximum heap over {@value #IN_MEMORY_BYTES_PER_PX} bytes per pixel. */
  static long inMemoryLimitForHeap() {
    return Runtime.getRuntime().maxMemory() / IN_MEMORY_BYTES_PER_PX;
  }

  Path probabilities(String name) {
    return outDir.resolve("probabilities").resolve(name + ".tif");
  }

  Path labels(String name) {
    return outDir.resolve("labels").resolve(name + "." + labelFormat);
  }

  Path instances(String name) {
    return outDir.resolve("instances").resolve(name + ".tif");
  }

  Path overlay(String name) {
    return outDir.resolve("overlays").resolve(name + ".png");
  }
}
