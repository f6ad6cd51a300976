package org.unet4j.core.metrics;

/**
 * Mergeable counts of a topology-preserving warp (Jain et al. 2010): how many pixels still disagree after the warp,
 * and how many of those are splits and mergers. Counts of several images add up; the errors divide by all pixels,
 * as the ISBI 2012 script pools a stack.
 *
 * @param pixels all pixels of the image(s)
 * @param mismatchPixels pixels where the warped truth still differs from the prediction
 * @param splitPixels mismatches of type {@link MismatchType#SPLIT}
 * @param mergePixels mismatches of type {@link MismatchType#MERGE}
 * @param splits split errors: 4-connected clusters of split pixels
 * @param mergers merger errors: 8-connected clusters of merge pixels
 */
public record WarpingCounts(
    long pixels, long mismatchPixels, long splitPixels, long mergePixels, long splits, long mergers) {

  /** Nothing counted. */
  public static final WarpingCounts EMPTY = new WarpingCounts(0, 0, 0, 0, 0, 0);

  /** Sums every count. */
  public WarpingCounts merge(WarpingCounts other) {
    return new WarpingCounts(
        pixels + other.pixels, mismatchPixels + other.mismatchPixels, splitPixels + other.splitPixels,
        mergePixels + other.mergePixels, splits + other.splits, mergers + other.mergers);
  }

  /**
   * The classic warping error: the fraction of pixels that still disagree after the best topology-preserving warp
   * of the truth, {@code mismatchPixels / pixels}. Boundary shifts cost nothing; splits, mergers, missing or extra
   * objects and holes do. Empty-set rule: NaN when nothing was counted.
   */
  public double warpingError() {
    return pixels == 0 ? Double.NaN : (double) mismatchPixels / pixels;
  }

  /**
   * The "minimum splits and mergers" warping error of the ISBI 2012 leaderboard for one threshold: {@code
   * (splitPixels + mergePixels) / pixels}. NaN when nothing was counted.
   */
  public double splitsAndMergersError() {
    return pixels == 0 ? Double.NaN : (double) (splitPixels + mergePixels) / pixels;
  }
}
