package org.unet4j.core.augment;

import java.util.Arrays;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * One annotated training image: the image, its class mask and its per-pixel loss weights, all {@code H × W}.
 *
 * @param image {@code C × H × W}
 * @param mask class per pixel, {@code H × W}
 * @param weights loss weight per pixel, {@code 1 × H × W} (e.g. a border weight map)
 */
public record TrainingSample(FloatImage image, LabelImage mask, FloatImage weights) {

  /** Checks that the three agree in size. */
  public TrainingSample {
    if (image == null || mask == null || weights == null) {
      throw new IllegalArgumentException("image, mask and weights must all be given");
    }
    if (mask.height() != image.height() || mask.width() != image.width()) {
      throw new IllegalArgumentException(
          "mask is " + mask.height() + "×" + mask.width() + " but the image is " + image.height() + "×"
              + image.width() + "; they must be the same size");
    }
    if (weights.channels() != 1 || weights.height() != image.height() || weights.width() != image.width()) {
      throw new IllegalArgumentException(
          "weights are " + weights.channels() + "×" + weights.height() + "×" + weights.width() + " but must be 1×"
              + image.height() + "×" + image.width() + " (one weight per image pixel)");
    }
  }

  /** A sample whose weights are all 1. */
  public static TrainingSample withUniformWeights(FloatImage image, LabelImage mask) {
    float[] ones = new float[image.planeSize()];
    Arrays.fill(ones, 1f);
    return new TrainingSample(image, mask, new FloatImage(1, image.height(), image.width(), ones));
  }
}
