package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class PixelScoresTest {

  @Test
  void pooledAndPerImageMeanDifferAsExpected() {
    // Image 1: 1 foreground pixel, missed → IoU 0. Image 2: 3 foreground pixels, all found → IoU 1.
    LabelImage truth1 = new LabelImage(1, 4, new int[] {1, 0, 0, 0});
    LabelImage pred1 = LabelImage.zeros(1, 4);
    LabelImage truth2 = new LabelImage(1, 4, new int[] {1, 1, 1, 0});
    ConfusionCounts a = ConfusionCounts.of(truth1, pred1, 2);
    ConfusionCounts b = ConfusionCounts.of(truth2, truth2, 2);
    PerImageMean mean = PerImageMean.EMPTY.add(PixelScores.of(a).foregroundIou()).add(PixelScores.of(b).foregroundIou());
    assertThat(mean.mean()).isEqualTo(0.5);
    // pooled: TP 3, FN 1 → IoU 3/4
    PixelScores pooled = PixelScores.of(new ConfusionCounts(2).merge(a).merge(b));
    assertThat(pooled.foregroundIou()).isCloseTo(0.75, within(1e-15));
    assertThat(pooled.foregroundDice()).isCloseTo(6.0 / 7, within(1e-15));
    assertThat(pooled.pixelError()).isCloseTo(1.0 / 8, within(1e-15));
    assertThat(pooled.iou()[0]).isCloseTo(4.0 / 5, within(1e-15));
  }

  @Test
  void foregroundMeansSkipAbsentClassesAndNaNImagesAreCountedApart() {
    // 3 classes, class 2 absent from both: the foreground mean is class 1 alone.
    LabelImage truth = new LabelImage(1, 2, new int[] {0, 1});
    PixelScores scores = PixelScores.of(ConfusionCounts.of(truth, truth, 3));
    assertThat(scores.iou()[2]).isNaN();
    assertThat(scores.foregroundIou()).isEqualTo(1.0);
    PixelScores empty = PixelScores.of(ConfusionCounts.of(LabelImage.zeros(1, 2), LabelImage.zeros(1, 2), 2));
    assertThat(empty.foregroundIou()).isNaN();
    PerImageMean mean = PerImageMean.EMPTY.add(empty.foregroundIou()).add(0.25);
    assertThat(mean).isEqualTo(new PerImageMean(0.25, 1, 1));
    assertThat(mean.merge(new PerImageMean(0.75, 1, 0)).mean()).isEqualTo(0.5);
    assertThat(PerImageMean.EMPTY.mean()).isNaN();
  }
}
