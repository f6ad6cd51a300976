package org.unet4j.core.metrics;

import org.unet4j.core.metrics.ContingencyTable.LabelSizes;

/**
 * Information-theoretic sufficient statistics of two segmentations T (truth) and S (proposal): with {@code n_ij}
 * the contingency table, {@code a_i} and {@code b_j} the segment sizes and {@code n} the pixel count, every entropy
 * (natural logarithm, nats) follows from {@code Σ x·ln x} over each of them:
 *
 * <pre>
 *   H(T)   = ln n − Σ a_i ln a_i / n        H(S) = ln n − Σ b_j ln b_j / n
 *   H(S,T) = ln n − Σ n_ij ln n_ij / n      I(S;T) = H(S) + H(T) − H(S,T)
 * </pre>
 *
 * Counts of images with disjoint segments merge by addition (then {@code n} is the total and each image's
 * segments stay apart). Segment counts are kept so that an entropy of a single segment is exactly 0.
 *
 * @param pixels counted pixels n
 * @param truthSegments number of truth segments
 * @param proposedSegments number of proposed segments (every singleton counts)
 * @param truthSizeLogSum Σ a_i ln a_i
 * @param proposedSizeLogSum Σ b_j ln b_j
 * @param overlapLogSum Σ n_ij ln n_ij
 */
public record InformationCounts(
    long pixels, long truthSegments, long proposedSegments, double truthSizeLogSum, double proposedSizeLogSum,
    double overlapLogSum) {

  /** Nothing counted. */
  public static final InformationCounts EMPTY = new InformationCounts(0, 0, 0, 0, 0, 0);

  /** Every pixel of the table, label 0 an ordinary segment in both images (use with {@link ContingencyTable#of}). */
  public static InformationCounts classic(ContingencyTable table) {
    double overlaps = 0;
    for (int k = 0; k < table.entries(); k++) {
      overlaps += xLogX(table.count(k));
    }
    LabelSizes truth = table.truthSizes();
    LabelSizes proposed = table.segmentSizes();
    return new InformationCounts(
        table.pixels(), truth.count(), proposed.count(), logSum(truth, false), logSum(proposed, false), overlaps);
  }

  /**
   * The foreground-restricted counts of the ISBI 2012 challenge (Fiji {@code VariationOfInformation}): truth label 0
   * is left out and every pixel of segment label 0 is a singleton segment (which adds {@code 1·ln 1 = 0} to the
   * sums but one segment to the count).
   *
   * @param table a table from {@link ContingencyTable#ofTruthForeground}
   * @throws IllegalArgumentException if the table counts truth label 0
   */
  public static InformationCounts foregroundRestricted(ContingencyTable table) {
    double overlaps = 0;
    long unassigned = 0;
    for (int k = 0; k < table.entries(); k++) {
      if (table.truthLabel(k) == 0) {
        throw new IllegalArgumentException(
            "the table counts truth background pixels; build it with ContingencyTable.ofTruthForeground");
      }
      if (table.segmentLabel(k) == 0) {
        unassigned += table.count(k);
      } else {
        overlaps += xLogX(table.count(k));
      }
    }
    LabelSizes truth = table.truthSizes();
    LabelSizes proposed = table.segmentSizes();
    long proposedSegments = proposed.count() - (proposed.sizeOf(0) > 0 ? 1 : 0) + unassigned;
    return new InformationCounts(
        table.pixels(), truth.count(), proposedSegments, logSum(truth, false), logSum(proposed, true), overlaps);
  }

  private static double logSum(LabelSizes sizes, boolean skipZero) {
    double sum = 0;
    for (int k = 0; k < sizes.count(); k++) {
      if (!(skipZero && sizes.labels()[k] == 0)) {
        sum += xLogX(sizes.sizes()[k]);
      }
    }
    return sum;
  }

  private static double xLogX(long x) {
    return x * Math.log(x);
  }

  /** Sums every count (images with disjoint segments). */
  public InformationCounts merge(InformationCounts other) {
    return new InformationCounts(
        pixels + other.pixels, truthSegments + other.truthSegments, proposedSegments + other.proposedSegments,
        truthSizeLogSum + other.truthSizeLogSum, proposedSizeLogSum + other.proposedSizeLogSum,
        overlapLogSum + other.overlapLogSum);
  }

  /** H(T) in nats; exactly 0 for a single truth segment; NaN when nothing was counted. */
  public double truthEntropy() {
    return entropy(truthSegments, truthSizeLogSum);
  }

  /** H(S) in nats; exactly 0 for a single proposed segment; NaN when nothing was counted. */
  public double proposedEntropy() {
    return entropy(proposedSegments, proposedSizeLogSum);
  }

  /** H(S,T) in nats; NaN when nothing was counted. */
  public double jointEntropy() {
    // The joint table has a single cell exactly when both segmentations are a single segment.
    long jointCells = Math.max(truthSegments, proposedSegments) <= 1 ? 1 : 2;
    return entropy(jointCells, overlapLogSum);
  }

  private double entropy(long segments, double logSum) {
    if (pixels == 0) {
      return Double.NaN;
    }
    return segments <= 1 ? 0.0 : Math.max(0.0, Math.log(pixels) - logSum / pixels);
  }

  /** I(S;T) = H(S) + H(T) − H(S,T) in nats (never below 0); NaN when nothing was counted. */
  public double mutualInformation() {
    return Math.max(0.0, truthEntropy() + proposedEntropy() - jointEntropy());
  }

  /**
   * The variation of information {@code VI = H(T|S) + H(S|T) = H(S) + H(T) − 2 I(S;T)} in nats (Meilă 2007); 0 for
   * identical segmentations. NaN when nothing was counted.
   */
  public double variationOfInformation() {
    return truthEntropy() + proposedEntropy() - 2 * mutualInformation();
  }

  /** H(T|S), the under-segmentation (merge) part of VI; NaN when nothing was counted. */
  public double truthGivenProposed() {
    return truthEntropy() - mutualInformation();
  }

  /** H(S|T), the over-segmentation (split) part of VI; NaN when nothing was counted. */
  public double proposedGivenTruth() {
    return proposedEntropy() - mutualInformation();
  }

  /**
   * The information split score {@code I(S;T) / H(S)} (Arganda-Carreras et al. 2015 eq. 6, α = 0). Empty-set rule:
   * NaN when nothing was counted; 0 when {@code H(S) = 0} (as the challenge script: no information).
   */
  public double splitScore() {
    double h = proposedEntropy();
    return Double.isNaN(h) ? h : h == 0 ? 0.0 : mutualInformation() / h;
  }

  /** The information merge score {@code I(S;T) / H(T)} (α = 1); NaN when nothing was counted, 0 when H(T) = 0. */
  public double mergeScore() {
    double h = truthEntropy();
    return Double.isNaN(h) ? h : h == 0 ? 0.0 : mutualInformation() / h;
  }

  /**
   * The information-theoretic score {@code V_info = 2 I(S;T) / (H(S) + H(T))} (α = ½), the harmonic mean of
   * {@link #splitScore} and {@link #mergeScore}; 1 for identical segmentations. Empty-set rule: NaN when nothing was
   * counted; 0 when either entropy is 0, i.e. the truth or the proposal is a single segment — this is the rule of the
   * ISBI 2012 scoring script (Fiji {@code VariationOfInformation}), which gives 0 even when both are one identical
   * segment.
   */
  public double vInfo() {
    double split = splitScore();
    double merge = mergeScore();
    if (Double.isNaN(split)) {
      return split;
    }
    return split + merge == 0 ? 0.0 : 2 * split * merge / (split + merge);
  }
}
