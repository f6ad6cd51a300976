package org.unet4j.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicroscopeTest {

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 2, 12, 29.5, 30, 150})
  void poissonVariatesHaveMeanAndVarianceLambda(double lambda) {
    SplittableRandom rng = new SplittableRandom(17);
    int n = 40_000;
    double sum = 0;
    double squares = 0;
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      long k = Microscope.poisson(lambda, rng);
      assertThat(k).isNotNegative();
      sum += k;
      squares += (double) k * k;
      zeros += k == 0 ? 1 : 0;
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    // standard errors: √(λ/n) for the mean, about λ·√(2/n) for the variance
    assertThat(mean).isCloseTo(lambda, within(5 * Math.sqrt(lambda / n)));
    assertThat(variance).isCloseTo(lambda, within(5 * lambda * Math.sqrt(2.0 / n) + 0.01));
    if (lambda < 30) {
      double p0 = Math.exp(-lambda);
      assertThat((double) zeros / n).isCloseTo(p0, within(5 * Math.sqrt(p0 * (1 - p0) / n) + 1e-4));
    }
  }
}
