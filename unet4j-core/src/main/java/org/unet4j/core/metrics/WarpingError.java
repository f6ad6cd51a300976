package org.unet4j.core.metrics;

import java.util.Arrays;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;

/**
 * The topology-preserving warping error (Jain et al., CVPR 2010, "Boundary learning by optimization with
 * topological constraints"), computed as the ISBI 2012 challenge script does (Fiji {@code WarpingError}).
 *
 * <p>The binary truth L* (non-zero = object, 4-connected; 0 = background/membrane, 8-connected) is warped toward
 * the thresholded prediction T by flipping only <em>simple</em> pixels (flips that create or delete no object and no
 * hole; see {@link SimplePoints}) where L* and T disagree, until no disagreeing pixel is simple. The pixels that
 * still disagree are the topological errors; boundary shifts and object size changes warp away and cost nothing.
 * Each remaining pixel is classified (split, merger, hole, object; {@link MismatchType}).
 *
 * <p>Order, as the script: repeated passes over the disagreeing pixels sorted by {@code |p − threshold|} descending
 * (ties column by column), each flipping the pixels that are simple at their turn; the warp stops after a pass
 * that flips nothing. No geometric mask limits the warp (the script's default).
 *
 * <p>Cost: a pass visits the remaining disagreeing pixels but re-tests only those whose 3×3 neighbourhood changed
 * since their last test (a table lookup each), so the warp costs O(d log d + d·passes) for d disagreeing pixels,
 * passes ≈ the widest boundary shift in px. Classifying a remaining object pixel whose removal may cut its object
 * costs a flood fill of that object. A 512×512 EM slice takes tens of milliseconds (see the benchmark note in the
 * report of issue 6).
 */
public final class WarpingError {

  private WarpingError() {}

  /**
   * Warps {@code truth} toward a binary {@code prediction} (non-zero = object), as the ISBI script does for a binary
   * proposal (threshold 0 on a 0/1 map, so pixels the prediction marks as object are tried first in each pass).
   */
  public static WarpingResult warp(LabelImage truth, LabelImage prediction) {
    float[] p = new float[prediction.data().length];
    for (int i = 0; i < p.length; i++) {
      p[i] = prediction.data()[i] != 0 ? 1f : 0f;
    }
    return warp(truth, new FloatImage(1, prediction.height(), prediction.width(), p), 0.0);
  }

  /**
   * Warps {@code truth} toward {@code objectProbability > threshold} (channel 0; 1 = object interior, 0 =
   * membrane/background).
   *
   * @throws IllegalArgumentException if the sizes differ or a probability is NaN
   */
  public static WarpingResult warp(LabelImage truth, FloatImage objectProbability, double threshold) {
    int height = truth.height();
    int width = truth.width();
    if (objectProbability.height() != height || objectProbability.width() != width) {
      throw new IllegalArgumentException(
          "truth is " + height + "×" + width + " but the prediction is " + objectProbability.height() + "×"
              + objectProbability.width() + " (H×W); they must have the same size");
    }
    boolean[] target = MembraneSegments.interior(objectProbability, threshold);
    // Padded canvas: a 1-pixel background frame so that every pixel has 8 neighbours.
    int stride = width + 2;
    byte[] warped = new byte[stride * (height + 2)];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        warped[(y + 1) * stride + x + 1] = (byte) (truth.data()[y * width + x] != 0 ? 1 : 0);
      }
    }
    int[] order = sortedMismatches(warped, target, objectProbability.data(), threshold, width, height);
    relax(warped, target, order, width, stride);
    LabelImage warpedTruth = unpad(warped, width, height);
    return classify(warpedTruth, target);
  }

  /** Disagreeing pixels (padded indices) by {@code |p − threshold|} descending, ties in column-major order. */
  private static int[] sortedMismatches(
      byte[] warped, boolean[] target, float[] probability, double threshold, int width, int height) {
    int stride = width + 2;
    long[] keys = new long[width * height];
    int count = 0;
    int rank = 0;
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        int i = y * width + x;
        if ((warped[(y + 1) * stride + x + 1] == 1) != target[i]) {
          float distance = (float) Math.abs(probability[i] - threshold);
          // Non-negative floats order like their bit patterns; invert for descending, rank keeps the sort stable.
          long descending = 0x7fffffffL - Float.floatToIntBits(distance);
          keys[count++] = (descending << 32) | rank;
        }
        rank++;
      }
    }
    Arrays.sort(keys, 0, count);
    int[] order = new int[count];
    for (int k = 0; k < count; k++) {
      int columnMajor = (int) keys[k];
      int x = columnMajor / height;
      int y = columnMajor % height;
      order[k] = (y + 1) * stride + x + 1;
    }
    return order;
  }

  /** Flips simple disagreeing pixels pass by pass until a pass flips none. */
  private static void relax(byte[] warped, boolean[] target, int[] order, int width, int stride) {
    int[] offsets = new int[8];
    for (int k = 0; k < 8; k++) {
      offsets[k] = SimplePoints.DY[k] * stride + SimplePoints.DX[k];
    }
    boolean[] dirty = new boolean[warped.length];
    for (int p : order) {
      dirty[p] = true;
    }
    int remaining = order.length;
    boolean flipped = true;
    while (flipped && remaining > 0) {
      flipped = false;
      int kept = 0;
      for (int k = 0; k < remaining; k++) {
        int p = order[k];
        // A pixel whose neighbourhood did not change since it was last found non-simple is still non-simple.
        if (dirty[p]) {
          dirty[p] = false;
          int bits = 0;
          for (int b = 0; b < 8; b++) {
            bits |= warped[p + offsets[b]] << b;
          }
          if (SimplePoints.isSimple(bits)) {
            warped[p] ^= 1;
            for (int b = 0; b < 8; b++) {
              dirty[p + offsets[b]] = true;
            }
            flipped = true;
            continue;
          }
        }
        order[kept++] = p;
      }
      remaining = kept;
    }
    // Pixels left in order[0, remaining) are the mismatches; recomputed from the images by the caller.
  }

  private static LabelImage unpad(byte[] warped, int width, int height) {
    int stride = width + 2;
    int[] labels = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        labels[y * width + x] = warped[(y + 1) * stride + x + 1];
      }
    }
    return new LabelImage(height, width, labels);
  }

  /** Classifies the remaining disagreements as the script does (its "radius −1": the whole image). */
  private static WarpingResult classify(LabelImage warpedTruth, boolean[] target) {
    int height = warpedTruth.height();
    int width = warpedTruth.width();
    int[] warped = warpedTruth.data();
    int[] objects = ConnectedComponents.label(warpedTruth, Connectivity.FOUR).data();
    int[] types = new int[warped.length];
    boolean[] splitPixels = new boolean[warped.length];
    boolean[] mergePixels = new boolean[warped.length];
    long mismatches = 0;
    long splits = 0;
    long merges = 0;
    ObjectCut cut = new ObjectCut(warped, width, height);
    int[] ids = new int[8];
    for (int p = 0; p < warped.length; p++) {
      boolean object = warped[p] != 0;
      if (object == target[p]) {
        continue;
      }
      mismatches++;
      int distinct = distinctNeighbourIds(objects, p, width, height, ids);
      MismatchType type;
      if (distinct == 1 && ids[0] == 0) {
        type = object ? MismatchType.OBJECT_DELETION : MismatchType.OBJECT_ADDITION;
      } else if (distinct == 1) {
        type = object ? MismatchType.HOLE_ADDITION : MismatchType.HOLE_DELETION;
      } else if (distinct == 2) {
        type = !object ? MismatchType.HOLE_ADDITION
            : cut.idsAroundAfterRemoving(p) > 2 ? MismatchType.SPLIT : MismatchType.HOLE_DELETION;
      } else {
        type = object ? MismatchType.SPLIT : MismatchType.MERGE;
      }
      types[p] = type.ordinal() + 1;
      if (type == MismatchType.SPLIT) {
        splits++;
        splitPixels[p] = true;
      } else if (type == MismatchType.MERGE) {
        merges++;
        mergePixels[p] = true;
      }
    }
    long splitErrors = ConnectedComponents.label(splitPixels, height, width, Connectivity.FOUR).maxLabel();
    long mergeErrors = ConnectedComponents.label(mergePixels, height, width, Connectivity.EIGHT).maxLabel();
    WarpingCounts counts =
        new WarpingCounts((long) width * height, mismatches, splits, merges, splitErrors, mergeErrors);
    return new WarpingResult(warpedTruth, new LabelImage(height, width, types), counts);
  }

  /** The in-image 8-neighbours of {@code p} (row by row); returns how many were written to {@code out}. */
  private static int neighbours8(int p, int width, int height, int[] out) {
    int x = p % width;
    int y = p / width;
    int count = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < width && ny < height) {
          out[count++] = ny * width + nx;
        }
      }
    }
    return count;
  }

  /** Distinct object ids (0 = background) of the in-image 8-neighbours of {@code p}; returns how many. */
  private static int distinctNeighbourIds(int[] objects, int p, int width, int height, int[] ids) {
    int[] neighbours = new int[8];
    int count = neighbours8(p, width, height, neighbours);
    int distinct = 0;
    for (int n = 0; n < count; n++) {
      int id = objects[neighbours[n]];
      boolean seen = false;
      for (int k = 0; k < distinct; k++) {
        seen |= ids[k] == id;
      }
      if (!seen) {
        ids[distinct++] = id;
      }
    }
    return distinct;
  }

  /**
   * Answers the script's split test for one object pixel: remove it, relabel the 4-connected objects, and count the
   * distinct ids (background included) among its 8 neighbours. Flood fills stop as soon as every object neighbour
   * is reached, so a pixel that does not cut its object costs only a local search.
   */
  private static final class ObjectCut {
    private final int[] warped;
    private final int width;
    private final int height;
    private final int[] visited;
    private final int[] queue;
    private int stamp;

    ObjectCut(int[] warped, int width, int height) {
      this.warped = warped;
      this.width = width;
      this.height = height;
      this.visited = new int[warped.length];
      this.queue = new int[warped.length];
    }

    int idsAroundAfterRemoving(int removed) {
      int[] around = new int[8];
      int count = neighbours8(removed, width, height, around);
      int[] neighbours = new int[8];
      int objectNeighbours = 0;
      boolean background = false;
      for (int n = 0; n < count; n++) {
        if (warped[around[n]] != 0) {
          neighbours[objectNeighbours++] = around[n];
        } else {
          background = true;
        }
      }
      stamp++;
      int pieces = 0;
      int reached = 0;
      for (int k = 0; k < objectNeighbours; k++) {
        if (visited[neighbours[k]] == stamp) {
          continue;
        }
        pieces++;
        reached += flood(neighbours[k], removed, neighbours, objectNeighbours, reached);
      }
      return pieces + (background ? 1 : 0);
    }

    /** Flood fills the object from {@code start} avoiding {@code removed}; returns how many targets it reached. */
    private int flood(int start, int removed, int[] targets, int targetCount, int alreadyReached) {
      int head = 0;
      int tail = 0;
      visited[start] = stamp;
      queue[tail++] = start;
      int reached = countTarget(start, targets, targetCount);
      int[] next = new int[4];
      while (head < tail && alreadyReached + reached < targetCount) {
        int p = queue[head++];
        int px = p % width;
        int count = 0;
        if (px > 0) {
          next[count++] = p - 1;
        }
        if (p >= width) {
          next[count++] = p - width;
        }
        if (px + 1 < width) {
          next[count++] = p + 1;
        }
        if (p + width < warped.length) {
          next[count++] = p + width;
        }
        for (int k = 0; k < count; k++) {
          int q = next[k];
          if (q != removed && warped[q] != 0 && visited[q] != stamp) {
            visited[q] = stamp;
            queue[tail++] = q;
            reached += countTarget(q, targets, targetCount);
          }
        }
      }
      return reached;
    }

    private static int countTarget(int q, int[] targets, int targetCount) {
      for (int k = 0; k < targetCount; k++) {
        if (targets[k] == q) {
          return 1;
        }
      }
      return 0;
    }
  }
}
