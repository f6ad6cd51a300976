package org.unet4j.core.metrics;

import java.util.Arrays;
import org.unet4j.core.image.LabelImage;

/**
 * A K×K pixel confusion matrix (rows = truth, columns = prediction): the sufficient statistic for pixel metrics.
 * Counts from several images or workers merge by addition, so a dataset score is the metric of the merged counts
 * ("pooled"), not the mean of per-image scores.
 *
 * <p>Mutable accumulator; not thread-safe. Labels outside {@code [0, K)} are rejected.
 */
public final class ConfusionCounts {

  private final int numClasses;
  private final long[] counts;

  /** An empty matrix for {@code numClasses} classes. */
  public ConfusionCounts(int numClasses) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses is " + numClasses + "; a confusion matrix needs at least 2");
    }
    this.numClasses = numClasses;
    this.counts = new long[numClasses * numClasses];
  }

  /** The counts of one image pair. */
  public static ConfusionCounts of(LabelImage truth, LabelImage prediction, int numClasses) {
    ConfusionCounts counts = new ConfusionCounts(numClasses);
    counts.add(truth, prediction);
    return counts;
  }

  /** Adds every pixel of an image pair of equal size. */
  public ConfusionCounts add(LabelImage truth, LabelImage prediction) {
    if (truth.height() != prediction.height() || truth.width() != prediction.width()) {
      throw new IllegalArgumentException(
          "truth is " + truth.height() + "×" + truth.width() + " but prediction is " + prediction.height() + "×"
              + prediction.width() + "; they must have the same size");
    }
    int[] t = truth.data();
    int[] p = prediction.data();
    for (int i = 0; i < t.length; i++) {
      counts[checked(t[i], "truth") * numClasses + checked(p[i], "prediction")]++;
    }
    return this;
  }

  /** Adds another matrix of the same class count. */
  public ConfusionCounts merge(ConfusionCounts other) {
    if (other.numClasses != numClasses) {
      throw new IllegalArgumentException(
          "cannot merge counts of " + other.numClasses + " classes into counts of " + numClasses);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    return this;
  }

  /** Pixels of true class {@code truth} predicted as {@code predicted}. */
  public long count(int truth, int predicted) {
    return counts[truth * numClasses + predicted];
  }

  /** The number of classes K. */
  public int numClasses() {
    return numClasses;
  }

  /** All counted pixels. */
  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** Pixels correctly predicted as class {@code k}. */
  public long truePositives(int k) {
    return count(k, k);
  }

  /** Pixels predicted as {@code k} whose truth is another class. */
  public long falsePositives(int k) {
    long sum = 0;
    for (int t = 0; t < numClasses; t++) {
      sum += t == k ? 0 : count(t, k);
    }
    return sum;
  }

  /** Pixels of true class {@code k} predicted as another class. */
  public long falseNegatives(int k) {
    long sum = 0;
    for (int p = 0; p < numClasses; p++) {
      sum += p == k ? 0 : count(k, p);
    }
    return sum;
  }

  /**
   * Intersection over union of class {@code k}: {@code TP / (TP + FP + FN)}. Empty-set rule: NaN when class
   * {@code k} is absent from both truth and prediction (nothing to score).
   */
  public double iou(int k) {
    long tp = truePositives(k);
    long union = tp + falsePositives(k) + falseNegatives(k);
    return union == 0 ? Double.NaN : (double) tp / union;
  }

  /** Dice / F1 of class {@code k}: {@code 2TP / (2TP + FP + FN)}. Empty-set rule: NaN as for {@link #iou}. */
  public double dice(int k) {
    long tp = truePositives(k);
    long denominator = 2 * tp + falsePositives(k) + falseNegatives(k);
    return denominator == 0 ? Double.NaN : 2.0 * tp / denominator;
  }

  /** Fraction of pixels whose predicted class differs from the truth; NaN when nothing was counted. */
  public double pixelError() {
    long total = total();
    if (total == 0) {
      return Double.NaN;
    }
    long correct = 0;
    for (int k = 0; k < numClasses; k++) {
      correct += count(k, k);
    }
    return (double) (total - correct) / total;
  }

  private int checked(int label, String which) {
    if (label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          which + " label " + label + " is outside [0, " + numClasses + "); pass class-index images, not instances");
    }
    return label;
  }
}
