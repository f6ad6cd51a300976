package org.unet4j.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class ClassBalanceWeightsTest {

  // 6 background, 3 class 1, 1 class 2, class 3 absent.
  static final LabelImage MASK = new LabelImage(2, 5, new int[] {0, 0, 0, 1, 1, 0, 0, 0, 1, 2});

  @Test
  void countsAndFormulasMatchHandComputedValues() {
    assertThat(new ClassBalanceWeights(ClassBalance.NONE, 4).countClasses(MASK)).containsExactly(6, 3, 1, 0);
    assertThat(new ClassBalanceWeights(ClassBalance.NONE, 4).classWeights(MASK)).containsExactly(1, 1, 1, 0);
    // N / (K n_c) with N = 10, K = 3 present classes.
    assertThat(new ClassBalanceWeights(ClassBalance.MEAN_ONE, 4).classWeights(MASK))
        .containsExactly(new double[] {10.0 / 18, 10.0 / 9, 10.0 / 3, 0}, within(1e-12));
    assertThat(new ClassBalanceWeights(ClassBalance.BACKGROUND_ONE, 4).classWeights(MASK))
        .containsExactly(new double[] {1, 2, 6, 0}, within(1e-12));
  }

  @Test
  void meanOneGivesMeanPixelWeightOne() {
    float[] w = new ClassBalanceWeights(ClassBalance.MEAN_ONE, 3).pixelWeights(MASK);
    double sum = 0;
    for (float v : w) {
      sum += v;
    }
    assertThat(sum / w.length).isCloseTo(1.0, within(1e-6));
    assertThat(w[3]).isEqualTo((float) (10.0 / 9));
  }

  @Test
  void backgroundOneFallsBackToTheMostFrequentClassWithoutBackground() {
    LabelImage noBackground = new LabelImage(1, 4, new int[] {1, 1, 1, 2});
    assertThat(new ClassBalanceWeights(ClassBalance.BACKGROUND_ONE, 3).classWeights(noBackground))
        .containsExactly(0, 1, 3);
  }

  @Test
  void outOfRangeClassIsRejectedWithPositionAndFix() {
    assertThatThrownBy(() -> new ClassBalanceWeights(ClassBalance.NONE, 2).countClasses(MASK))
        .hasMessageContaining("class index 2")
        .hasMessageContaining("y=1, x=4")
        .hasMessageContaining("numClasses");
  }
}
