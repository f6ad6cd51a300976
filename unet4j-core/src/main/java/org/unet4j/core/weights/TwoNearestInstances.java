package org.unet4j.core.weights;

import java.util.Arrays;
import org.unet4j.core.image.LabelImage;

/**
 * The two smallest squared distances per pixel to two <em>different</em> instances, up to a search radius: the
 * {@code d1²}, {@code d2²} of U-Net eq. 2, exact, in integer arithmetic, delivered row by row.
 *
 * <p>Method: one exact Felzenszwalb–Huttenlocher distance transform per instance, restricted to the instance's
 * bounding box grown by the radius (pixels farther away cannot be within it). The column pass runs once per
 * instance over its own bounding box; rows above and below it see each column's first and last pixel of the
 * instance. The row pass then goes through the image row by row and, for every instance whose grown box covers the
 * row, builds the lower envelope of the parabolas within the radius, evaluates it between the first and last pixel
 * they reach, and merges the values into the row's pair of smallest ones. The cost is about
 * {@code (number of instances) · (cell diameter + 2·radius)²}, independent of the image size for a fixed cell
 * density; the per-pixel results of one row stay in two small arrays (cache resident) until they are handed over.
 *
 * <p>Values are handed over as <em>nearness</em> {@code limitSquared + 1 − d²}: larger means nearer and 0 means
 * "none within the radius", so zeroed arrays need no initialisation, and a distance beyond the radius (nearness
 * ≤ 0) changes nothing when merged.
 *
 * <p>Not thread-safe (scratch arrays); create one per image.
 */
final class TwoNearestInstances {

  /** Receives the results of one row. */
  interface RowSink {
    /**
     * Row {@code y}: {@code nearest[x]}, {@code second[x]} are the nearness values of the nearest and the
     * second-nearest instance at column {@code x} (0 = none). The arrays are reused for the next row.
     */
    void acceptRow(int y, int[] nearest, int[] second);
  }

  private final int[] labels;
  private final int height;
  private final int width;
  private final int limitSquared;
  private final int marginPx;
  private final boolean backgroundOnly;
  private final int instanceCount;
  // Per instance k (0-based, in order of the first row of its grown box): bounding box and column-pass block.
  private final int[] label;
  private final int[] boxY0;
  private final int[] boxY1;
  private final int[] boxX0;
  private final int[] boxX1;
  private final int[] blockStart;
  /**
   * Marks "no pixel of the instance in this column" in {@link #nearestRow}: negative, and far enough from every row
   * that the column pass's distance comparisons prefer any real row, yet without overflow.
   */
  private static final int NO_ROW = -(1 << 29);

  /** Per instance, per row of its bounding box and column: the nearest row of the instance there, NO_ROW if none. */
  private final int[] nearestRow;
  /** {@code floor(sqrt(k))} for {@code 0 ≤ k ≤ limitSquared}, or null if the limit is too large to tabulate. */
  private final int[] floorSqrtTable;
  private final LowerEnvelope envelope;
  private final int[] rowValues;
  /** Background-only searches: the runs of background pixels, row by row (runs of row y: runFirst[y] … − 1). */
  private final int[] runFirst;
  private int[] runStart;
  private int[] runEnd;

  /**
   * Prepares the search (bounding boxes and column passes of every instance).
   *
   * @param instances instance labels, 0 = background, positive values for cells
   * @param maxDistancePx search radius in px (≥ 0, may be +∞)
   * @param backgroundOnly if true, only background pixels (label 0) get values (instance pixels are skipped and
   *     stay at 0), which is all the border term needs; else every pixel does ({@code d1 = 0} on an instance's own
   *     pixels)
   * @throws IllegalArgumentException if a label is negative or the image is too large for int squared distances
   */
  TwoNearestInstances(LabelImage instances, double maxDistancePx, boolean backgroundOnly) {
    height = instances.height();
    width = instances.width();
    long maxSquared = (long) (height - 1) * (height - 1) + (long) (width - 1) * (width - 1);
    if (maxSquared >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "image " + height + "×" + width + " is too large for border weights; split it into tiles below 32768²");
    }
    this.backgroundOnly = backgroundOnly;
    limitSquared = (int) Math.min(Math.floor(maxDistancePx * maxDistancePx), (double) maxSquared);
    marginPx = (int) Math.min(Math.floor(maxDistancePx), Math.max(height, width));
    LabelImage labelled = instances;
    Scan scan = scan(instances.data());
    if (scan == null) { // labels larger than the pixel count: renumber them (a rare case)
      labelled = ConnectedComponents.relabelConsecutive(instances);
      scan = scan(labelled.data());
    }
    labels = labelled.data();
    int maxLabel = scan.maxLabel();
    int[] minY = scan.minY();
    int[] maxY = scan.maxY();
    int[] minX = scan.minX();
    int[] maxX = scan.maxX();
    int count = 0;
    for (int l = 1; l <= maxLabel; l++) {
      count += maxY[l] >= 0 ? 1 : 0;
    }
    instanceCount = count;
    label = new int[count];
    boxY0 = new int[count];
    boxY1 = new int[count];
    boxX0 = new int[count];
    boxX1 = new int[count];
    blockStart = new int[count + 1];
    // Instances ordered by the first row of their grown box (a counting sort), so the row pass can keep an active
    // list; labels are taken in increasing order within a row, as before.
    int[] startsPerRow = new int[height + 1];
    for (int l = 1; l <= maxLabel; l++) {
      if (maxY[l] >= 0) {
        startsPerRow[Math.max(0, minY[l] - marginPx) + 1]++;
      }
    }
    for (int y = 0; y < height; y++) {
      startsPerRow[y + 1] += startsPerRow[y];
    }
    for (int l = 1; l <= maxLabel; l++) {
      if (maxY[l] >= 0) {
        int k = startsPerRow[Math.max(0, minY[l] - marginPx)]++;
        label[k] = l;
        boxY0[k] = minY[l];
        boxY1[k] = maxY[l];
        boxX0[k] = minX[l];
        boxX1[k] = maxX[l];
      }
    }
    for (int k = 0; k < count; k++) {
      blockStart[k + 1] = blockStart[k] + (boxY1[k] - boxY0[k] + 1) * (boxX1[k] - boxX0[k] + 1);
    }
    nearestRow = new int[blockStart[count]];
    for (int k = 0; k < count; k++) {
      columnPass(k);
    }
    if (limitSquared <= 1 << 16) {
      floorSqrtTable = new int[limitSquared + 1];
      for (int r = 0; r * r <= limitSquared; r++) {
        Arrays.fill(floorSqrtTable, r * r, Math.min(limitSquared, (r + 1) * (r + 1) - 1) + 1, r);
      }
    } else {
      floorSqrtTable = null;
    }
    envelope = new LowerEnvelope(width);
    rowValues = new int[width];
    runFirst = scan.runFirst();
  }

  /** Whether the image has no instance pixel (then every distance is +∞ and {@link #forEachRow} hands over 0s). */
  boolean isEmpty() {
    return instanceCount == 0;
  }

  /** The largest squared distance kept, {@code floor(radius²)} (clamped to the image diagonal). */
  int limitSquared() {
    return limitSquared;
  }

  /** The distance in px that a nearness stands for; +∞ for 0 (none within the radius). */
  float distancePx(int nearness) {
    return nearness == 0 ? Float.POSITIVE_INFINITY : (float) Math.sqrt(limitSquared + 1 - nearness);
  }

  /** Runs the row pass, handing every row of the image to {@code sink} in order. */
  void forEachRow(RowSink sink) {
    int[] nearest = new int[width];
    int[] second = new int[width];
    int[] active = new int[instanceCount];
    int activeCount = 0;
    int next = 0;
    for (int y = 0; y < height; y++) {
      // Instances whose grown box starts at this row join; those whose grown box ended leave.
      while (next < instanceCount && boxY0[next] - marginPx <= y) {
        active[activeCount++] = next++;
      }
      int kept = 0;
      for (int a = 0; a < activeCount; a++) {
        int k = active[a];
        if (boxY1[k] + marginPx >= y) {
          active[kept++] = k;
          mergeInstanceRow(k, y, nearest, second);
        }
      }
      activeCount = kept;
      sink.acceptRow(y, nearest, second);
      Arrays.fill(nearest, 0);
      Arrays.fill(second, 0);
    }
  }

  /**
   * What one pass over the labels finds: the largest label, each label's bounding box (arrays indexed by label, at
   * least {@code maxLabel + 1} long; labels absent from the image keep maxY = −1) and, for background-only
   * searches, the first background run of each row (the runs themselves go to runStart/runEnd).
   */
  private record Scan(int maxLabel, int[] minY, int[] maxY, int[] minX, int[] maxX, int[] runFirst) {}

  /**
   * Validates the labels and finds bounding boxes and background runs in one pass, run by run (a row's consecutive
   * pixels of one label) rather than pixel by pixel: one pass over the image instead of three.
   *
   * @return the scan, or null if a label exceeds the number of pixels (then the caller renumbers them)
   * @throws IllegalArgumentException at the first negative label (row-major order)
   */
  private Scan scan(int[] data) {
    int n = data.length;
    int capacity = 64;
    int[] minY = new int[capacity];
    int[] maxY = new int[capacity];
    int[] minX = new int[capacity];
    int[] maxX = new int[capacity];
    Arrays.fill(minY, Integer.MAX_VALUE);
    Arrays.fill(minX, Integer.MAX_VALUE);
    Arrays.fill(maxY, -1);
    Arrays.fill(maxX, -1);
    int maxLabel = 0;
    boolean tooLarge = false;
    int[] first = backgroundOnly ? new int[height + 1] : null;
    if (backgroundOnly) {
      runStart = new int[4 * height];
      runEnd = new int[4 * height];
    }
    int runs = 0;
    for (int y = 0; y < height; y++) {
      if (backgroundOnly) {
        first[y] = runs;
      }
      int row = y * width;
      int x = 0;
      while (x < width) {
        int l = data[row + x];
        int start = x;
        while (x + 1 < width && data[row + x + 1] == l) {
          x++;
        }
        if (l == 0) {
          if (backgroundOnly) {
            if (runs == runStart.length) {
              runStart = Arrays.copyOf(runStart, 2 * runs);
              runEnd = Arrays.copyOf(runEnd, 2 * runs);
            }
            runStart[runs] = start;
            runEnd[runs++] = x;
          }
        } else if (l < 0) {
          throw new IllegalArgumentException(
              "instance label " + l + " at (y=" + y + ", x=" + start
                  + ") is negative; use 0 for background and positive labels for cells");
        } else if (l > n) {
          tooLarge = true; // keep scanning: a negative label further on must still be reported
        } else {
          if (l >= capacity) {
            int grown = Math.max(l + 1, 2 * capacity);
            minY = grow(minY, grown, Integer.MAX_VALUE);
            minX = grow(minX, grown, Integer.MAX_VALUE);
            maxY = grow(maxY, grown, -1);
            maxX = grow(maxX, grown, -1);
            capacity = grown;
          }
          maxLabel = Math.max(maxLabel, l);
          minY[l] = Math.min(minY[l], y);
          maxY[l] = y;
          minX[l] = Math.min(minX[l], start);
          maxX[l] = Math.max(maxX[l], x);
        }
        x++;
      }
    }
    if (backgroundOnly) {
      first[height] = runs;
    }
    return tooLarge ? null : new Scan(maxLabel, minY, maxY, minX, maxX, first);
  }

  private static int[] grow(int[] a, int length, int fill) {
    int old = a.length;
    int[] b = Arrays.copyOf(a, length);
    Arrays.fill(b, old, length, fill);
    return b;
  }

  /**
   * The column pass of instance k over its bounding box: the nearest row of its label in the same column,
   * {@link #NO_ROW} if none. Its first row then holds each column's topmost pixel of the instance and its last row
   * the bottommost, which is what rows above and below the box see.
   *
   * <p>The choices are made with masks rather than branches: where the instance's outline crosses a row, a branch
   * would be mispredicted.
   */
  private void columnPass(int k) {
    int l = label[k];
    int y0 = boxY0[k];
    int x0 = boxX0[k];
    int bw = boxX1[k] - x0 + 1;
    int bh = boxY1[k] - y0 + 1;
    int block = blockStart[k];
    int top = y0 * width + x0;
    for (int xx = 0; xx < bw; xx++) {
      nearestRow[block + xx] = labels[top + xx] == l ? y0 : NO_ROW;
    }
    for (int yy = 1; yy < bh; yy++) {
      int src = (y0 + yy) * width + x0;
      int dst = block + yy * bw;
      int y = y0 + yy;
      for (int xx = 0; xx < bw; xx++) {
        int other = labels[src + xx] ^ l; // labels are ≥ 0, so 0 exactly on the instance and positive elsewhere
        int elsewhere = -other >> 31; // all ones off the instance
        int above = nearestRow[dst - bw + xx];
        nearestRow[dst + xx] = y ^ ((y ^ above) & elsewhere);
      }
    }
    for (int yy = bh - 2; yy >= 0; yy--) {
      int dst = block + yy * bw;
      int y = y0 + yy;
      for (int xx = 0; xx < bw; xx++) {
        int below = nearestRow[dst + bw + xx];
        int current = nearestRow[dst + xx];
        // The nearest pixel below row y is the one of row y + 1 whenever it is closer than the one above; NO_ROW
        // is so far off that it never wins against a row of the box (and loses only to itself, which is harmless).
        int belowCloser = ((below - y) - (y - current)) >> 31; // all ones if below − y < y − current
        nearestRow[dst + xx] = current ^ ((current ^ below) & belowCloser);
      }
    }
  }

  /** Row y of instance k's distance transform merged into the row's pair of nearest values. */
  private void mergeInstanceRow(int k, int y, int[] nearest, int[] second) {
    int y0 = boxY0[k];
    int y1 = boxY1[k];
    int x0 = boxX0[k];
    int bw = boxX1[k] - x0 + 1;
    int src = blockStart[k] + (Math.min(Math.max(y, y0), y1) - y0) * bw;
    int firstRun = -1;
    if (backgroundOnly) {
      // Nothing to do if no background pixel of the row is within the radius of the bounding box.
      int dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
      int reach = floorSqrt(limitSquared - dy * dy);
      firstRun = firstRunReaching(y, Math.max(0, x0 - reach), Math.min(width - 1, boxX1[k] + reach));
      if (firstRun < 0) {
        return;
      }
    }
    envelope.clear();
    for (int xx = 0; xx < bw; xx++) {
      int r = nearestRow[src + xx];
      if (r < 0) {
        continue;
      }
      long f = (long) (y - r) * (y - r);
      if (f > limitSquared) {
        continue; // its parabola is beyond the radius everywhere
      }
      // Inside a run of own pixels a parabola is lowest only at its own pixel (distance 0, set directly), so only
      // the run's ends enter the envelope.
      if (r == y && xx > 0 && xx < bw - 1 && nearestRow[src + xx - 1] == y && nearestRow[src + xx + 1] == y) {
        continue;
      }
      envelope.add(xx, f);
    }
    if (envelope.size() == 0) {
      return;
    }
    // The first and last relative x within the radius of some column. The parabolas left out of the envelope
    // (hidden ones, run interiors) add nothing: where one is within the radius, so is the envelope, and the
    // envelope there is one of those kept (a run's ends are always kept, being the only zeros).
    int xStart = Integer.MAX_VALUE;
    int xEnd = Integer.MIN_VALUE;
    for (int j = 0; j < envelope.size(); j++) {
      int reach = floorSqrt(limitSquared - (int) envelope.height(j));
      xStart = Math.min(xStart, envelope.vertex(j) - reach);
      xEnd = Math.max(xEnd, envelope.vertex(j) + reach);
    }
    int from = x0 + Math.max(xStart, -x0);
    int to = x0 + Math.min(xEnd, width - 1 - x0);
    if (backgroundOnly) {
      mergeBackgroundRuns(y, x0, firstRun, from, to, nearest, second);
    } else {
      envelope.rewind();
      envelope.evaluate(from - x0, to - x0, rowValues);
      for (int x = Math.max(from, x0); x <= Math.min(to, x0 + bw - 1); x++) {
        if (nearestRow[src + x - x0] == y) {
          rowValues[x - from] = 0; // own pixels, skipped run interiors included
        }
      }
      int encode = limitSquared + 1;
      for (int x = from; x <= to; x++) {
        merge(x, encode - rowValues[x - from], nearest, second);
      }
    }
  }

  /**
   * Evaluates the envelope (origin x0) on the background runs of row y between columns from and to, and merges the
   * values: instance pixels, the instance's own included, are skipped. The runs are searched from {@code firstRun}
   * on, the first one reaching a range that holds from … to (runs ending before from come out empty).
   */
  private void mergeBackgroundRuns(int y, int x0, int firstRun, int from, int to, int[] nearest, int[] second) {
    int encode = limitSquared + 1;
    envelope.rewind();
    for (int r = firstRun; r < runFirst[y + 1] && runStart[r] <= to; r++) {
      int start = Math.max(from, runStart[r]);
      int end = Math.min(to, runEnd[r]);
      envelope.mergeInto(start - x0, end - x0, x0, encode, nearest, second);
    }
  }

  /** The first background run of row y that overlaps columns from … to, or −1 if none. */
  private int firstRunReaching(int y, int from, int to) {
    for (int r = runFirst[y]; r < runFirst[y + 1] && runStart[r] <= to; r++) {
      if (runEnd[r] >= from) {
        return r;
      }
    }
    return -1;
  }

  /** {@code floor(sqrt(k))} for {@code 0 ≤ k ≤ limitSquared}. */
  private int floorSqrt(int k) {
    return floorSqrtTable != null ? floorSqrtTable[k] : (int) Math.sqrt(k);
  }

  /** Keeps the two largest nearness values of column x (a value ≤ 0, beyond the radius, changes nothing). */
  static void merge(int x, int near, int[] nearest, int[] second) {
    int first = nearest[x];
    nearest[x] = Math.max(first, near);
    second[x] = Math.max(second[x], Math.min(first, near));
  }
}
