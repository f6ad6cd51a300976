package org.unet4j.core.metrics;

import java.util.Arrays;
import org.unet4j.core.image.LabelImage;

/**
 * The overlap counts of two label images: entry {@code (i, j)} is the number of pixels labelled {@code i} in the
 * truth and {@code j} in the segmentation. Only non-zero entries are stored, sorted by truth label then segment
 * label. Rand, information-theoretic and instance-matching scores are pure functions of this table.
 *
 * <p>Building it sorts one packed key per counted pixel: O(n log n) time and 8n bytes for n pixels (about 20 ms for
 * 512×512). Labels must be non-negative.
 */
public final class ContingencyTable {

  private final int[] truthLabels;
  private final int[] segmentLabels;
  private final long[] counts;
  private final long pixels;

  private ContingencyTable(int[] truthLabels, int[] segmentLabels, long[] counts, long pixels) {
    this.truthLabels = truthLabels;
    this.segmentLabels = segmentLabels;
    this.counts = counts;
    this.pixels = pixels;
  }

  /** The table over every pixel; label 0 is counted like any other label. */
  public static ContingencyTable of(LabelImage truth, LabelImage segments) {
    return build(truth, segments, false);
  }

  /**
   * The table over the pixels whose truth label is not 0 ("foreground-restricted", as the ISBI 2012 scores): truth
   * background pixels are left out; segment label 0 is kept as a label of its own (callers decide what it means).
   */
  public static ContingencyTable ofTruthForeground(LabelImage truth, LabelImage segments) {
    return build(truth, segments, true);
  }

  private static ContingencyTable build(LabelImage truth, LabelImage segments, boolean truthForegroundOnly) {
    if (truth.height() != segments.height() || truth.width() != segments.width()) {
      throw new IllegalArgumentException(
          "truth is " + truth.height() + "×" + truth.width() + " but segmentation is " + segments.height() + "×"
              + segments.width() + " (H×W); they must have the same size");
    }
    int[] t = truth.data();
    int[] s = segments.data();
    long[] keys = new long[t.length];
    int n = 0;
    for (int p = 0; p < t.length; p++) {
      if (t[p] < 0 || s[p] < 0) {
        throw new IllegalArgumentException(
            (t[p] < 0 ? "truth" : "segmentation") + " label " + Math.min(t[p], s[p]) + " at (y=" + p / truth.width()
                + ", x=" + p % truth.width() + ") is negative; labels must be 0 (background) or positive");
      }
      if (!truthForegroundOnly || t[p] != 0) {
        keys[n++] = ((long) t[p] << 32) | s[p];
      }
    }
    Arrays.sort(keys, 0, n);
    int entries = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || keys[k] != keys[k - 1]) {
        entries++;
      }
    }
    int[] truthLabels = new int[entries];
    int[] segmentLabels = new int[entries];
    long[] counts = new long[entries];
    int e = -1;
    for (int k = 0; k < n; k++) {
      if (k == 0 || keys[k] != keys[k - 1]) {
        e++;
        truthLabels[e] = (int) (keys[k] >>> 32);
        segmentLabels[e] = (int) keys[k];
      }
      counts[e]++;
    }
    return new ContingencyTable(truthLabels, segmentLabels, counts, n);
  }

  /** Number of non-zero entries. */
  public int entries() {
    return counts.length;
  }

  /** Truth label of entry {@code k} (entries are sorted by truth label, then segment label). */
  public int truthLabel(int k) {
    return truthLabels[k];
  }

  /** Segment label of entry {@code k}. */
  public int segmentLabel(int k) {
    return segmentLabels[k];
  }

  /** Pixel count of entry {@code k} (always ≥ 1). */
  public long count(int k) {
    return counts[k];
  }

  /** Total number of counted pixels. */
  public long pixels() {
    return pixels;
  }

  /** Pixels per truth label, sorted by label. */
  public LabelSizes truthSizes() {
    return sizes(truthLabels, counts);
  }

  /** Pixels per segment label, sorted by label. */
  public LabelSizes segmentSizes() {
    int[] order = sortedBySegment();
    int[] labels = new int[order.length];
    long[] sizes = new long[order.length];
    for (int k = 0; k < order.length; k++) {
      labels[k] = segmentLabels[order[k]];
      sizes[k] = counts[order[k]];
    }
    return sizes(labels, sizes);
  }

  private int[] sortedBySegment() {
    // Sort entry indices by segment label: pack (segment, index) into one long so a primitive sort suffices.
    long[] packed = new long[counts.length];
    for (int k = 0; k < counts.length; k++) {
      packed[k] = ((long) segmentLabels[k] << 32) | k;
    }
    Arrays.sort(packed);
    int[] order = new int[counts.length];
    for (int k = 0; k < counts.length; k++) {
      order[k] = (int) packed[k];
    }
    return order;
  }

  private static LabelSizes sizes(int[] sortedLabels, long[] countsInLabelOrder) {
    int distinct = 0;
    for (int k = 0; k < sortedLabels.length; k++) {
      if (k == 0 || sortedLabels[k] != sortedLabels[k - 1]) {
        distinct++;
      }
    }
    int[] labels = new int[distinct];
    long[] sizes = new long[distinct];
    int d = -1;
    for (int k = 0; k < sortedLabels.length; k++) {
      if (k == 0 || sortedLabels[k] != sortedLabels[k - 1]) {
        labels[++d] = sortedLabels[k];
      }
      sizes[d] += countsInLabelOrder[k];
    }
    return new LabelSizes(labels, sizes);
  }

  /**
   * Distinct labels with their pixel counts, sorted by label.
   *
   * @param labels the labels, ascending
   * @param sizes pixels per label, same order
   */
  public record LabelSizes(int[] labels, long[] sizes) {

    /** The size of {@code label}, 0 if absent. */
    public long sizeOf(int label) {
      int k = Arrays.binarySearch(labels, label);
      return k >= 0 ? sizes[k] : 0;
    }

    /** Number of distinct labels. */
    public int count() {
      return labels.length;
    }
  }
}
