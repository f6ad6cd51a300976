package org.unet4j.core.weights;

/**
 * How {@link ClassBalanceWeights} turns class pixel counts {@code n_c} into class weights {@code w_c} (the
 * {@code w_c(x)} of U-Net eq. 2). Absent classes ({@code n_c = 0}) always get weight 0: they have no pixels to
 * weigh, and they are left out of the number of classes {@code K} below.
 */
public enum ClassBalance {
  /** {@code w_c = 1} for every present class: no balancing. */
  NONE,
  /**
   * {@code w_c = N / (K · n_c)} with {@code N} all pixels and {@code K} the number of present classes, so every
   * class carries the same total weight and the mean weight per pixel is exactly 1.
   */
  MEAN_ONE,
  /**
   * {@code w_c = n_0 / n_c}: background (class 0) gets weight 1 and rarer classes proportionally more. If the
   * background is absent, the most frequent class takes its place as the reference with weight 1.
   */
  BACKGROUND_ONE
}
