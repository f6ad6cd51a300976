package org.unet4j.core.augment;

/**
 * The coarse displacement grid of an {@link ElasticDeformation} with its Catmull-Rom interpolation to a
 * {@code height × width} field, evaluated row by row on demand: a warp reads each row of the field once, so the
 * dense field (two floats per pixel, 2.6 MB for a 572² patch) need never be written and read back. {@link #dense}
 * gives the whole field; every row equals the corresponding row of it, bit for bit (one code path computes both).
 *
 * <p>Immutable and thread-safe (the dense field is computed at most once per instance, on first request, and
 * always to the same values).
 */
final class ElasticGrid {

  private final int gridPoints;
  private final double[] gridDy;
  private final double[] gridDx;
  private final int height;
  private final int width;
  private final AxisWeights rows;
  private final AxisWeights cols;
  private volatile DisplacementField dense;

  ElasticGrid(int gridPoints, double[] gridDy, double[] gridDx, int height, int width) {
    if (gridPoints < 2 || gridDy.length != gridPoints * gridPoints || gridDx.length != gridDy.length) {
      throw new IllegalArgumentException(
          "a " + gridPoints + "×" + gridPoints + " grid needs " + gridPoints * gridPoints
              + " values per axis (and at least 2 points per axis), got dy " + gridDy.length + ", dx "
              + gridDx.length);
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("field size " + height + "×" + width + " must be positive");
    }
    this.gridPoints = gridPoints;
    this.gridDy = gridDy.clone();
    this.gridDx = gridDx.clone();
    this.height = height;
    this.width = width;
    rows = new AxisWeights(height, gridPoints);
    cols = new AxisWeights(width, gridPoints);
  }

  int height() {
    return height;
  }

  int width() {
    return width;
  }

  /** The dense field (computed on first request). */
  DisplacementField dense() {
    DisplacementField d = dense;
    if (d == null) {
      float[] dy = new float[height * width];
      float[] dx = new float[height * width];
      Row row = new Row(width);
      for (int y = 0; y < height; y++) {
        row.evaluate(y, 0, width);
        System.arraycopy(row.dy, 0, dy, y * width, width);
        System.arraycopy(row.dx, 0, dx, y * width, width);
      }
      d = new DisplacementField(height, width, dy, dx);
      dense = d;
    }
    return d;
  }

  /** A scratch row of the field: {@code dy[k]}, {@code dx[k]} for columns {@code x0 + k} after {@link #evaluate}. */
  final class Row {
    final float[] dy;
    final float[] dx;
    private final double[] rowDy = new double[gridPoints];
    private final double[] rowDx = new double[gridPoints];
    private final double[] lineDy;
    private final double[] lineDx;

    Row(int capacity) {
      dy = new float[capacity];
      dx = new float[capacity];
      // indexed by absolute column, so that the interpolation loop below keeps the simple shape the JIT vectorises
      lineDy = new double[width];
      lineDx = new double[width];
    }

    /** Fills {@code dy[0 … count)}, {@code dx[0 … count)} with the field at {@code (y, x0 … x0 + count − 1)}. */
    void evaluate(int y, int x0, int count) {
      // interpolate along y once per row: one value per grid column, then along x per pixel
      for (int j = 0; j < gridPoints; j++) {
        double sy = 0;
        double sx = 0;
        for (int k = 0; k < 4; k++) {
          int g = rows.tap(y, k) * gridPoints + j;
          sy += rows.weight[k][y] * gridDy[g];
          sx += rows.weight[k][y] * gridDx[g];
        }
        rowDy[j] = sy;
        rowDx[j] = sx;
      }
      int end = x0 + count;
      // Between two grid columns the four taps are the same grid columns, so their values are loop constants.
      for (int i = 0; i < gridPoints - 1; i++) {
        int from = Math.max(x0, cols.intervalStart[i]);
        int to = Math.min(end, cols.intervalStart[i + 1]);
        if (from >= to) {
          continue;
        }
        double y0 = rowDy[cols.clampedTap(i, 0)];
        double y1 = rowDy[cols.clampedTap(i, 1)];
        double y2 = rowDy[cols.clampedTap(i, 2)];
        double y3 = rowDy[cols.clampedTap(i, 3)];
        double x0v = rowDx[cols.clampedTap(i, 0)];
        double x1v = rowDx[cols.clampedTap(i, 1)];
        double x2v = rowDx[cols.clampedTap(i, 2)];
        double x3v = rowDx[cols.clampedTap(i, 3)];
        double[] w0 = cols.weight[0];
        double[] w1 = cols.weight[1];
        double[] w2 = cols.weight[2];
        double[] w3 = cols.weight[3];
        for (int x = from; x < to; x++) {
          double vy = 0;
          vy += w0[x] * y0;
          vy += w1[x] * y1;
          vy += w2[x] * y2;
          vy += w3[x] * y3;
          double vx = 0;
          vx += w0[x] * x0v;
          vx += w1[x] * x1v;
          vx += w2[x] * x2v;
          vx += w3[x] * x3v;
          lineDy[x] = vy;
          lineDx[x] = vx;
        }
      }
      // rounding to float in a loop of its own, so that the loop above is vectorised
      for (int k = 0; k < count; k++) {
        dy[k] = (float) lineDy[x0 + k];
        dx[k] = (float) lineDx[x0 + k];
      }
    }
  }

  /**
   * Catmull-Rom weights for every pixel of one axis, and which pixels lie in each grid interval: pixel p with grid
   * coordinate {@code u = i + t} ({@code i} the interval, clamped to {@code g − 2} at the last grid point) reads grid
   * points {@code i − 1 … i + 2}, clamped to {@code [0, g − 1]}, with weights {@code weight[0..3][p]}.
   */
  private static final class AxisWeights {
    final double[][] weight;
    /** Interval i holds pixels {@code intervalStart[i] … intervalStart[i + 1] − 1}. */
    final int[] intervalStart;
    private final int[] interval;
    private final int gridPoints;

    AxisWeights(int length, int gridPoints) {
      this.gridPoints = gridPoints;
      weight = new double[4][length];
      interval = new int[length];
      intervalStart = new int[gridPoints];
      for (int p = 0; p < length; p++) {
        // p·(g−1) is an exact integer and one correctly rounded division keeps grid points exact (u = 1.0, not
        // 0.9999…)
        double u = length > 1 ? (double) p * (gridPoints - 1) / (length - 1) : 0;
        int i = Math.min((int) Math.floor(u), gridPoints - 2);
        double t = u - i;
        interval[p] = i;
        weight[0][p] = ((-0.5 * t + 1.0) * t - 0.5) * t;
        weight[1][p] = (1.5 * t - 2.5) * t * t + 1.0;
        weight[2][p] = ((-1.5 * t + 2.0) * t + 0.5) * t;
        weight[3][p] = (0.5 * t - 0.5) * t * t;
      }
      // u grows with p, so every interval is one consecutive range of pixels
      int p = 0;
      for (int i = 0; i < gridPoints - 1; i++) {
        while (p < length && interval[p] < i) {
          p++;
        }
        intervalStart[i] = p;
      }
      intervalStart[gridPoints - 1] = length;
    }

    /** Grid index of tap k (0–3) of interval i, clamped to the grid. */
    int clampedTap(int i, int k) {
      return Math.max(0, Math.min(gridPoints - 1, i - 1 + k));
    }

    /** Grid index of tap k (0–3) of pixel p. */
    int tap(int p, int k) {
      return clampedTap(interval[p], k);
    }
  }
}
