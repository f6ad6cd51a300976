package org.unet4j.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * SEG and per-threshold matching counts of one or more image pairs; mergeable (pooled over images).
 *
 * @param seg Cell Tracking Challenge SEG counts
 * @param matches matching counts, one per IoU threshold, ascending as given
 */
public record InstanceScores(SegCounts seg, List<MatchingCounts> matches) {

  /** Copies the list. */
  public InstanceScores {
    matches = List.copyOf(matches);
  }

  /** Pools another image's scores computed at the same thresholds. */
  public InstanceScores merge(InstanceScores other) {
    if (other.matches.size() != matches.size()) {
      throw new IllegalArgumentException(
          "cannot merge scores at " + other.matches.size() + " thresholds into scores at " + matches.size());
    }
    List<MatchingCounts> merged = new ArrayList<>();
    for (int k = 0; k < matches.size(); k++) {
      merged.add(matches.get(k).merge(other.matches.get(k)));
    }
    return new InstanceScores(seg.merge(other.seg), merged);
  }

  /** The counts at {@code iouThreshold}. */
  public MatchingCounts at(double iouThreshold) {
    for (MatchingCounts m : matches) {
      if (m.iouThreshold() == iouThreshold) {
        return m;
      }
    }
    throw new IllegalArgumentException("no counts at IoU threshold " + iouThreshold + "; have " + thresholds());
  }

  /** The thresholds scored. */
  public List<Double> thresholds() {
    return matches.stream().map(MatchingCounts::iouThreshold).toList();
  }

  /**
   * The mean of {@link MatchingCounts#averagePrecision} over the thresholds (the DSB 2018 score of one image when
   * the thresholds are {@link InstanceMatching#AP_THRESHOLDS}). NaN if any threshold's AP is NaN (both images
   * empty).
   */
  public double meanAveragePrecision() {
    double sum = 0;
    for (MatchingCounts m : matches) {
      sum += m.averagePrecision();
    }
    return matches.isEmpty() ? Double.NaN : sum / matches.size();
  }
}
