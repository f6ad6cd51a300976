package org.unet4j.core.metrics;

/**
 * Sufficient statistic of the Cell Tracking Challenge SEG measure (Maška et al. 2014; {@code java-ctcmetrics}
 * {@code SEG.java}): every reference (true) object R is matched to the predicted object S with {@code |R ∩ S| >
 * 0.5·|R|} (strictly more than half of R; at most one S can qualify) and scores the Jaccard index {@code |R ∩ S| / |R
 * ∪ S|}, or 0 without a match. SEG is the mean over all reference objects, pooled over images (not a mean of
 * per-image means). False positives do not lower SEG.
 *
 * @param referenceObjects true objects counted
 * @param matchedObjects true objects with a match
 * @param jaccardSum sum of the Jaccard indices of the matched objects
 */
public record SegCounts(long referenceObjects, long matchedObjects, double jaccardSum) {

  /** Nothing counted. */
  public static final SegCounts EMPTY = new SegCounts(0, 0, 0);

  /** Sums the counts of another image. */
  public SegCounts merge(SegCounts other) {
    return new SegCounts(
        referenceObjects + other.referenceObjects, matchedObjects + other.matchedObjects,
        jaccardSum + other.jaccardSum);
  }

  /** SEG in [0, 1]. Empty-set rule: NaN without reference objects (the challenge skips such frames). */
  public double seg() {
    return referenceObjects == 0 ? Double.NaN : jaccardSum / referenceObjects;
  }
}
