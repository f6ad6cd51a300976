package org.unet4j.core.augment;

/**
 * The curve {@code u ↦ u^γ} on {@code [0, 1]} for one fixed exponent, in float arithmetic from two small tables
 * instead of one {@link Math#pow} per pixel: the gamma augmentation applies it to every pixel of every patch, where
 * {@code Math.pow} (30–40 ns) was the most expensive step of drawing a patch, and where double arithmetic (a
 * float→double→float round trip per pixel) cost a third more than this.
 *
 * <p>Method: {@code u = m·2^e} with {@code m ∈ [1, 2)}, so {@code u^γ = m^γ · 2^(eγ)}; {@code 2^(eγ)} is tabulated
 * for {@code e = −64 … −1} and {@code m^γ} at {@value #STEPS} + 1 equally spaced {@code m}, linearly interpolated.
 *
 * <p>Accuracy: the interpolation error is at most {@code h²/8 · max|d²(m^γ)/dm²| ≤ γ|γ − 1|·2^max(0, γ−2)/(8·}
 * {@value #STEPS}{@code ²)} relative, below {@code 6·10⁻⁸} for the {@code γ ∈ [½, 2]} served by the tables, plus
 * the rounding of the float tables and of four float operations ({@code < 4·2⁻²⁴} relative); other exponents and
 * {@code u < 2⁻⁶⁴} use {@code Math.pow}. {@code 0^γ = 0} and {@code 1^γ = 1} exactly.
 */
final class PowerCurve {
  static final int STEPS = 2048;
  private static final int INDEX_SHIFT = 23 - 11; // float mantissa bits below the table index; 2^11 = STEPS
  private static final int FRACTION_MASK = (1 << INDEX_SHIFT) - 1;
  private static final float FRACTION_SCALE = 1f / (1 << INDEX_SHIFT);
  private static final int MIN_TABULATED_EXPONENT = -64;

  private final double gamma;
  private final float[] mantissaPower; // (1 + k/STEPS)^γ, k = 0..STEPS
  private final float[] exponentPower; // 2^(eγ) at index −e − 1, e = −1..−64
  private final boolean tabulated;

  /** The curve for {@code gamma > 0}. */
  PowerCurve(double gamma) {
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
    }
    this.gamma = gamma;
    this.tabulated = gamma >= 0.5 && gamma <= 2;
    if (tabulated) {
      mantissaPower = new float[STEPS + 1];
      for (int k = 0; k <= STEPS; k++) {
        mantissaPower[k] = (float) Math.pow(1 + (double) k / STEPS, gamma);
      }
      exponentPower = new float[-MIN_TABULATED_EXPONENT];
      for (int e = -1; e >= MIN_TABULATED_EXPONENT; e--) {
        exponentPower[-e - 1] = (float) Math.pow(2, e * gamma);
      }
    } else {
      mantissaPower = null;
      exponentPower = null;
    }
  }

  /** {@code u^γ}; inputs just outside {@code [0, 1]} (rounding of {@code (v − lo)/(hi − lo)}) are clamped. */
  float apply(float u) {
    if (!(u > 0)) {
      return 0;
    }
    if (u >= 1) {
      return 1;
    }
    int bits = Float.floatToRawIntBits(u);
    int e = (bits >>> 23) - 127;
    if (!tabulated || e < MIN_TABULATED_EXPONENT) {
      return (float) Math.pow(u, gamma);
    }
    int k = (bits >>> INDEX_SHIFT) & (STEPS - 1);
    float t = (bits & FRACTION_MASK) * FRACTION_SCALE;
    float low = mantissaPower[k];
    return (low + t * (mantissaPower[k + 1] - low)) * exponentPower[-e - 1];
  }
}
