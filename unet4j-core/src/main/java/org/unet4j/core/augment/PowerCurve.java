package org.unet4j.core.augment;

/**
 * The curve {@code u ↦ u^γ} on {@code [0, 1]} for one fixed exponent, from two small tables instead of one
 * {@link Math#pow} per pixel: the gamma augmentation applies it to every pixel of every patch, where
 * {@code Math.pow} (30–40 ns) was the most expensive step of drawing a patch.
 *
 * <p>Method: {@code u = m·2^e} with {@code m ∈ [1, 2)}, so {@code u^γ = m^γ · 2^(eγ)}; {@code 2^(eγ)} is tabulated
 * for {@code e = −64 … −1} and {@code m^γ} at {@value #STEPS} + 1 equally spaced {@code m}, linearly interpolated.
 *
 * <p>Accuracy: the interpolation error is at most {@code h²/8 · max|d²(m^γ)/dm²| ≤ γ|γ − 1|·2^max(0, γ−2)/(8·}
 * {@value #STEPS}{@code ²)} relative, below {@code 6·10⁻⁸} (one float ulp) for the {@code γ ∈ [½, 2]} served by the
 * tables; other exponents and {@code u < 2⁻⁶⁴} use {@code Math.pow}. {@code 0^γ = 0} and {@code 1^γ = 1} exactly.
 */
final class PowerCurve {
  static final int STEPS = 2048;
  private static final int INDEX_SHIFT = 52 - 11; // 2^11 = STEPS
  private static final long FRACTION_MASK = (1L << INDEX_SHIFT) - 1;
  private static final double FRACTION_SCALE = 1.0 / (1L << INDEX_SHIFT);
  private static final int MIN_TABULATED_EXPONENT = -64;

  private final double gamma;
  private final double[] mantissaPower; // (1 + k/STEPS)^γ, k = 0..STEPS
  private final double[] exponentPower; // 2^(eγ) at index −e − 1, e = −1..−64
  private final boolean tabulated;

  /** The curve for {@code gamma > 0}. */
  PowerCurve(double gamma) {
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
    }
    this.gamma = gamma;
    this.tabulated = gamma >= 0.5 && gamma <= 2;
    if (tabulated) {
      mantissaPower = new double[STEPS + 1];
      for (int k = 0; k <= STEPS; k++) {
        mantissaPower[k] = Math.pow(1 + (double) k / STEPS, gamma);
      }
      exponentPower = new double[-MIN_TABULATED_EXPONENT];
      for (int e = -1; e >= MIN_TABULATED_EXPONENT; e--) {
        exponentPower[-e - 1] = Math.pow(2, e * gamma);
      }
    } else {
      mantissaPower = null;
      exponentPower = null;
    }
  }

  /** {@code u^γ}; inputs just outside {@code [0, 1]} (rounding of {@code (v − lo)/(hi − lo)}) are clamped. */
  double apply(double u) {
    if (!(u > 0)) {
      return 0;
    }
    if (u >= 1) {
      return 1;
    }
    long bits = Double.doubleToRawLongBits(u);
    int e = (int) (bits >>> 52) - 1023;
    if (!tabulated || e < MIN_TABULATED_EXPONENT) {
      return Math.pow(u, gamma);
    }
    int k = (int) ((bits >>> INDEX_SHIFT) & (STEPS - 1));
    double t = (bits & FRACTION_MASK) * FRACTION_SCALE;
    double low = mantissaPower[k];
    return (low + t * (mantissaPower[k + 1] - low)) * exponentPower[-e - 1];
  }
}
