package org.unet4j.core.metrics;

/**
 * The outcome of one topology-preserving warp.
 *
 * @param warpedTruth the truth after the warp (1 = object, 0 = background)
 * @param mismatchTypes per pixel 0 where the warped truth agrees with the prediction, else {@link
 *     MismatchType#ordinal()} + 1 of the remaining error
 * @param counts the mergeable counts
 */
public record WarpingResult(
    org.unet4j.core.image.LabelImage warpedTruth, org.unet4j.core.image.LabelImage mismatchTypes,
    WarpingCounts counts) {

  /** The type of the remaining error at a pixel, or {@code null} where truth and prediction agree. */
  public MismatchType typeAt(int y, int x) {
    int code = mismatchTypes.get(y, x);
    return code == 0 ? null : MismatchType.values()[code - 1];
  }
}
