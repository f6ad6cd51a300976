package org.unet4j.core.synthetic;

import java.util.Objects;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * One synthetic microscopy image and its ground truth.
 *
 * @param image grey values, 1×H×W, in [0, 1]
 * @param instances instance labels of the same H×W: 0 = background, cells 1..n (consecutive, each one 4-connected
 *     piece); touching cells share a boundary
 */
public record SyntheticImage(FloatImage image, LabelImage instances) {

  /** Checks that image and labels have the same size. */
  public SyntheticImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(instances, "instances");
    if (image.channels() != 1 || image.height() != instances.height() || image.width() != instances.width()) {
      throw new IllegalArgumentException("image " + image + " and labels " + instances
          + " must be one channel of the same H×W");
    }
  }

  /** The number of cells n. */
  public int cellCount() {
    return instances.maxLabel();
  }
}
