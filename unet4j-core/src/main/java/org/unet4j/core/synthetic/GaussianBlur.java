package org.unet4j.core.synthetic;

import java.util.SplittableRandom;
import org.unet4j.core.tiling.MirrorIndex;

/**
 * Separable Gaussian filtering of a single-channel row-major image with mirror boundaries ({@link MirrorIndex}), in
 * {@code O(H·W·σ)}: one pass along rows, one along columns, each with a kernel of radius {@code ⌈3.5σ⌉}.
 */
final class GaussianBlur {
  private static final double COARSE_GRID_SIGMA = 1.25;
  private GaussianBlur() {}

  /** The normalised 1-D kernel for {@code sigmaPx > 0}: {@code 2·⌈3.5σ⌉ + 1} weights summing to 1. */
  static float[] kernel(double sigmaPx) {
    int radius = Math.max(1, (int) Math.ceil(3.5 * sigmaPx));
    float[] weights = new float[2 * radius + 1];
    double sum = 0;
    for (int t = -radius; t <= radius; t++) {
      double v = Math.exp(-t * t / (2 * sigmaPx * sigmaPx));
      weights[t + radius] = (float) v;
      sum += v;
    }
    for (int t = 0; t < weights.length; t++) {
      weights[t] = (float) (weights[t] / sum);
    }
    return weights;
  }

  /**
   * {@code image} blurred with a Gaussian of standard deviation {@code sigmaPx} px (a new array; a copy for σ = 0).
   */
  static float[] blur(float[] image, int height, int width, double sigmaPx) {
    if (sigmaPx == 0) {
      return image.clone();
    }
    float[] k = kernel(sigmaPx);
    int radius = k.length / 2;
    float[] rows = new float[image.length];
    int[] columnIndex = MirrorIndex.reflectRange(-radius, width + 2 * radius, width);
    float[] padded = new float[width + 2 * radius];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int i = 0; i < padded.length; i++) {
        padded[i] = image[row + columnIndex[i]];
      }
      // Accumulate one shifted copy of the row per kernel tap (no reduction in the inner loop, so the JIT can
      // vectorise it).
      for (int t = 0; t < k.length; t++) {
        float weight = k[t];
        for (int x = 0; x < width; x++) {
          rows[row + x] += weight * padded[x + t];
        }
      }
    }
    // Column pass row by row (add k[t] times a whole source row), so memory is read in order.
    float[] out = new float[image.length];
    int[] rowIndex = MirrorIndex.reflectRange(-radius, height + 2 * radius, height);
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int t = 0; t < k.length; t++) {
        int source = rowIndex[y + t] * width;
        float weight = k[t];
        for (int x = 0; x < width; x++) {
          out[row + x] += weight * rows[source + x];
        }
      }
    }
    return out;
  }

  /**
   * Smooth random texture of unit standard deviation: white noise (uniform, variance 1) blurred with σ =
   * {@code scalePx} and divided by the blur's noise gain {@code Σ k_t²} (exact for the 2-D separable kernel, apart
   * from mirror correlations within {@code 3.5σ} of the border).
   *
   * <p>Wide textures (σ ≥ 2.5 px) are made on a grid {@code f = ⌊σ/1.25⌋} times coarser, with σ/f ≥ 1.25 grid
   * steps, and bilinearly interpolated: {@code f²} times fewer draws and a shorter kernel, for a standard deviation
   * that dips by at most 7 % between grid points (neighbouring grid values correlate by ≥ 0.85). Draws one double per
   * grid point from {@code rng}.
   */
  static float[] unitNoise(SplittableRandom rng, int height, int width, double scalePx) {
    int factor = Math.max(1, (int) (scalePx / COARSE_GRID_SIGMA));
    if (factor == 1) {
      return fineNoise(rng, height, width, scalePx);
    }
    int coarseHeight = (height - 1) / factor + 2;
    int coarseWidth = (width - 1) / factor + 2;
    float[] coarse = fineNoise(rng, coarseHeight, coarseWidth, scalePx / factor);
    float[] out = new float[height * width];
    for (int y = 0; y < height; y++) {
      int gy = y / factor;
      float ty = (float) (y - gy * factor) / factor;
      int top = gy * coarseWidth;
      int bottom = top + coarseWidth;
      for (int x = 0; x < width; x++) {
        int gx = x / factor;
        float tx = (float) (x - gx * factor) / factor;
        float upper = coarse[top + gx] + tx * (coarse[top + gx + 1] - coarse[top + gx]);
        float lower = coarse[bottom + gx] + tx * (coarse[bottom + gx + 1] - coarse[bottom + gx]);
        out[y * width + x] = upper + ty * (lower - upper);
      }
    }
    return out;
  }

  private static float[] fineNoise(SplittableRandom rng, int height, int width, double scalePx) {
    float[] white = new float[height * width];
    double halfWidth = Math.sqrt(3);
    for (int i = 0; i < white.length; i++) {
      white[i] = (float) ((2 * rng.nextDouble() - 1) * halfWidth);
    }
    float[] smooth = blur(white, height, width, scalePx);
    double gain = 0;
    for (float w : kernel(scalePx)) {
      gain += w * w;
    }
    float scale = (float) (1 / gain);
    for (int i = 0; i < smooth.length; i++) {
      smooth[i] *= scale;
    }
    return smooth;
  }
}
