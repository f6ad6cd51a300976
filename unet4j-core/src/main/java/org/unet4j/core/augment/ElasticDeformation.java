package org.unet4j.core.augment;

import java.util.SplittableRandom;

/**
 * Smooth random elastic deformation as in the U-Net paper: displacement vectors on a coarse
 * {@code gridPoints × gridPoints} grid drawn from {@code N(0, sigmaPx²)} per axis, interpolated bicubically to a
 * dense per-pixel {@link DisplacementField} ("random displacement vectors on a coarse 3 by 3 grid … sampled from a
 * Gaussian distribution with 10 pixels standard deviation. Per-pixel displacements are then computed using
 * bicubic interpolation", Ronneberger et al. 2015, doi:10.1007/978-3-319-24574-4_28).
 *
 * <p><b>Interpolation choice.</b> Grid point {@code (i, j)} sits at pixel
 * {@code (i·(height−1)/(g−1), j·(width−1)/(g−1))}, so the grid spans the field with its corners on the corner
 * pixels. Between grid points the field is separable Catmull-Rom (Keys cubic, {@code a = −½}) with the grid's end
 * values repeated beyond its edges. Catmull-Rom is <em>interpolating</em>: the field at a grid point equals the
 * drawn value, so its standard deviation there is exactly {@code sigmaPx} (a cubic B-spline would smooth the
 * drawn values and shrink it). For a pixel at grid coordinate {@code u = i + t} (0 ≤ t ≤ 1):
 *
 * <pre>
 *   f(u) = w₀(t)·g[i−1] + w₁(t)·g[i] + w₂(t)·g[i+1] + w₃(t)·g[i+2]      (indices clamped to [0, g−1])
 *   w₀ = (−t³ + 2t² − t)/2,  w₁ = (3t³ − 5t² + 2)/2,  w₂ = (−3t³ + 4t² + t)/2,  w₃ = (t³ − t²)/2
 * </pre>
 *
 * <p>Random draws: {@code 2·g²} calls of {@code rng.nextGaussian()}, grid points row-major, {@code dy} before
 * {@code dx} at each point.
 *
 * @param gridPoints grid points per axis (≥ 2; the paper uses 3)
 * @param sigmaPx standard deviation of each displacement component at the grid points, in pixels (≥ 0; 10 in the
 *     paper; 0 gives the zero field)
 */
public record ElasticDeformation(int gridPoints, double sigmaPx) {

  /** Checks the parameters. */
  public ElasticDeformation {
    if (gridPoints < 2) {
      throw new IllegalArgumentException("elastic grid needs at least 2 points per axis, got " + gridPoints);
    }
    if (!(sigmaPx >= 0) || Double.isInfinite(sigmaPx)) {
      throw new IllegalArgumentException("elastic sigmaPx must be finite and ≥ 0, got " + sigmaPx);
    }
  }

  /** The paper's setting: a 3×3 grid, σ = 10 px. */
  public static ElasticDeformation paper() {
    return new ElasticDeformation(3, 10.0);
  }

  /** Draws the coarse grid from {@code rng} and interpolates it to a {@code height × width} field. */
  public DisplacementField sample(SplittableRandom rng, int height, int width) {
    int n = gridPoints * gridPoints;
    double[] gridDy = new double[n];
    double[] gridDx = new double[n];
    for (int k = 0; k < n; k++) {
      gridDy[k] = sigmaPx * rng.nextGaussian();
      gridDx[k] = sigmaPx * rng.nextGaussian();
    }
    return fromGrid(gridPoints, gridDy, gridDx, height, width);
  }

  /**
   * Interpolates given grid displacements (row-major, {@code gridPoints²} values per axis, px) to a dense
   * {@code height × width} field with the Catmull-Rom scheme described on the class.
   */
  public static DisplacementField fromGrid(
      int gridPoints, double[] gridDy, double[] gridDx, int height, int width) {
    if (gridPoints < 2 || gridDy.length != gridPoints * gridPoints || gridDx.length != gridDy.length) {
      throw new IllegalArgumentException(
          "a " + gridPoints + "×" + gridPoints + " grid needs " + gridPoints * gridPoints
              + " values per axis (and at least 2 points per axis), got dy " + gridDy.length + ", dx "
              + gridDx.length);
    }
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("field size " + height + "×" + width + " must be positive");
    }
    AxisWeights rows = new AxisWeights(height, gridPoints);
    AxisWeights cols = new AxisWeights(width, gridPoints);
    float[] dy = new float[height * width];
    float[] dx = new float[height * width];
    double[] rowDy = new double[gridPoints];
    double[] rowDx = new double[gridPoints];
    double[] lineDy = new double[width];
    double[] lineDx = new double[width];
    for (int y = 0; y < height; y++) {
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
      int base = y * width;
      // Between two grid columns the four taps are the same grid columns, so their values are loop constants.
      for (int i = 0; i < gridPoints - 1; i++) {
        double y0 = rowDy[cols.clampedTap(i, 0)];
        double y1 = rowDy[cols.clampedTap(i, 1)];
        double y2 = rowDy[cols.clampedTap(i, 2)];
        double y3 = rowDy[cols.clampedTap(i, 3)];
        double x0 = rowDx[cols.clampedTap(i, 0)];
        double x1 = rowDx[cols.clampedTap(i, 1)];
        double x2 = rowDx[cols.clampedTap(i, 2)];
        double x3 = rowDx[cols.clampedTap(i, 3)];
        double[] w0 = cols.weight[0];
        double[] w1 = cols.weight[1];
        double[] w2 = cols.weight[2];
        double[] w3 = cols.weight[3];
        for (int x = cols.intervalStart[i]; x < cols.intervalStart[i + 1]; x++) {
          double vy = 0;
          vy += w0[x] * y0;
          vy += w1[x] * y1;
          vy += w2[x] * y2;
          vy += w3[x] * y3;
          double vx = 0;
          vx += w0[x] * x0;
          vx += w1[x] * x1;
          vx += w2[x] * x2;
          vx += w3[x] * x3;
          lineDy[x] = vy;
          lineDx[x] = vx;
        }
      }
      // rounding to float in a loop of its own, so that the loop above is vectorised
      for (int x = 0; x < width; x++) {
        dy[base + x] = (float) lineDy[x];
        dx[base + x] = (float) lineDx[x];
      }
    }
    return new DisplacementField(height, width, dy, dx);
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
