package org.unet4j.core.weights;

import java.util.Arrays;
import org.unet4j.core.image.LabelImage;

/**
 * The class-frequency term {@code w_c(x)} of U-Net eq. 2: a weight per class computed from pixel counts, spread to
 * a weight per pixel from a class-index mask.
 *
 * @param balance the formula (see {@link ClassBalance})
 * @param numClasses number of classes; masks must hold class indices in {@code [0, numClasses)}
 */
public record ClassBalanceWeights(ClassBalance balance, int numClasses) {

  /** Checks the arguments. */
  public ClassBalanceWeights {
    if (balance == null) {
      throw new IllegalArgumentException("balance must not be null; use ClassBalance.NONE for no balancing");
    }
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses " + numClasses + " must be ≥ 1 (2 for foreground/background)");
    }
  }

  /**
   * Pixel counts per class of a class-index mask.
   *
   * @return {@code numClasses} counts
   * @throws IllegalArgumentException if a value lies outside {@code [0, numClasses)}
   */
  public long[] countClasses(LabelImage classMask) {
    long[] counts = new long[numClasses];
    int[] data = classMask.data();
    // Run by run: masks come in long runs of one class, and a run needs one check and one increment, where pixel
    // by pixel each increment would wait for the previous one to the same count.
    for (int i = 0; i < data.length; ) {
      int c = data[i];
      if (c < 0 || c >= numClasses) {
        throw new IllegalArgumentException(
            "class index " + c + " at (y=" + i / classMask.width() + ", x=" + i % classMask.width()
                + ") is outside [0, " + numClasses + "); set numClasses to cover every class in the mask");
      }
      int start = i;
      do {
        i++;
      } while (i < data.length && data[i] == c);
      counts[c] += i - start;
    }
    return counts;
  }

  /**
   * Class weights from pixel counts per class (for example summed over a whole data set), by the formula of
   * {@link #balance()}; absent classes get 0.
   *
   * @param counts {@code numClasses} non-negative pixel counts
   * @return {@code numClasses} weights; all 0 if every count is 0
   */
  public double[] classWeights(long[] counts) {
    if (counts.length != numClasses) {
      throw new IllegalArgumentException("got " + counts.length + " class counts for " + numClasses + " classes");
    }
    long total = 0;
    int present = 0;
    long largest = 0;
    for (long count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("class count " + count + " is negative");
      }
      total += count;
      present += count > 0 ? 1 : 0;
      largest = Math.max(largest, count);
    }
    double[] weights = new double[numClasses];
    long reference = counts[0] > 0 ? counts[0] : largest;
    for (int c = 0; c < numClasses; c++) {
      if (counts[c] == 0) {
        continue;
      }
      weights[c] =
          switch (balance) {
            case NONE -> 1.0;
            case MEAN_ONE -> (double) total / ((double) present * counts[c]);
            case BACKGROUND_ONE -> (double) reference / counts[c];
          };
    }
    return weights;
  }

  /** Class weights from the class frequencies of one mask; see {@link #classWeights(long[])}. */
  public double[] classWeights(LabelImage classMask) {
    return classWeights(countClasses(classMask));
  }

  /** Per-pixel weights {@code w_c(x)} from the class frequencies of this mask (row-major, one per pixel). */
  public float[] pixelWeights(LabelImage classMask) {
    return pixelWeights(classMask, classWeights(classMask));
  }

  /**
   * Per-pixel weights {@code w_c(x) = classWeights[mask(x)]} for given class weights (for example from
   * data-set-wide counts).
   *
   * @throws IllegalArgumentException if a mask value has no weight
   */
  public static float[] pixelWeights(LabelImage classMask, double[] classWeights) {
    int[] data = classMask.data();
    float[] weights = new float[data.length];
    float[] table = new float[classWeights.length];
    for (int c = 0; c < table.length; c++) {
      table[c] = (float) classWeights[c];
    }
    // Run by run (see countClasses): one check per run, and the fill of a run is vectorised.
    for (int i = 0; i < data.length; ) {
      int c = data[i];
      if (c < 0 || c >= table.length) {
        throw new IllegalArgumentException(
            "class index " + c + " at (y=" + i / classMask.width() + ", x=" + i % classMask.width()
                + ") has no weight; " + table.length + " class weights given");
      }
      int start = i;
      do {
        i++;
      } while (i < data.length && data[i] == c);
      Arrays.fill(weights, start, i, table[c]);
    }
    return weights;
  }
}
