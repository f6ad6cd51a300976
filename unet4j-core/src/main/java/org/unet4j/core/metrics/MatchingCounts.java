package org.unet4j.core.metrics;

/**
 * Object-level counts at one IoU threshold after one-to-one matching of predicted to true instances (see {@link
 * InstanceMatching}): the sufficient statistic of the DSB 2018 / StarDist / Cellpose detection scores. Counts of
 * several images at the same threshold merge by addition (StarDist's {@code matching_dataset} pools this way).
 *
 * <p>Empty-set rule for every ratio: NaN exactly when its denominator is 0 (for example precision with no predicted
 * object, recall with no true object; all of them when both images are empty).
 *
 * @param iouThreshold a pair matches when its IoU is ≥ this
 * @param truePositives matched pairs
 * @param falsePositives predicted objects without a partner
 * @param falseNegatives true objects without a partner
 * @param matchedIouSum sum of the IoU of the matched pairs
 */
public record MatchingCounts(
    double iouThreshold, long truePositives, long falsePositives, long falseNegatives, double matchedIouSum) {

  /** Sums the counts of another image scored at the same threshold. */
  public MatchingCounts merge(MatchingCounts other) {
    if (other.iouThreshold != iouThreshold) {
      throw new IllegalArgumentException(
          "cannot merge counts at IoU threshold " + other.iouThreshold + " into counts at " + iouThreshold);
    }
    return new MatchingCounts(
        iouThreshold, truePositives + other.truePositives, falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives, matchedIouSum + other.matchedIouSum);
  }

  /** TP / (TP + FP). */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** TP / (TP + FN). */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** 2TP / (2TP + FP + FN). */
  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  /**
   * TP / (TP + FP + FN): the DSB 2018 "average precision" at this threshold (StarDist's {@code accuracy}, Cellpose's
   * {@code average_precision}).
   */
  public double averagePrecision() {
    return ratio(truePositives, truePositives + falsePositives + falseNegatives);
  }

  /** Panoptic quality: Σ IoU of matches / (TP + FP/2 + FN/2) (Kirillov et al. 2019). */
  public double panopticQuality() {
    double denominator = truePositives + 0.5 * falsePositives + 0.5 * falseNegatives;
    return denominator == 0 ? Double.NaN : matchedIouSum / denominator;
  }

  /** Mean IoU of the matched pairs (StarDist's {@code mean_matched_score}). */
  public double meanMatchedIou() {
    return truePositives == 0 ? Double.NaN : matchedIouSum / truePositives;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
