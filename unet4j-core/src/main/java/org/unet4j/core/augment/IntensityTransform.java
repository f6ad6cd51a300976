package org.unet4j.core.augment;

import java.util.SplittableRandom;
import org.unet4j.core.image.FloatImage;

/**
 * A drawn grey-value change, applied per channel in this order:
 *
 * <pre>
 *   gamma:      v ← lo + (hi − lo)·((v − lo)/(hi − lo))^gamma     lo, hi = channel min and max (skipped if equal,
 *                                                                 or if hi − lo or its inverse overflows a float)
 *   contrast:   v ← mean + contrast·(v − mean)                    mean = channel mean after gamma
 *   brightness: v ← v + brightness
 *   noise:      v ← v + noiseSigma·N(0, 1)                        from a SplittableRandom(noiseSeed)
 * </pre>
 *
 * <p>Deterministic: the same record and image give the same result.
 *
 * @param gamma exponent (> 0; 1 = unchanged)
 * @param contrast factor about the mean (1 = unchanged)
 * @param brightness additive offset in image units (0 = unchanged)
 * @param noiseSigma standard deviation of additive noise in image units (0 = none)
 * @param noiseSeed seed of the noise generator
 */
public record IntensityTransform(double gamma, double contrast, double brightness, double noiseSigma, long noiseSeed) {

  /** Checks the values. */
  public IntensityTransform {
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
    }
    if (!Double.isFinite(contrast) || !Double.isFinite(brightness) || !(noiseSigma >= 0)) {
      throw new IllegalArgumentException(
          "contrast and brightness must be finite and noiseSigma ≥ 0, got " + contrast + ", " + brightness + ", "
              + noiseSigma);
    }
  }

  /** The identity. */
  public static IntensityTransform identity() {
    return new IntensityTransform(1, 1, 0, 0, 0);
  }

  /** Whether {@link #apply} returns its input unchanged. */
  public boolean isIdentity() {
    return gamma == 1 && contrast == 1 && brightness == 0 && noiseSigma == 0;
  }

  /** A new image with the change applied (the input is not modified; the identity returns the input itself). */
  public FloatImage apply(FloatImage image) {
    return isIdentity() ? image : applyInPlace(image.copy());
  }

  /**
   * Applies the change to {@code image} itself and returns it: for freshly resampled patches, which nobody else
   * holds, so that the copy {@link #apply} makes is saved.
   */
  FloatImage applyInPlace(FloatImage image) {
    if (isIdentity()) {
      return image;
    }
    float[] v = image.data();
    int plane = image.planeSize();
    SplittableRandom noise = noiseSigma > 0 ? new SplittableRandom(noiseSeed) : null;
    PowerCurve curve = gamma != 1 ? new PowerCurve(gamma) : null;
    for (int c = 0; c < image.channels(); c++) {
      int from = c * plane;
      int to = from + plane;
      // the sum for the contrast's mean is taken in the gamma pass when there is one (same values, same order)
      double sum = curve != null ? applyGamma(v, from, to, curve) : Double.NaN;
      // contrast about the mean, then brightness, fused into one pass
      double mean = 0;
      if (contrast != 1) {
        if (Double.isNaN(sum)) {
          sum = 0;
          for (int i = from; i < to; i++) {
            sum += v[i];
          }
        }
        mean = sum / plane;
      }
      if (noise != null) {
        for (int i = from; i < to; i++) {
          float value = contrast != 1 ? (float) (mean + contrast * (v[i] - mean)) : v[i];
          v[i] = (float) (value + brightness + noiseSigma * noise.nextGaussian());
        }
      } else if (contrast != 1 || brightness != 0) {
        // contrast and brightness as one affine map in float arithmetic: the JIT vectorises this loop, while the
        // same map in double (a float→double→float round trip per pixel) cost as much as the gamma pass itself
        float scale = (float) contrast;
        float offset = (float) (mean * (1 - contrast) + brightness);
        for (int i = from; i < to; i++) {
          v[i] = v[i] * scale + offset;
        }
      }
    }
    return image;
  }

  /**
   * Gamma on {@code v[from, to)} relative to its min–max range; returns the sum of the new values, or NaN if the
   * range is empty or not finite (then nothing changes).
   */
  private static double applyGamma(float[] v, int from, int to, PowerCurve curve) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    boolean nan = false;
    for (int i = from; i < to; i++) {
      float value = v[i];
      // plain comparisons (Math.min/max on floats is several times slower); a NaN is tracked on its own
      lo = value < lo ? value : lo;
      hi = value > hi ? value : hi;
      nan |= value != value;
    }
    float range = hi - lo;
    float scale = 1 / range;
    if (nan || !(range > 0) || Float.isInfinite(range) || Float.isInfinite(scale)) {
      return Double.NaN; // constant (or non-finite, or beyond float's range) channel: gamma is left out
    }
    // float arithmetic throughout (see PowerCurve); the sum stays double, it feeds the contrast's mean
    double sum = 0;
    for (int i = from; i < to; i++) {
      float value = lo + range * curve.apply((v[i] - lo) * scale);
      v[i] = value;
      sum += value;
    }
    return sum;
  }
}
