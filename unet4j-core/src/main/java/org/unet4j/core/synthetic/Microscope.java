package org.unet4j.core.synthetic;

import java.util.SplittableRandom;

/** Applies an {@link Acquisition} to a specimen image: blur, illumination, shot and read noise, clipping. */
final class Microscope {
  // Below this mean photon count Poisson variates are drawn exactly (inversion, one uniform and O(λ) steps);
  // above it the normal approximation N(λ, λ) rounded to an integer is indistinguishable for images.
  private static final double EXACT_POISSON_BELOW = 30;
  private static final double RAMP_SHARE = 0.6;
  // 1/k for the sequential search, which never goes past k ≈ λ + 10·√λ < 90 for λ < 30 (and stops at the table end)
  private static final double[] INVERSE = inverses(160);

  private Microscope() {}

  /**
   * The recorded image of {@code specimen}, values in [0, 1]. Draws one double from {@code illuminationRng} (the
   * ramp direction) and the noise from {@code noiseRng}.
   */
  static float[] acquire(float[] specimen, int height, int width, Acquisition acquisition,
      SplittableRandom illuminationRng, SplittableRandom noiseRng) {
    float[] image = GaussianBlur.blur(specimen, height, width, acquisition.blurSigmaPx());
    illuminate(image, height, width, acquisition.illuminationUnevenness(), illuminationRng.nextDouble() * 2 * Math.PI);
    double photons = acquisition.photonsAtFullScale();
    double readSd = acquisition.readNoiseSd();
    for (int i = 0; i < image.length; i++) {
      double v = Math.max(0, image[i]);
      if (photons > 0) {
        v = poisson(v * photons, noiseRng) / photons;
      }
      if (readSd > 0) {
        v += readSd * noiseRng.nextGaussian();
      }
      image[i] = (float) Math.max(0, Math.min(1, v));
    }
    return image;
  }

  /**
   * Multiplies by {@code 1 + unevenness · g}, {@code g = 0.6·ramp + 0.4·vignette}: the ramp runs linearly from −1 to
   * 1 over the image diagonal in direction {@code angleRad}, the vignette falls from 1 at the centre to −1 at the
   * corners.
   */
  static void illuminate(float[] image, int height, int width, double unevenness, double angleRad) {
    if (unevenness == 0) {
      return;
    }
    double cy = (height - 1) / 2.0;
    double cx = (width - 1) / 2.0;
    double halfDiagonal = Math.max(1, Math.hypot(cy, cx));
    double sin = Math.sin(angleRad);
    double cos = Math.cos(angleRad);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double dy = (y - cy) / halfDiagonal;
        double dx = (x - cx) / halfDiagonal;
        double ramp = dy * sin + dx * cos;
        double vignette = 1 - 2 * (dy * dy + dx * dx);
        double g = RAMP_SHARE * ramp + (1 - RAMP_SHARE) * vignette;
        image[y * width + x] *= (float) (1 + unevenness * g);
      }
    }
  }

  private static double[] inverses(int n) {
    double[] inverse = new double[n];
    for (int k = 1; k < n; k++) {
      inverse[k] = 1.0 / k;
    }
    return inverse;
  }

  /** A Poisson variate of mean {@code lambda ≥ 0}. */
  static long poisson(double lambda, SplittableRandom rng) {
    if (lambda < EXACT_POISSON_BELOW) {
      // Inversion by sequential search: one uniform, then walk up the cumulative distribution.
      double u = rng.nextDouble();
      double p = Math.exp(-lambda);
      double cumulative = p;
      long k = 0;
      while (u > cumulative && p > 0 && k + 1 < INVERSE.length) {
        k++;
        p *= lambda * INVERSE[(int) k];
        cumulative += p;
      }
      return k;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.nextGaussian()));
  }
}
