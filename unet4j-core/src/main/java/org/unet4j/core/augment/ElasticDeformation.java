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
    return sampleGrid(rng, height, width).dense();
  }

  /**
   * Draws the coarse grid from {@code rng} (the same draws as {@link #sample}) and returns it with its
   * interpolation, for warps that evaluate the field row by row.
   */
  ElasticGrid sampleGrid(SplittableRandom rng, int height, int width) {
    int n = gridPoints * gridPoints;
    double[] gridDy = new double[n];
    double[] gridDx = new double[n];
    for (int k = 0; k < n; k++) {
      gridDy[k] = sigmaPx * rng.nextGaussian();
      gridDx[k] = sigmaPx * rng.nextGaussian();
    }
    return new ElasticGrid(gridPoints, gridDy, gridDx, height, width);
  }

  /**
   * Interpolates given grid displacements (row-major, {@code gridPoints²} values per axis, px) to a dense
   * {@code height × width} field with the Catmull-Rom scheme described on the class.
   */
  public static DisplacementField fromGrid(
      int gridPoints, double[] gridDy, double[] gridDx, int height, int width) {
    return new ElasticGrid(gridPoints, gridDy, gridDx, height, width).dense();
  }
}
