package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class ConfusionCountsTest {

  // truth        prediction
  // 1 1 0 0      1 0 0 0
  // 1 1 0 0      1 1 1 0
  // 0 0 0 0      0 0 0 0
  // 0 0 0 1      0 0 1 1
  // foreground: TP = 4 (0,0)(1,0)(1,1)(3,3); FN = 1 (0,1); FP = 2 (1,2)(3,2); TN = 9.
  private static final LabelImage TRUTH =
      new LabelImage(4, 4, new int[] {1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
  private static final LabelImage PREDICTION =
      new LabelImage(4, 4, new int[] {1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1});

  @Test
  void handComputedForegroundScores() {
    ConfusionCounts counts = ConfusionCounts.of(TRUTH, PREDICTION, 2);
    assertThat(counts.truePositives(1)).isEqualTo(4);
    assertThat(counts.falseNegatives(1)).isEqualTo(1);
    assertThat(counts.falsePositives(1)).isEqualTo(2);
    assertThat(counts.iou(1)).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(counts.dice(1)).isCloseTo(8.0 / 11, within(1e-12));
    assertThat(counts.iou(0)).isCloseTo(9.0 / 12, within(1e-12));
    assertThat(counts.pixelError()).isCloseTo(3.0 / 16, within(1e-12));
  }

  @Test
  void mergingEqualsCountingTogether() {
    ConfusionCounts twice = ConfusionCounts.of(TRUTH, PREDICTION, 2).merge(ConfusionCounts.of(TRUTH, PREDICTION, 2));
    assertThat(twice.total()).isEqualTo(32);
    assertThat(twice.truePositives(1)).isEqualTo(8);
    assertThat(twice.iou(1)).isCloseTo(4.0 / 7, within(1e-12));
  }

  @Test
  void classAbsentEverywhereScoresNaN() {
    LabelImage empty = LabelImage.zeros(3, 3);
    ConfusionCounts counts = ConfusionCounts.of(empty, empty, 2);
    assertThat(counts.iou(1)).isNaN();
    assertThat(counts.dice(1)).isNaN();
    assertThat(counts.iou(0)).isEqualTo(1.0);
    assertThat(counts.pixelError()).isEqualTo(0.0);
  }

  @Test
  void rejectsLabelsOutsideTheClassRange() {
    LabelImage instances = new LabelImage(1, 2, new int[] {0, 7});
    assertThatThrownBy(() -> ConfusionCounts.of(instances, instances, 2))
        .hasMessageContaining("truth label 7 is outside [0, 2)");
  }
}
