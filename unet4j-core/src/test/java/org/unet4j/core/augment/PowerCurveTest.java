package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowerCurveTest {

  @Test
  void tabulatedExponentsAgreeWithMathPowWithinTheStatedBound() {
    SplittableRandom rng = new SplittableRandom(8);
    for (int g = 0; g < 200; g++) {
      double gamma = 0.5 + 1.5 * rng.nextDouble();
      PowerCurve curve = new PowerCurve(gamma);
      // interpolation error plus the float rounding of the tables and of four operations (see PowerCurve)
      double bound = gamma * Math.abs(gamma - 1) / (8.0 * PowerCurve.STEPS * PowerCurve.STEPS) + 4 * 0x1p-24;
      for (int k = 0; k < 2000; k++) {
        // uniform in [0, 1) and log-uniform down to 1e-30, where the exponent table matters
        float u = (float) (k % 2 == 0 ? rng.nextDouble() : Math.pow(10, -30 * rng.nextDouble()));
        double want = Math.pow(u, gamma);
        // results below Float.MIN_NORMAL (u^γ < 2⁻¹²⁶) are subnormal: there the slack is absolute, a few 2⁻¹⁴⁹
        assertThat(Math.abs(curve.apply(u) - want)).as("γ=%s u=%s", gamma, u)
            .isLessThanOrEqualTo(bound * want + 8 * Float.MIN_VALUE);
      }
    }
  }

  @Test
  void otherExponentsAndTinyInputsAreMathPowExactly() {
    SplittableRandom rng = new SplittableRandom(9);
    for (double gamma : new double[] {0.25, 2.5, 7}) {
      for (int k = 0; k < 100; k++) {
        float u = (float) rng.nextDouble();
        assertThat(new PowerCurve(gamma).apply(u)).isEqualTo((float) Math.pow(u, gamma));
      }
    }
    assertThat(new PowerCurve(0.8).apply(1e-25f)).isEqualTo((float) Math.pow(1e-25f, 0.8)); // below 2^-64
  }

  @Test
  void endsAreExactAndOutOfRangeInputIsClamped() {
    PowerCurve curve = new PowerCurve(0.8);
    assertThat(curve.apply(0)).isZero();
    assertThat(curve.apply(1)).isEqualTo(1);
    assertThat(curve.apply(-1e-9f)).isZero();
    assertThat(curve.apply(Math.nextUp(1f))).isEqualTo(1);
    assertThat(curve.apply(Float.NaN)).isZero();
    assertThat(curve.apply(0.5f)).isEqualTo((float) Math.pow(0.5, 0.8)); // a table point: m = 1, e = −1
    assertThatThrownBy(() -> new PowerCurve(0)).hasMessageContaining("gamma must be finite and > 0");
  }
}
