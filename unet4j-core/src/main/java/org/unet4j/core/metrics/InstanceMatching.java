package org.unet4j.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.metrics.ContingencyTable.LabelSizes;

/**
 * Instance-segmentation scores of a predicted instance image against a true one (0 = background, every other label
 * value one object; an object may be disconnected — split instance images first with {@code
 * ConnectedComponents.splitInstances} if pieces should count apart).
 *
 * <p><b>Matching.</b> At IoU threshold t a true and a predicted object may match when {@code IoU ≥ t}; the matching
 * is one-to-one and <em>optimal</em>, as StarDist's {@code matching} and Cellpose's {@code average_precision}:
 * first the largest number of matched pairs, then, among matchings of that size, the largest total IoU (solved
 * exactly with the Hungarian method on each connected block of candidate pairs). For t &gt; 0.5 every object has at
 * most one candidate, so the matching is unique; only at t ≤ 0.5 can crowded objects compete (a 2-pixel object
 * halved by two predictions has IoU exactly 0.5 with both). StarDist and Cellpose also let pairs below t take part
 * in the IoU tie-break, which can change which of equally many matches is reported, never how many.
 *
 * <p><b>SEG</b> follows the Cell Tracking Challenge ({@link SegCounts}).
 */
public final class InstanceMatching {

  /** The DSB 2018 / COCO thresholds 0.50, 0.55, …, 0.95. */
  public static final List<Double> AP_THRESHOLDS = apThresholds();

  private InstanceMatching() {}

  private static List<Double> apThresholds() {
    List<Double> thresholds = new ArrayList<>();
    for (int percent = 50; percent <= 95; percent += 5) {
      thresholds.add(percent / 100.0);
    }
    return List.copyOf(thresholds);
  }

  /** SEG and the matching counts at {@link #AP_THRESHOLDS}. */
  public static InstanceScores evaluate(LabelImage truth, LabelImage prediction) {
    return evaluate(truth, prediction, AP_THRESHOLDS);
  }

  /**
   * SEG and the matching counts at each of {@code iouThresholds}.
   *
   * @throws IllegalArgumentException if the sizes differ, a label is negative or a threshold is outside (0, 1]
   */
  public static InstanceScores evaluate(LabelImage truth, LabelImage prediction, List<Double> iouThresholds) {
    Overlaps overlaps = Overlaps.of(ContingencyTable.of(truth, prediction));
    List<MatchingCounts> matches = new ArrayList<>();
    for (double threshold : iouThresholds) {
      matches.add(match(overlaps, threshold));
    }
    return new InstanceScores(seg(overlaps), matches);
  }

  /** The SEG counts of one image pair. */
  public static SegCounts seg(LabelImage truth, LabelImage prediction) {
    return seg(Overlaps.of(ContingencyTable.of(truth, prediction)));
  }

  private static SegCounts seg(Overlaps overlaps) {
    double jaccardSum = 0;
    long matched = 0;
    for (int k = 0; k < overlaps.pairs; k++) {
      long trueSize = overlaps.trueSizes[overlaps.trueIndex[k]];
      // |R ∩ S| > 0.5 |R|, in integers.
      if (2 * overlaps.intersection[k] > trueSize) {
        matched++;
        jaccardSum += overlaps.iou[k];
      }
    }
    return new SegCounts(overlaps.trueSizes.length, matched, jaccardSum);
  }

  private static MatchingCounts match(Overlaps overlaps, double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("IoU threshold " + threshold + " must be in (0, 1], e.g. 0.5");
    }
    int trueObjects = overlaps.trueSizes.length;
    int predictedObjects = overlaps.predictedSizes.length;
    List<Integer> candidates = new ArrayList<>();
    for (int k = 0; k < overlaps.pairs; k++) {
      if (overlaps.iou[k] >= threshold) {
        candidates.add(k);
      }
    }
    // Blocks of candidate pairs that share objects: union-find over true objects and (offset) predicted objects.
    int[] parent = new int[trueObjects + predictedObjects];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int k : candidates) {
      union(parent, overlaps.trueIndex[k], trueObjects + overlaps.predictedIndex[k]);
    }
    java.util.Map<Integer, List<Integer>> blocks = new java.util.TreeMap<>();
    for (int k : candidates) {
      blocks.computeIfAbsent(find(parent, overlaps.trueIndex[k]), key -> new ArrayList<>()).add(k);
    }
    long truePositives = 0;
    double iouSum = 0;
    for (List<Integer> block : blocks.values()) {
      for (int k : matchBlock(overlaps, block)) {
        truePositives++;
        iouSum += overlaps.iou[k];
      }
    }
    return new MatchingCounts(
        threshold, truePositives, predictedObjects - truePositives, trueObjects - truePositives, iouSum);
  }

  /** The pairs chosen in one block: most pairs, then largest IoU sum. */
  private static List<Integer> matchBlock(Overlaps overlaps, List<Integer> block) {
    if (block.size() == 1) {
      return block;
    }
    int[] rows = block.stream().mapToInt(k -> overlaps.trueIndex[k]).distinct().sorted().toArray();
    int[] columns = block.stream().mapToInt(k -> overlaps.predictedIndex[k]).distinct().sorted().toArray();
    boolean transpose = rows.length > columns.length;
    int r = transpose ? columns.length : rows.length;
    int c = transpose ? rows.length : columns.length;
    double[][] cost = new double[r][c];
    int[][] pairAt = new int[r][c];
    for (int[] line : pairAt) {
      Arrays.fill(line, -1);
    }
    // Weight 1 per pair plus an IoU bonus below 1/2 in total, so the pair count always comes first.
    double bonusScale = 1.0 / (2.0 * r + 2.0);
    for (int k : block) {
      int row = Arrays.binarySearch(rows, overlaps.trueIndex[k]);
      int column = Arrays.binarySearch(columns, overlaps.predictedIndex[k]);
      int a = transpose ? column : row;
      int b = transpose ? row : column;
      cost[a][b] = -(1.0 + bonusScale * overlaps.iou[k]);
      pairAt[a][b] = k;
    }
    int[] assigned = Assignment.minimumCost(cost);
    List<Integer> chosen = new ArrayList<>();
    for (int a = 0; a < r; a++) {
      if (pairAt[a][assigned[a]] >= 0) {
        chosen.add(pairAt[a][assigned[a]]);
      }
    }
    return chosen;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** Object sizes and the overlapping (true, predicted) object pairs with their intersection and IoU. */
  private static final class Overlaps {
    long[] trueSizes;
    long[] predictedSizes;
    int pairs;
    int[] trueIndex;
    int[] predictedIndex;
    long[] intersection;
    double[] iou;

    static Overlaps of(ContingencyTable table) {
      LabelSizes truth = table.truthSizes();
      LabelSizes predicted = table.segmentSizes();
      int[] trueLabels = withoutZero(truth.labels());
      int[] predictedLabels = withoutZero(predicted.labels());
      Overlaps o = new Overlaps();
      o.trueSizes = Arrays.stream(trueLabels).mapToLong(truth::sizeOf).toArray();
      o.predictedSizes = Arrays.stream(predictedLabels).mapToLong(predicted::sizeOf).toArray();
      o.trueIndex = new int[table.entries()];
      o.predictedIndex = new int[table.entries()];
      o.intersection = new long[table.entries()];
      o.iou = new double[table.entries()];
      for (int k = 0; k < table.entries(); k++) {
        if (table.truthLabel(k) == 0 || table.segmentLabel(k) == 0) {
          continue;
        }
        int t = Arrays.binarySearch(trueLabels, table.truthLabel(k));
        int p = Arrays.binarySearch(predictedLabels, table.segmentLabel(k));
        long both = table.count(k);
        o.trueIndex[o.pairs] = t;
        o.predictedIndex[o.pairs] = p;
        o.intersection[o.pairs] = both;
        o.iou[o.pairs] = (double) both / (o.trueSizes[t] + o.predictedSizes[p] - both);
        o.pairs++;
      }
      return o;
    }

    private static int[] withoutZero(int[] sortedLabels) {
      return Arrays.stream(sortedLabels).filter(label -> label != 0).toArray();
    }
  }
}
