package org.unet4j.core.metrics;

import org.unet4j.core.metrics.ContingencyTable.LabelSizes;

/**
 * Pair-counting sufficient statistics of two segmentations: with {@code n_ij} the contingency table, {@code a_i} the
 * truth segment sizes and {@code b_j} the proposed segment sizes,
 *
 * <pre>
 *   pixels       = n  = Σ n_ij
 *   overlapPairs = Σ n_ij²      (ordered pixel pairs, self-pairs included, in one segment in both)
 *   truthPairs   = Σ a_i²       (… in one truth segment)
 *   segmentPairs = Σ b_j²       (… in one proposed segment)
 * </pre>
 *
 * Every Rand score is a function of these four numbers, and counts of images with disjoint segments merge by
 * addition, so a stack scores as one volume of separate slices (the ISBI 2012 scripts pool pair counts over slices).
 *
 * @param pixels counted pixels n
 * @param overlapPairs Σ n_ij²
 * @param truthPairs Σ a_i²
 * @param segmentPairs Σ b_j²
 */
public record RandCounts(long pixels, long overlapPairs, long truthPairs, long segmentPairs) {

  /** Nothing counted. */
  public static final RandCounts EMPTY = new RandCounts(0, 0, 0, 0);

  /**
   * The classic counts (Rand 1971): every pixel of the table, label 0 an ordinary segment in both images. Use with
   * {@link ContingencyTable#of}.
   */
  public static RandCounts classic(ContingencyTable table) {
    long overlaps = 0;
    for (int k = 0; k < table.entries(); k++) {
      overlaps += table.count(k) * table.count(k);
    }
    return new RandCounts(
        table.pixels(), overlaps, sumOfSquares(table.truthSizes(), false), sumOfSquares(table.segmentSizes(), false));
  }

  /**
   * The foreground-restricted counts of the ISBI 2012 challenge (Arganda-Carreras et al. 2015; Fiji
   * {@code RandError}): truth label 0 (membrane) is left out, and every pixel with segment label 0 (a boundary pixel
   * of the proposal inside a truth segment) counts as a segment of its own.
   *
   * @param table a table from {@link ContingencyTable#ofTruthForeground}
   * @throws IllegalArgumentException if the table counts truth label 0
   */
  public static RandCounts foregroundRestricted(ContingencyTable table) {
    long overlaps = 0;
    long unassigned = 0;
    for (int k = 0; k < table.entries(); k++) {
      if (table.truthLabel(k) == 0) {
        throw new IllegalArgumentException(
            "the table counts truth background pixels; build it with ContingencyTable.ofTruthForeground");
      }
      long c = table.count(k);
      if (table.segmentLabel(k) == 0) {
        unassigned += c;
      } else {
        overlaps += c * c;
      }
    }
    // A singleton segment adds one self-pair (1²) to the overlap and to the segment sums.
    return new RandCounts(
        table.pixels(), overlaps + unassigned, sumOfSquares(table.truthSizes(), false),
        sumOfSquares(table.segmentSizes(), true) + unassigned);
  }

  private static long sumOfSquares(LabelSizes sizes, boolean skipZero) {
    long total = 0;
    for (int k = 0; k < sizes.count(); k++) {
      if (!(skipZero && sizes.labels()[k] == 0)) {
        total += sizes.sizes()[k] * sizes.sizes()[k];
      }
    }
    return total;
  }

  /** Sums every count (images with disjoint segments). */
  public RandCounts merge(RandCounts other) {
    return new RandCounts(
        pixels + other.pixels, overlapPairs + other.overlapPairs, truthPairs + other.truthPairs,
        segmentPairs + other.segmentPairs);
  }

  /**
   * The Rand F-score {@code V_rand = Σ n_ij² / (½ Σ a_i² + ½ Σ b_j²)} (α = ½, Arganda-Carreras et al. 2015 eq. 3),
   * the harmonic mean of {@link #splitScore} and {@link #mergeScore}; 1 for identical segmentations. The adapted
   * Rand error of SNEMI3D / scikit-image is {@code 1 − V_rand} (scikit-image counts pairs without self-pairs: it
   * subtracts n from each sum). Empty-set rule: NaN when nothing was counted.
   */
  public double vRand() {
    return pixels == 0 ? Double.NaN : 2.0 * overlapPairs / ((double) truthPairs + segmentPairs);
  }

  /** {@code Σ n_ij² / Σ a_i²}: 1 unless a truth segment is split. NaN when nothing was counted. */
  public double splitScore() {
    return pixels == 0 ? Double.NaN : (double) overlapPairs / truthPairs;
  }

  /** {@code Σ n_ij² / Σ b_j²}: 1 unless proposed segments merge truth segments. NaN when nothing was counted. */
  public double mergeScore() {
    return pixels == 0 ? Double.NaN : (double) overlapPairs / segmentPairs;
  }

  /**
   * The Rand index (Rand 1971): the fraction of unordered pixel pairs on which both segmentations agree (same
   * segment in both, or different segments in both), {@code (C(n,2) + Σ n_ij² − ½(Σ a_i² + Σ b_j²)) / C(n,2)}.
   * Empty-set rule: NaN for fewer than 2 pixels (no pair).
   */
  public double randIndex() {
    if (pixels < 2) {
      return Double.NaN;
    }
    double pairs = pixels * (pixels - 1.0) / 2.0;
    return (pairs + overlapPairs - 0.5 * ((double) truthPairs + segmentPairs)) / pairs;
  }

  /** {@code 1 − randIndex()}; NaN for fewer than 2 pixels. */
  public double randError() {
    return 1.0 - randIndex();
  }
}
