package org.unet4j.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class WeightMapsTest {

  @Test
  void touchingSquaresBecomeSeparatedAndTheRidgeIsWeighted() {
    WeightedMask target = WeightMaps.paperDefaults().fromInstances(SeparationBordersTest.twoTouchingSquares());
    assertThat(target.classMask())
        .isEqualTo(SeparationBordersTest.picture(
            "............",
            "............",
            "..###..###..",
            "..###..###..",
            "..###..###..",
            "..###..###..",
            "............",
            "............"));
    float[] w = target.weights().data();
    int width = 12;
    // 96 pixels, 24 foreground: BACKGROUND_ONE gives w_c = 1 on background and 72 / 24 = 3 on cells.
    assertThat(w[3 * width + 3]).isEqualTo(3f);
    // Corner (0, 0): nearest pixels (2, 2) of the left and (2, 7) of the right square; the image is small, so the
    // border term is not negligible there.
    double s = Math.sqrt(8) + Math.sqrt(53);
    assertThat((double) w[0]).isCloseTo(1 + 10 * Math.exp(-s * s / 50), within(1e-5));
    // Ridge pixel (3, 5): d1 = 1 (left square), d2 = 2 (right square).
    assertThat((double) w[3 * width + 5]).isCloseTo(1 + 10 * Math.exp(-9.0 / 50), within(1e-5));
    assertThat(w[3 * width + 6]).isEqualTo(w[3 * width + 5]);
  }

  @Test
  void withoutSeparationTouchingInstancesKeepTheirPixels() {
    WeightMaps maps = new WeightMaps(BorderWeightMap.paperDefaults(), ClassBalance.NONE, Optional.empty());
    WeightedMask target = maps.fromInstances(SeparationBordersTest.twoTouchingSquares());
    assertThat(target.classMask()).isEqualTo(SeparationBordersTest.twoTouchingSquares().foreground());
    assertThat(target.weights().data()[3 * 12 + 5]).isEqualTo(1f);
  }

  @Test
  void classMaskComponentsActAsInstances() {
    LabelImage classMask = SeparationBordersTest.picture("1..2", "1..2");
    WeightMaps maps = new WeightMaps(BorderWeightMap.paperDefaults(), ClassBalance.MEAN_ONE, Optional.empty());
    WeightedMask target = maps.fromClassMask(classMask, 3);
    assertThat(target.classMask()).isEqualTo(classMask);
    // 4 background, 2 + 2 foreground: w_c = 8 / (3 · n_c).
    double wBackground = 8.0 / 12;
    assertThat((double) target.weights().data()[1]).isCloseTo(wBackground + 10 * Math.exp(-9.0 / 50), within(1e-5));
    assertThat((double) target.weights().data()[0]).isCloseTo(8.0 / 6, within(1e-6));
  }
}
