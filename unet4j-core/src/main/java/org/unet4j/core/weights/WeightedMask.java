package org.unet4j.core.weights;

import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * A training target: the class-index mask the loss compares against and the per-pixel loss weights for it.
 *
 * @param classMask H×W class indices (0 = background)
 * @param weights 1×H×W loss weights {@code w(x)}
 */
public record WeightedMask(LabelImage classMask, FloatImage weights) {

  /** Checks that mask and weights have the same size. */
  public WeightedMask {
    if (weights.channels() != 1
        || weights.height() != classMask.height()
        || weights.width() != classMask.width()) {
      throw new IllegalArgumentException(
          "weights " + weights + " must be 1×" + classMask.height() + "×" + classMask.width() + " like the mask");
    }
  }
}
