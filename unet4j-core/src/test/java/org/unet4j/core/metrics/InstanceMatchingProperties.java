package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.unet4j.core.image.LabelImage;

/** The Hungarian matching against exhaustive search over all one-to-one matchings of small random instance images. */
class InstanceMatchingProperties {

  @Property(tries = 300)
  void matchingIsTheLargestThenHeaviestOneToOneMatching(
      @ForAll @IntRange(min = 1, max = 5) int trueObjects, @ForAll @IntRange(min = 1, max = 5) int predictedObjects,
      @ForAll @IntRange(min = 1, max = 3) int thresholdTenths, @ForAll long seed) {
    Random random = new Random(seed);
    int h = 4;
    int w = 6;
    int[] t = new int[h * w];
    int[] p = new int[h * w];
    for (int i = 0; i < t.length; i++) {
      t[i] = random.nextInt(trueObjects + 1);
      p[i] = random.nextInt(predictedObjects + 1);
    }
    double threshold = thresholdTenths / 10.0 + 0.05;
    double[][] iou = new double[trueObjects + 1][predictedObjects + 1];
    for (int a = 1; a <= trueObjects; a++) {
      for (int b = 1; b <= predictedObjects; b++) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < t.length; i++) {
          both += t[i] == a && p[i] == b ? 1 : 0;
          either += t[i] == a || p[i] == b ? 1 : 0;
        }
        iou[a][b] = either == 0 ? 0 : (double) both / either;
      }
    }
    double[] best = search(iou, 1, new boolean[predictedObjects + 1], threshold, trueObjects, predictedObjects);
    MatchingCounts m = InstanceMatching
        .evaluate(new LabelImage(h, w, t), new LabelImage(h, w, p), List.of(threshold)).at(threshold);
    assertThat(m.truePositives()).isEqualTo((long) best[0]);
    assertThat(m.matchedIouSum()).isCloseTo(best[1], within(1e-9));
  }

  /** {count, iouSum} of the best matching of true objects a..n: most pairs, then largest IoU sum. */
  private static double[] search(double[][] iou, int a, boolean[] used, double threshold, int n, int m) {
    if (a > n) {
      return new double[] {0, 0};
    }
    double[] best = search(iou, a + 1, used, threshold, n, m);
    for (int b = 1; b <= m; b++) {
      if (!used[b] && iou[a][b] >= threshold && iou[a][b] > 0) {
        used[b] = true;
        double[] rest = search(iou, a + 1, used, threshold, n, m);
        used[b] = false;
        double count = rest[0] + 1;
        double sum = rest[1] + iou[a][b];
        if (count > best[0] || (count == best[0] && sum > best[1] + 1e-12)) {
          best = new double[] {count, sum};
        }
      }
    }
    return best;
  }
}
