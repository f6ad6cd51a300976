package org.unet4j.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class BorderWeightMapTest {

  /** Brute force: for each pixel, the distance to every instance (min over all its pixels), the two smallest. */
  static double[][] bruteForceD1D2(LabelImage instances) {
    int[] labels = instances.data();
    int width = instances.width();
    int max = instances.maxLabel();
    int n = labels.length;
    double[] d1 = new double[n];
    double[] d2 = new double[n];
    for (int i = 0; i < n; i++) {
      double[] perLabel = new double[max + 1];
      Arrays.fill(perLabel, Double.POSITIVE_INFINITY);
      for (int j = 0; j < n; j++) {
        if (labels[j] != 0) {
          double dy = i / width - j / width;
          double dx = i % width - j % width;
          perLabel[labels[j]] = Math.min(perLabel[labels[j]], Math.sqrt(dy * dy + dx * dx));
        }
      }
      double[] sorted = Arrays.copyOfRange(perLabel, 1, max + 1);
      Arrays.sort(sorted);
      d1[i] = sorted.length > 0 ? sorted[0] : Double.POSITIVE_INFINITY;
      d2[i] = sorted.length > 1 ? sorted[1] : Double.POSITIVE_INFINITY;
    }
    return new double[][] {d1, d2};
  }

  /** Random rectangles and discs with gaps of a few px, labels spread out (not consecutive). */
  static LabelImage randomInstances(SplittableRandom random, int height, int width, int count) {
    LabelImage image = LabelImage.zeros(height, width);
    for (int k = 1; k <= count; k++) {
      int label = 3 * k + random.nextInt(3);
      if (random.nextBoolean()) {
        TouchingCells.paintDisc(
            image, random.nextInt(height), random.nextInt(width), 1 + random.nextDouble() * 6, label);
      } else {
        int y0 = random.nextInt(height);
        int x0 = random.nextInt(width);
        int y1 = Math.min(height - 1, y0 + random.nextInt(8));
        int x1 = Math.min(width - 1, x0 + random.nextInt(8));
        for (int y = y0; y <= y1; y++) {
          for (int x = x0; x <= x1; x++) {
            image.set(y, x, label);
          }
        }
      }
    }
    return image;
  }

  @Test
  void nearestTwoDistancesEqualBruteForceOnRandomInstanceImages() {
    SplittableRandom random = new SplittableRandom(21);
    for (int repeat = 0; repeat < 25; repeat++) {
      int height = 1 + random.nextInt(36);
      int width = 1 + random.nextInt(36);
      LabelImage instances = randomInstances(random, height, width, random.nextInt(7));
      double[][] expected = bruteForceD1D2(instances);
      NearestInstanceDistances exact =
          BorderWeightMap.nearestInstanceDistances(instances, Double.POSITIVE_INFINITY);
      double limit = 1 + random.nextDouble() * 10;
      NearestInstanceDistances limited = BorderWeightMap.nearestInstanceDistances(instances, limit);
      for (int i = 0; i < expected[0].length; i++) {
        for (int which = 0; which < 2; which++) {
          double want = expected[which][i];
          float got = which == 0 ? exact.d1Px()[i] : exact.d2Px()[i];
          float gotLimited = which == 0 ? limited.d1Px()[i] : limited.d2Px()[i];
          if (Double.isInfinite(want)) {
            assertThat(got).isInfinite();
          } else {
            assertThat((double) got).as("repeat %d pixel %d d%d", repeat, i, which + 1).isCloseTo(want, within(1e-4));
          }
          if (want <= limit) {
            assertThat((double) gotLimited).isCloseTo(want, within(1e-4));
          } else {
            assertThat(gotLimited).as("beyond the %s px limit", limit).isInfinite();
          }
        }
      }
    }
  }

  /**
   * Brute force in integers: per pixel, the squared distances to the nearest and second-nearest instance
   * ({@code Long.MAX_VALUE} if none).
   */
  static long[][] bruteForceSquared(LabelImage instances) {
    int[] labels = instances.data();
    int width = instances.width();
    int max = instances.maxLabel();
    int n = labels.length;
    long[][] d = new long[2][n];
    long[] perLabel = new long[max + 1];
    for (int i = 0; i < n; i++) {
      Arrays.fill(perLabel, Long.MAX_VALUE);
      for (int j = 0; j < n; j++) {
        if (labels[j] != 0) {
          long dy = i / width - j / width;
          long dx = i % width - j % width;
          perLabel[labels[j]] = Math.min(perLabel[labels[j]], dy * dy + dx * dx);
        }
      }
      long first = Long.MAX_VALUE;
      long second = Long.MAX_VALUE;
      for (int l = 1; l <= max; l++) {
        if (perLabel[l] < first) {
          second = first;
          first = perLabel[l];
        } else if (perLabel[l] < second) {
          second = perLabel[l];
        }
      }
      d[0][i] = first;
      d[1][i] = second;
    }
    return d;
  }

  /** Speckle, small rectangles and discs (1 px ones and ones cut by the image border included), or touching cells. */
  static LabelImage mixedInstances(SplittableRandom random, int height, int width) {
    switch (random.nextInt(3)) {
      case 0 -> {
        int[] labels = new int[height * width];
        double density = random.nextDouble();
        int count = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
        for (int i = 0; i < labels.length; i++) {
          labels[i] = random.nextDouble() < density ? 1 + random.nextInt(count) : 0;
        }
        return new LabelImage(height, width, labels);
      }
      case 1 -> {
        return randomInstances(random, height, width, random.nextInt(random.nextBoolean() ? 8 : 40));
      }
      default -> {
        int rows = 1 + random.nextInt(3);
        int columns = 1 + random.nextInt(3);
        return TouchingCells.generate(height, width, rows, columns, 2 + random.nextDouble() * 10, random.nextLong());
      }
    }
  }

  /**
   * Pins the results bit for bit, not just to 1e-4: the distances are exact (square roots of the exact integer
   * squared distances) and the border term is the formula's float for them, whatever the search does inside
   * (envelopes, skipped pixels and columns, the table). Covers radius 0, radii too large to tabulate and no limit.
   */
  @Test
  void distancesAndBorderTermAreBitIdenticalToIntegerBruteForce() {
    SplittableRandom random = new SplittableRandom(24);
    BorderWeightMap[] maps = {
      BorderWeightMap.paperDefaults(),
      new BorderWeightMap(3.0, 1.5),
      new BorderWeightMap(10.0, 0.3), // cutoff 1.58 px: only the distance 1 is within cutoff − 1 … nothing pairs
      new BorderWeightMap(10.0, 12.0) // not tabulated
    };
    double[] limits = {0, 0.5, 1, 1.5, 2.9, 7, 30, Double.POSITIVE_INFINITY};
    for (int repeat = 0; repeat < 60; repeat++) {
      int height = 1 + random.nextInt(40);
      int width = 1 + random.nextInt(40);
      LabelImage instances = mixedInstances(random, height, width);
      long[][] d = bruteForceSquared(instances);
      for (double limit : limits) {
        NearestInstanceDistances got = BorderWeightMap.nearestInstanceDistances(instances, limit);
        long limitSquared = (long) Math.floor(limit * limit);
        for (int i = 0; i < d[0].length; i++) {
          assertThat(got.d1Px()[i])
              .as("repeat %d limit %s pixel %d d1", repeat, limit, i)
              .isEqualTo(distance(d[0][i], limitSquared));
          assertThat(got.d2Px()[i])
              .as("repeat %d limit %s pixel %d d2", repeat, limit, i)
              .isEqualTo(distance(d[1][i], limitSquared));
        }
      }
      for (BorderWeightMap map : maps) {
        float[] term = map.borderTerm(instances);
        double negInvTwoSigmaSq = -1.0 / (2.0 * map.sigmaPx() * map.sigmaPx());
        for (int i = 0; i < term.length; i++) {
          float want = 0f;
          if (instances.data()[i] == 0 && d[1][i] != Long.MAX_VALUE) {
            double s = Math.sqrt(d[0][i]) + Math.sqrt(d[1][i]);
            want = s <= map.cutoffPx() ? (float) (map.w0() * Math.exp(s * s * negInvTwoSigmaSq)) : 0f;
          }
          assertThat(term[i]).as("%s repeat %d pixel %d", map, repeat, i).isEqualTo(want);
        }
      }
    }
  }

  private static float distance(long squared, long limitSquared) {
    boolean none = squared == Long.MAX_VALUE; // no such instance (the limit may be Long.MAX_VALUE too: +∞)
    return !none && squared <= limitSquared ? (float) Math.sqrt(squared) : Float.POSITIVE_INFINITY;
  }

  @Test
  void borderTermEqualsEquationTwoComputedByBruteForce() {
    SplittableRandom random = new SplittableRandom(22);
    for (BorderWeightMap map :
        new BorderWeightMap[] {
          BorderWeightMap.paperDefaults(), new BorderWeightMap(3.0, 1.5), new BorderWeightMap(10.0, 12.0)
        }) {
      for (int repeat = 0; repeat < 12; repeat++) {
        int height = 1 + random.nextInt(40);
        int width = 1 + random.nextInt(40);
        LabelImage instances = randomInstances(random, height, width, random.nextInt(8));
        double[][] d = bruteForceD1D2(instances);
        float[] term = map.borderTerm(instances);
        for (int i = 0; i < term.length; i++) {
          double s = d[0][i] + d[1][i];
          double want =
              instances.data()[i] != 0 || Double.isInfinite(s)
                  ? 0
                  : map.w0() * Math.exp(-s * s / (2 * map.sigmaPx() * map.sigmaPx()));
          assertThat((double) term[i]).as("%s repeat %d pixel %d", map, repeat, i).isCloseTo(want, within(1e-4));
        }
      }
    }
  }

  /**
   * Speckled instances (each pixel belongs to one of a few labels with some probability): rows with many runs of
   * one label, holes and fragments, the cases the per-row fast path for a single run of own pixels does not take.
   */
  @Test
  void fragmentedInstancesEqualBruteForce() {
    SplittableRandom random = new SplittableRandom(23);
    for (int repeat = 0; repeat < 20; repeat++) {
      int height = 1 + random.nextInt(30);
      int width = 1 + random.nextInt(30);
      int[] labels = new int[height * width];
      double density = random.nextDouble();
      for (int i = 0; i < labels.length; i++) {
        labels[i] = random.nextDouble() < density ? 1 + random.nextInt(3) : 0;
      }
      LabelImage instances = new LabelImage(height, width, labels);
      double[][] expected = bruteForceD1D2(instances);
      double limit = 1 + random.nextDouble() * 8;
      NearestInstanceDistances limited = BorderWeightMap.nearestInstanceDistances(instances, limit);
      BorderWeightMap map = new BorderWeightMap(10, 0.5 + random.nextDouble() * 3);
      float[] term = map.borderTerm(instances);
      for (int i = 0; i < labels.length; i++) {
        for (int which = 0; which < 2; which++) {
          double want = expected[which][i];
          float got = which == 0 ? limited.d1Px()[i] : limited.d2Px()[i];
          if (want <= limit) {
            assertThat((double) got).as("repeat %d pixel %d d%d", repeat, i, which + 1).isCloseTo(want, within(1e-4));
          } else {
            assertThat(got).as("repeat %d pixel %d d%d beyond %s px", repeat, i, which + 1, limit).isInfinite();
          }
        }
        double s = expected[0][i] + expected[1][i];
        double wantTerm =
            labels[i] != 0 || Double.isInfinite(s)
                ? 0
                : map.w0() * Math.exp(-s * s / (2 * map.sigmaPx() * map.sigmaPx()));
        assertThat((double) term[i]).as("repeat %d term at pixel %d", repeat, i).isCloseTo(wantTerm, within(1e-4));
      }
    }
  }

  @Test
  void borderTermOnTouchingCellsEqualsBruteForce() {
    // The benchmark's kind of image, small enough for the O(n²) reference: 3 × 4 touching cells on 72×96 px.
    LabelImage instances = TouchingCells.generate(72, 96, 3, 4, 0.63 * 24, 3);
    assertThat(instances.maxLabel()).isEqualTo(12);
    BorderWeightMap map = BorderWeightMap.paperDefaults();
    double[][] d = bruteForceD1D2(instances);
    float[] term = map.borderTerm(instances);
    int positive = 0;
    for (int i = 0; i < term.length; i++) {
      double s = d[0][i] + d[1][i];
      double want = instances.data()[i] != 0 ? 0 : 10 * Math.exp(-s * s / 50);
      assertThat((double) term[i]).as("pixel %d", i).isCloseTo(want, within(1e-4));
      positive += term[i] > 1 ? 1 : 0;
    }
    assertThat(positive).as("background pixels with a border term above 1").isGreaterThan(100);
  }

  /** Two discs of radius 10 with a 2 px gap between them on the centre row, mirror images of each other. */
  static LabelImage twoDiscsWithGap(int labelLeft, int labelRight) {
    LabelImage image = LabelImage.zeros(41, 64);
    TouchingCells.paintDisc(image, 20, 20, 10, labelLeft); // rightmost pixel x = 30
    TouchingCells.paintDisc(image, 20, 43, 10, labelRight); // leftmost pixel x = 33; gap x = 31, 32
    return image;
  }

  @Test
  void twoDiscsWithTwoPixelGapGiveSymmetricWeightsPeakingInTheGap() {
    BorderWeightMap map = BorderWeightMap.paperDefaults();
    LabelImage image = twoDiscsWithGap(1, 2);
    float[] w = map.compute(image).data();
    int height = 41;
    int width = 64;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        assertThat(w[y * width + x]).as("mirror of (%d, %d)", y, x).isEqualTo(w[y * width + width - 1 - x]);
        assertThat(w[y * width + x]).as("flip of (%d, %d)", y, x).isEqualTo(w[(height - 1 - y) * width + x]);
      }
    }
    // Swapping the labels changes nothing.
    assertThat(map.compute(twoDiscsWithGap(2, 1)).data()).containsExactly(w);
    int argMax = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] > w[argMax]) {
        argMax = i;
      }
    }
    assertThat(argMax / width).isEqualTo(20);
    assertThat(argMax % width).isIn(31, 32);
    // Gap pixel next to one disc: d1 = 1, d2 = 2.
    double peak = 1 + 10 * Math.exp(-(1 + 2) * (1 + 2) / (2.0 * 25));
    assertThat((double) w[argMax]).isCloseTo(peak, within(1e-5));
    // Far background and cell interiors carry w_c = 1 only.
    assertThat(w[0]).isEqualTo(1f);
    assertThat(w[20 * width + 20]).isEqualTo(1f);
    assertThat(w[20 * width + 30]).isEqualTo(1f);
  }

  @Test
  void singleObjectAndEmptyImageHaveNoBorderTerm() {
    LabelImage single = LabelImage.zeros(30, 30);
    TouchingCells.paintDisc(single, 10, 12, 6, 4);
    assertThat(BorderWeightMap.paperDefaults().borderTerm(single)).containsOnly(0f);
    assertThat(BorderWeightMap.paperDefaults().borderTerm(LabelImage.zeros(5, 7))).containsOnly(0f);
    assertThat(BorderWeightMap.nearestInstanceDistances(single, 100).d2Px()).containsOnly(Float.POSITIVE_INFINITY);
  }

  @Test
  void termIsZeroBeyondTheCutoffWhereItIsNegligible() {
    BorderWeightMap map = BorderWeightMap.paperDefaults();
    assertThat(map.cutoffPx()).isCloseTo(5 * Math.sqrt(2 * Math.log(1e6)), within(1e-12));
    assertThat(Math.exp(-Math.pow(map.cutoffPx(), 2) / 50)).isCloseTo(1e-6, within(1e-12));
    // Two single pixels 30 px apart: the midpoint has d1 + d2 = 30 > 26.3 px.
    LabelImage image = LabelImage.zeros(1, 31);
    image.set(0, 0, 1);
    image.set(0, 30, 2);
    float[] term = map.borderTerm(image);
    assertThat(term).containsOnly(0f);
    LabelImage closer = LabelImage.zeros(1, 27);
    closer.set(0, 0, 1);
    closer.set(0, 26, 2);
    assertThat((double) map.borderTerm(closer)[13]).isCloseTo(10 * Math.exp(-26.0 * 26 / 50), within(1e-9));
  }

  @Test
  void classWeightsAreAddedPerPixel() {
    LabelImage image = twoDiscsWithGap(1, 2);
    float[] classWeights = new float[image.data().length];
    Arrays.fill(classWeights, 0.5f);
    FloatImage w = BorderWeightMap.paperDefaults().compute(image, classWeights);
    FloatImage plain = BorderWeightMap.paperDefaults().compute(image);
    for (int i = 0; i < classWeights.length; i++) {
      assertThat(w.data()[i]).isCloseTo(plain.data()[i] - 0.5f, within(1e-6f));
    }
  }

  @Test
  void invalidParametersAreRejected() {
    assertThatThrownBy(() -> new BorderWeightMap(-1, 5)).hasMessageContaining("w0");
    assertThatThrownBy(() -> new BorderWeightMap(10, 0)).hasMessageContaining("sigmaPx");
    LabelImage negative = new LabelImage(1, 2, new int[] {0, -3});
    assertThatThrownBy(() -> BorderWeightMap.paperDefaults().borderTerm(negative))
        .hasMessageContaining("-3")
        .hasMessageContaining("x=1");
  }
}
