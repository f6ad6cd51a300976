package org.unet4j.core.weights;

import org.unet4j.core.image.LabelImage;

/**
 * Exact Euclidean distance transform of a binary image in linear time: for every pixel, the distance (in pixels,
 * between pixel centres) to the nearest <em>feature</em> pixel, and optionally which feature pixel that is.
 *
 * <p>Algorithm: Felzenszwalb &amp; Huttenlocher, "Distance Transforms of Sampled Functions", Theory of Computing 8
 * (2012). The squared transform is separable: a 1-D pass down each column gives the vertical distance to the
 * nearest feature in that column, and a 1-D pass along each row takes, for every pixel, the lower envelope of the
 * parabolas {@code (x − v)² + f(v)} over the columns {@code v} ({@link LowerEnvelope}, in exact integer
 * arithmetic). Both passes are {@code O(height·width)}.
 *
 * <p>Squared distances are whole numbers and are returned exactly (as {@code double}, exact up to 2<sup>53</sup>).
 * If the image has no feature pixel at all, every distance is {@link Double#POSITIVE_INFINITY} (or
 * {@link Float#POSITIVE_INFINITY}) and every nearest-feature index is {@code -1}.
 */
public final class EuclideanDistanceTransform {

  private EuclideanDistanceTransform() {}

  /**
   * The full result: squared distances and the nearest feature pixel of every pixel.
   *
   * @param height rows
   * @param width columns
   * @param squaredDistances {@code height·width} squared distances in px² (exact integers; +∞ without features)
   * @param nearestFeature {@code height·width} flat indices {@code y·width + x} of a nearest feature pixel (one of
   *     them if several are equally near), {@code -1} without features
   */
  public record FeatureTransform(int height, int width, double[] squaredDistances, int[] nearestFeature) {

    /** The distance in px at row {@code y}, column {@code x}. */
    public double distance(int y, int x) {
      return Math.sqrt(squaredDistances[y * width + x]);
    }
  }

  /**
   * Squared distances in px² from every pixel to the nearest pixel with {@code features[i] == true}.
   *
   * @param features row-major mask of {@code height·width} pixels
   * @return a new array; 0 on feature pixels, +∞ everywhere if there are no features
   */
  public static double[] squaredDistances(boolean[] features, int height, int width) {
    return transform(features, height, width, false).squaredDistances();
  }

  /** Squared distances in px² to the nearest non-zero pixel of {@code mask}; see {@link #squaredDistances(boolean[], int, int)}. */
  public static double[] squaredDistances(LabelImage mask) {
    return squaredDistances(nonZero(mask), mask.height(), mask.width());
  }

  /**
   * Distances in px from every pixel to the nearest feature pixel ({@code sqrt} of the squared distances, as floats).
   *
   * @return a new array; 0 on feature pixels, +∞ everywhere if there are no features
   */
  public static float[] distances(boolean[] features, int height, int width) {
    double[] squared = squaredDistances(features, height, width);
    float[] out = new float[squared.length];
    for (int i = 0; i < squared.length; i++) {
      out[i] = (float) Math.sqrt(squared[i]);
    }
    return out;
  }

  /** Distances in px to the nearest non-zero pixel of {@code mask}; see {@link #distances(boolean[], int, int)}. */
  public static float[] distances(LabelImage mask) {
    return distances(nonZero(mask), mask.height(), mask.width());
  }

  /**
   * Squared distances and nearest feature pixel (the "feature transform") for every pixel.
   *
   * @param features row-major mask of {@code height·width} pixels
   */
  public static FeatureTransform featureTransform(boolean[] features, int height, int width) {
    return transform(features, height, width, true);
  }

  private static boolean[] nonZero(LabelImage mask) {
    int[] data = mask.data();
    boolean[] features = new boolean[data.length];
    for (int i = 0; i < data.length; i++) {
      features[i] = data[i] != 0;
    }
    return features;
  }

  private static FeatureTransform transform(boolean[] features, int height, int width, boolean withNearest) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image size " + height + "×" + width + " (H×W) must be positive");
    }
    int n = height * width;
    if (features.length != n) {
      throw new IllegalArgumentException(
          "feature mask has " + features.length + " pixels but " + height + "×" + width + " needs " + n);
    }
    // Column pass as two row-major sweeps (cache friendly): nearest feature row in the same column, -1 if none.
    int[] nearestRow = new int[n];
    for (int x = 0; x < width; x++) {
      nearestRow[x] = features[x] ? 0 : -1;
    }
    for (int y = 1; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        nearestRow[row + x] = features[row + x] ? y : nearestRow[row - width + x];
      }
    }
    for (int y = height - 2; y >= 0; y--) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        int below = nearestRow[row + width + x];
        int current = nearestRow[row + x];
        // The nearest feature of row y+1 is the nearest feature below row y whenever it is closer than the one above.
        if (below >= 0 && (current < 0 || below - y < y - current)) {
          nearestRow[row + x] = below;
        }
      }
    }

    double[] squared = new double[n];
    int[] nearest = withNearest ? new int[n] : null;
    LowerEnvelope envelope = new LowerEnvelope(width);
    for (int y = 0; y < height; y++) {
      int row = y * width;
      envelope.clear();
      for (int x = 0; x < width; x++) {
        int r = nearestRow[row + x];
        if (r < 0) {
          continue;
        }
        // Inside a run of feature pixels a parabola is lowest only at its own (feature) pixel, where the answer is
        // 0 anyway: the run's ends serve every other pixel better, so interior parabolas are left out.
        if (r == y
            && x > 0
            && x < width - 1
            && nearestRow[row + x - 1] == y
            && nearestRow[row + x + 1] == y) {
          continue;
        }
        envelope.add(x, (long) (y - r) * (y - r));
      }
      if (envelope.size() == 0) {
        for (int x = 0; x < width; x++) {
          squared[row + x] = Double.POSITIVE_INFINITY;
          if (withNearest) {
            nearest[row + x] = -1;
          }
        }
        continue;
      }
      envelope.rewind();
      for (int x = 0; x < width; x++) {
        if (nearestRow[row + x] == y) {
          squared[row + x] = 0;
          if (withNearest) {
            nearest[row + x] = row + x;
          }
          continue;
        }
        int p = envelope.nearestVertex(x);
        squared[row + x] = envelope.valueAt(x);
        if (withNearest) {
          nearest[row + x] = nearestRow[row + p] * width + p;
        }
      }
    }
    return new FeatureTransform(height, width, squared, nearest);
  }
}
