package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;

class IntensityTransformTest {

  static FloatImage ramp() {
    float[] v = new float[2 * 10];
    for (int i = 0; i < 10; i++) {
      v[i] = i; // channel 0: 0..9
      v[10 + i] = 2 * i - 5; // channel 1: −5..13
    }
    return new FloatImage(2, 2, 5, v);
  }

  @Test
  void identityReturnsTheInput() {
    FloatImage img = ramp();
    assertThat(IntensityTransform.identity().apply(img)).isSameAs(img);
    assertThat(IntensityJitter.none().sample(new SplittableRandom(1)).isIdentity()).isTrue();
  }

  @Test
  void gammaKeepsTheRangeAndFollowsThePowerLaw() {
    FloatImage out = new IntensityTransform(2, 1, 0, 0, 0).apply(ramp());
    // channel 0: lo 0, hi 9 → 9·(v/9)²
    for (int i = 0; i < 10; i++) {
      assertThat((double) out.data()[i]).isCloseTo(9 * Math.pow(i / 9.0, 2), within(1e-5));
    }
    // channel 1: lo −5, hi 13 → −5 + 18·((v+5)/18)²
    for (int i = 0; i < 10; i++) {
      double v = 2 * i - 5;
      assertThat((double) out.data()[10 + i]).isCloseTo(-5 + 18 * Math.pow((v + 5) / 18, 2), within(1e-5));
    }
  }

  @Test
  void contrastKeepsTheMeanAndBrightnessAdds() {
    FloatImage out = new IntensityTransform(1, 1.5, 0.25, 0, 0).apply(ramp());
    for (int i = 0; i < 10; i++) {
      assertThat((double) out.data()[i]).isCloseTo(4.5 + 1.5 * (i - 4.5) + 0.25, within(1e-5));
    }
  }

  @Test
  void noiseIsDeterministicWithTheRequestedSpread() {
    FloatImage flat = FloatImage.zeros(1, 100, 100);
    IntensityTransform noisy = new IntensityTransform(1, 1, 0, 0.5, 99);
    FloatImage a = noisy.apply(flat);
    assertThat(noisy.apply(flat)).isEqualTo(a);
    double sumSq = 0;
    for (float v : a.data()) {
      sumSq += v * v;
    }
    assertThat(Math.sqrt(sumSq / a.data().length)).isCloseTo(0.5, within(0.02));
    assertThat(flat.data()).containsOnly(0f); // input untouched
  }

  @Test
  void inPlaceGivesTheSameValuesInTheGivenImage() {
    IntensityTransform t = new IntensityTransform(0.8, 1.2, -0.1, 0.05, 7);
    FloatImage expected = t.apply(ramp());
    FloatImage target = ramp();
    assertThat(t.applyInPlace(target)).isSameAs(target).isEqualTo(expected);
  }

  @Test
  void jitterDrawsWithinItsRanges() {
    IntensityJitter j = new IntensityJitter(1.5, 0.2, 0.3, 0.1);
    SplittableRandom rng = new SplittableRandom(4);
    for (int k = 0; k < 500; k++) {
      IntensityTransform t = j.sample(rng);
      assertThat(t.gamma()).isBetween(1 / 1.5, 1.5);
      assertThat(t.contrast()).isBetween(0.8, 1.2);
      assertThat(t.brightness()).isBetween(-0.3, 0.3);
      assertThat(t.noiseSigma()).isEqualTo(0.1);
    }
  }
}
