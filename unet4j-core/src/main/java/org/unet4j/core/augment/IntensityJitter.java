package org.unet4j.core.augment;

import java.util.SplittableRandom;

/**
 * Random grey-value variation for the image only (never masks or weights): draws an {@link IntensityTransform}.
 * Magnitudes are in image units and assume a normalized image (zero mean and unit variance, or [0, 1]).
 *
 * <ul>
 *   <li>gamma γ log-uniform in {@code [1/maxGamma, maxGamma]};
 *   <li>contrast factor uniform in {@code [1 − maxContrast, 1 + maxContrast]};
 *   <li>brightness offset uniform in {@code [−maxBrightness, maxBrightness]};
 *   <li>additive Gaussian noise with standard deviation {@code noiseSigma}.
 * </ul>
 *
 * @param maxGamma ≥ 1 (1 = off)
 * @param maxContrast in [0, 1) (0 = off)
 * @param maxBrightness ≥ 0 (0 = off)
 * @param noiseSigma ≥ 0 (0 = off)
 */
public record IntensityJitter(double maxGamma, double maxContrast, double maxBrightness, double noiseSigma) {

  /** Checks the ranges. */
  public IntensityJitter {
    if (!(maxGamma >= 1) || Double.isInfinite(maxGamma)) {
      throw new IllegalArgumentException("maxGamma must be finite and ≥ 1 (1 = off), got " + maxGamma);
    }
    if (!(maxContrast >= 0 && maxContrast < 1)) {
      throw new IllegalArgumentException("maxContrast must be in [0, 1), got " + maxContrast);
    }
    if (!(maxBrightness >= 0) || Double.isInfinite(maxBrightness)) {
      throw new IllegalArgumentException("maxBrightness must be finite and ≥ 0, got " + maxBrightness);
    }
    if (!(noiseSigma >= 0) || Double.isInfinite(noiseSigma)) {
      throw new IllegalArgumentException("noiseSigma must be finite and ≥ 0, got " + noiseSigma);
    }
  }

  /** No intensity change. */
  public static IntensityJitter none() {
    return new IntensityJitter(1, 0, 0, 0);
  }

  /** A mild setting for normalized images: γ ∈ [0.8, 1.25], contrast ±10 %, brightness ±0.1, no noise. */
  public static IntensityJitter defaults() {
    return new IntensityJitter(1.25, 0.1, 0.1, 0);
  }

  /** Whether every component is off. */
  public boolean isNone() {
    return maxGamma == 1 && maxContrast == 0 && maxBrightness == 0 && noiseSigma == 0;
  }

  /**
   * Draws one transform. Draws (in order, only for enabled components): gamma, contrast, brightness, and one
   * {@code nextLong} noise seed.
   */
  public IntensityTransform sample(SplittableRandom rng) {
    double gamma = maxGamma > 1 ? Math.exp((2 * rng.nextDouble() - 1) * Math.log(maxGamma)) : 1;
    double contrast = maxContrast > 0 ? 1 + (2 * rng.nextDouble() - 1) * maxContrast : 1;
    double brightness = maxBrightness > 0 ? (2 * rng.nextDouble() - 1) * maxBrightness : 0;
    long noiseSeed = noiseSigma > 0 ? rng.nextLong() : 0;
    return new IntensityTransform(gamma, contrast, brightness, noiseSigma, noiseSeed);
  }
}
