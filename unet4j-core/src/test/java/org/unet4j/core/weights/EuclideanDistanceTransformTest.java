package org.unet4j.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unet4j.core.image.LabelImage;

class EuclideanDistanceTransformTest {

  /** O(n²) reference: squared distance to every feature pixel, minimum taken. */
  static double[] bruteForceSquared(boolean[] features, int height, int width) {
    double[] out = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      long best = Long.MAX_VALUE;
      for (int j = 0; j < features.length; j++) {
        if (features[j]) {
          long dy = i / width - j / width;
          long dx = i % width - j % width;
          best = Math.min(best, dy * dy + dx * dx);
        }
      }
      out[i] = best == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : best;
    }
    return out;
  }

  static boolean[] randomMask(SplittableRandom random, int n, double density) {
    boolean[] mask = new boolean[n];
    for (int i = 0; i < n; i++) {
      mask[i] = random.nextDouble() < density;
    }
    return mask;
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1,1", "1,37", "37,1", "2,2", "7,13", "13,7", "32,17", "40,40", "1,200", "200,1"})
  void squaredDistancesEqualBruteForceExactly(int height, int width) {
    SplittableRandom random = new SplittableRandom(1000L * height + width);
    for (double density : new double[] {0.0, 0.002, 0.02, 0.1, 0.5, 0.95, 1.0}) {
      for (int repeat = 0; repeat < 3; repeat++) {
        boolean[] features = randomMask(random, height * width, density);
        double[] expected = bruteForceSquared(features, height, width);
        assertThat(EuclideanDistanceTransform.squaredDistances(features, height, width))
            .as("density %s repeat %d", density, repeat)
            .containsExactly(expected);
      }
    }
  }

  @Test
  void singleFeaturePixelGivesSquaredEuclideanDistanceEverywhere() {
    int height = 9;
    int width = 14;
    boolean[] features = new boolean[height * width];
    features[3 * width + 11] = true;
    double[] squared = EuclideanDistanceTransform.squaredDistances(features, height, width);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        assertThat(squared[y * width + x]).isEqualTo((y - 3) * (y - 3) + (x - 11) * (x - 11));
      }
    }
  }

  @Test
  void emptyImageIsInfiniteEverywhereAndHasNoNearestFeature() {
    boolean[] none = new boolean[5 * 6];
    assertThat(EuclideanDistanceTransform.squaredDistances(none, 5, 6)).containsOnly(Double.POSITIVE_INFINITY);
    assertThat(EuclideanDistanceTransform.distances(none, 5, 6)).containsOnly(Float.POSITIVE_INFINITY);
    assertThat(EuclideanDistanceTransform.featureTransform(none, 5, 6).nearestFeature()).containsOnly(-1);
  }

  @Test
  void fullImageIsZeroEverywhereAndEachPixelIsItsOwnNearestFeature() {
    boolean[] all = new boolean[4 * 7];
    java.util.Arrays.fill(all, true);
    EuclideanDistanceTransform.FeatureTransform ft = EuclideanDistanceTransform.featureTransform(all, 4, 7);
    assertThat(ft.squaredDistances()).containsOnly(0.0);
    for (int i = 0; i < all.length; i++) {
      assertThat(ft.nearestFeature()[i]).isEqualTo(i);
    }
  }

  @Test
  void nearestFeatureIsAFeatureAtTheMinimalDistance() {
    SplittableRandom random = new SplittableRandom(7);
    for (int repeat = 0; repeat < 20; repeat++) {
      int height = 1 + random.nextInt(30);
      int width = 1 + random.nextInt(30);
      boolean[] features = randomMask(random, height * width, random.nextDouble() * 0.2);
      double[] expected = bruteForceSquared(features, height, width);
      EuclideanDistanceTransform.FeatureTransform ft =
          EuclideanDistanceTransform.featureTransform(features, height, width);
      for (int i = 0; i < features.length; i++) {
        int j = ft.nearestFeature()[i];
        if (Double.isInfinite(expected[i])) {
          assertThat(j).isEqualTo(-1);
          continue;
        }
        assertThat(features[j]).isTrue();
        long dy = i / width - j / width;
        long dx = i % width - j % width;
        assertThat((double) (dy * dy + dx * dx)).isEqualTo(expected[i]);
      }
    }
  }

  @Test
  void distancesAreSquareRootsAndLabelImageNonZeroPixelsAreFeatures() {
    LabelImage mask = new LabelImage(3, 4, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5});
    float[] distances = EuclideanDistanceTransform.distances(mask);
    assertThat(distances[0]).isEqualTo((float) Math.sqrt(4 + 9));
    assertThat(distances[11]).isZero();
    assertThat(EuclideanDistanceTransform.squaredDistances(mask)[1]).isEqualTo(4 + 4);
  }

  @Test
  void wrongMaskLengthIsRejectedWithSizes() {
    assertThatThrownBy(() -> EuclideanDistanceTransform.squaredDistances(new boolean[5], 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5")
        .hasMessageContaining("2×3");
  }
}
