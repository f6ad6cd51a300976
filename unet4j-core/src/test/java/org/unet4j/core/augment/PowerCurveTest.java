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
      double bound = gamma * Math.abs(gamma - 1) / (8.0 * PowerCurve.STEPS * PowerCurve.STEPS) + 1e-15;
      for (int k = 0; k < 2000; k++) {
        // uniform in [0, 1) and log-uniform down to 1e-30, where the exponent table matters
        double u = k % 2 == 0 ? rng.nextDouble() : Math.pow(10, -30 * rng.nextDouble());
        double want = Math.pow(u, gamma);
        assertThat(Math.abs(curve.apply(u) - want) / want).as("γ=%s u=%s", gamma, u).isLessThanOrEqualTo(bound);
      }
    }
  }

  @Test
  void otherExponentsAndTinyInputsAreMathPowExactly() {
    SplittableRandom rng = new SplittableRandom(9);
    for (double gamma : new double[] {0.25, 2.5, 7}) {
      for (int k = 0; k < 100; k++) {
        double u = rng.nextDouble();
        assertThat(new PowerCurve(gamma).apply(u)).isEqualTo(Math.pow(u, gamma));
      }
    }
    assertThat(new PowerCurve(0.8).apply(1e-25)).isEqualTo(Math.pow(1e-25, 0.8)); // below 2^-64
  }

  @Test
  void endsAreExactAndOutOfRangeInputIsClamped() {
    PowerCurve curve = new PowerCurve(0.8);
    assertThat(curve.apply(0)).isZero();
    assertThat(curve.apply(1)).isEqualTo(1);
    assertThat(curve.apply(-1e-9)).isZero();
    assertThat(curve.apply(1 + 1e-12)).isEqualTo(1);
    assertThat(curve.apply(0.5)).isEqualTo(Math.pow(0.5, 0.8)); // a table point: m = 1, e = −1
    assertThatThrownBy(() -> new PowerCurve(0)).hasMessageContaining("gamma must be finite and > 0");
  }
}
