package org.unet4j.core.augment;

import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * One network-ready training example: an input tile and the mask and weights of its centred output region
 * (for a VALID U-Net, the output tile is the input tile shrunk by the margin on every side: 572 → 388 px).
 *
 * @param image {@code C × in × in}
 * @param mask {@code out × out}, the centre of the image's extent
 * @param weights {@code 1 × out × out}, aligned with {@code mask}
 */
public record TrainingPatch(FloatImage image, LabelImage mask, FloatImage weights) {

  /** Checks that mask and weights agree and fit centred inside the image. */
  public TrainingPatch {
    if (weights.channels() != 1 || weights.height() != mask.height() || weights.width() != mask.width()) {
      throw new IllegalArgumentException(
          "weights are " + weights.channels() + "×" + weights.height() + "×" + weights.width() + " but must be 1×"
              + mask.height() + "×" + mask.width() + " like the mask");
    }
    int dh = image.height() - mask.height();
    int dw = image.width() - mask.width();
    if (dh < 0 || dw < 0 || dh % 2 != 0 || dw % 2 != 0) {
      throw new IllegalArgumentException(
          "mask " + mask.height() + "×" + mask.width() + " must fit centred in the image " + image.height() + "×"
              + image.width() + " (same or smaller, with an even difference)");
    }
  }
}
