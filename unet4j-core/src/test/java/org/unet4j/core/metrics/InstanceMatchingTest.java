package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class InstanceMatchingTest {

  @Test
  void segMatchesOnlyStrictlyMoreThanHalfOfTheReferenceObject() {
    // truth        prediction
    // 1 1 2 2 .    5 . 6 6 6
    // 1 1 2 2 .    5 . 6 . .
    // Object 1 (4 px): prediction 5 covers exactly 2 = 50 % → no match (|R∩S| > 0.5|R| is strict), J = 0.
    // Object 2 (4 px): prediction 6 covers 3 (> 2) → J = 3 / (4 + 4 − 3) = 0.6.
    LabelImage truth = new LabelImage(2, 5, new int[] {1, 1, 2, 2, 0, 1, 1, 2, 2, 0});
    LabelImage prediction = new LabelImage(2, 5, new int[] {5, 0, 6, 6, 6, 5, 0, 6, 0, 0});
    SegCounts seg = InstanceMatching.seg(truth, prediction);
    assertThat(seg.referenceObjects()).isEqualTo(2);
    assertThat(seg.matchedObjects()).isEqualTo(1);
    assertThat(seg.seg()).isCloseTo(0.3, within(1e-15));
    // one more predicted pixel on object 1 crosses the edge: 3 of 4 → J = 3 / 4
    LabelImage more = new LabelImage(2, 5, new int[] {5, 5, 6, 6, 6, 5, 0, 6, 0, 0});
    assertThat(InstanceMatching.seg(truth, more).seg()).isCloseTo((0.75 + 0.6) / 2, within(1e-15));
  }

  @Test
  void segIgnoresFalsePositivesAndIsNaNWithoutReferenceObjects() {
    LabelImage truth = new LabelImage(1, 4, new int[] {1, 1, 0, 0});
    LabelImage prediction = new LabelImage(1, 4, new int[] {3, 3, 0, 8});
    assertThat(InstanceMatching.seg(truth, prediction).seg()).isEqualTo(1.0);
    assertThat(InstanceMatching.seg(LabelImage.zeros(1, 4), prediction).seg()).isNaN();
    assertThat(InstanceMatching.seg(truth, LabelImage.zeros(1, 4)).seg()).isZero();
  }

  // x:    0 1 2 3
  // true: 1 1 1 2      IoU(T1,P1) = 2/4, IoU(T1,P2) = 1/3, IoU(T2,P1) = 1/3, IoU(T2,P2) = 0
  // pred: 2 1 1 1
  static final LabelImage CROWDED_TRUTH = new LabelImage(1, 4, new int[] {1, 1, 1, 2});
  static final LabelImage CROWDED_PREDICTION = new LabelImage(1, 4, new int[] {2, 1, 1, 1});

  @Test
  void optimalMatchingBeatsGreedyOnCrowdedObjects() {
    // At t = 0.3 greedy-by-IoU would take T1–P1 (0.5) and leave T2 without a partner; the optimal one-to-one
    // matching takes T1–P2 and T2–P1.
    MatchingCounts m = InstanceMatching.evaluate(CROWDED_TRUTH, CROWDED_PREDICTION, List.of(0.3)).at(0.3);
    assertThat(m.truePositives()).isEqualTo(2);
    assertThat(m.falsePositives()).isZero();
    assertThat(m.falseNegatives()).isZero();
    assertThat(m.matchedIouSum()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(m.averagePrecision()).isEqualTo(1.0);
    assertThat(m.f1()).isEqualTo(1.0);
    assertThat(m.panopticQuality()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(m.meanMatchedIou()).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void atHalfOnlyTheHalfOverlapMatches() {
    MatchingCounts m = InstanceMatching.evaluate(CROWDED_TRUTH, CROWDED_PREDICTION, List.of(0.5)).at(0.5);
    assertThat(m).isEqualTo(new MatchingCounts(0.5, 1, 1, 1, 0.5));
    assertThat(m.precision()).isEqualTo(0.5);
    assertThat(m.recall()).isEqualTo(0.5);
    assertThat(m.f1()).isEqualTo(0.5);
    assertThat(m.averagePrecision()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(m.panopticQuality()).isCloseTo(0.25, within(1e-15));
  }

  @Test
  void twoHalvesOfOneObjectTieAtHalfAndOnlyOneMatches() {
    // A 2-pixel object halved by two 1-pixel predictions: IoU exactly 0.5 with both; matching is one-to-one.
    LabelImage truth = new LabelImage(1, 2, new int[] {1, 1});
    LabelImage prediction = new LabelImage(1, 2, new int[] {1, 2});
    MatchingCounts m = InstanceMatching.evaluate(truth, prediction, List.of(0.5)).at(0.5);
    assertThat(m).isEqualTo(new MatchingCounts(0.5, 1, 1, 0, 0.5));
  }

  @Test
  void perfectPredictionScoresOneAtEveryApThreshold() {
    LabelImage cells = new LabelImage(2, 3, new int[] {1, 1, 0, 3, 0, 7});
    InstanceScores scores = InstanceMatching.evaluate(cells, cells);
    assertThat(scores.thresholds()).containsExactly(0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95);
    assertThat(scores.meanAveragePrecision()).isEqualTo(1.0);
    assertThat(scores.at(0.95).panopticQuality()).isEqualTo(1.0);
    assertThat(scores.seg().seg()).isEqualTo(1.0);
  }

  @Test
  void apDropsThresholdByThreshold() {
    // One object of 10 px predicted with 7 px inside: IoU 0.7 → matched at 0.50…0.70, missed at 0.75…0.95.
    int[] t = new int[10];
    int[] p = new int[10];
    java.util.Arrays.fill(t, 1);
    for (int i = 0; i < 7; i++) {
      p[i] = 4;
    }
    InstanceScores scores = InstanceMatching.evaluate(new LabelImage(1, 10, t), new LabelImage(1, 10, p));
    assertThat(scores.at(0.7).averagePrecision()).isEqualTo(1.0);
    assertThat(scores.at(0.75).averagePrecision()).isZero();
    assertThat(scores.meanAveragePrecision()).isCloseTo(5.0 / 10, within(1e-15));
  }

  @Test
  void emptyImageConventions() {
    LabelImage empty = LabelImage.zeros(1, 3);
    LabelImage objects = new LabelImage(1, 3, new int[] {1, 0, 2});
    MatchingCounts none = InstanceMatching.evaluate(empty, empty, List.of(0.5)).at(0.5);
    assertThat(none.precision()).isNaN();
    assertThat(none.recall()).isNaN();
    assertThat(none.f1()).isNaN();
    assertThat(none.averagePrecision()).isNaN();
    assertThat(none.panopticQuality()).isNaN();
    MatchingCounts onlyPredicted = InstanceMatching.evaluate(empty, objects, List.of(0.5)).at(0.5);
    assertThat(onlyPredicted.precision()).isZero();
    assertThat(onlyPredicted.recall()).isNaN();
    assertThat(onlyPredicted.averagePrecision()).isZero();
    assertThat(onlyPredicted.f1()).isZero();
    assertThat(onlyPredicted.panopticQuality()).isZero();
    MatchingCounts onlyTrue = InstanceMatching.evaluate(objects, empty, List.of(0.5)).at(0.5);
    assertThat(onlyTrue.precision()).isNaN();
    assertThat(onlyTrue.recall()).isZero();
    assertThat(onlyTrue.averagePrecision()).isZero();
  }

  @Test
  void countsPoolOverImagesAtTheSameThreshold() {
    InstanceScores a = InstanceMatching.evaluate(CROWDED_TRUTH, CROWDED_PREDICTION, List.of(0.5));
    InstanceScores pooled = a.merge(a);
    assertThat(pooled.at(0.5)).isEqualTo(new MatchingCounts(0.5, 2, 2, 2, 1.0));
    assertThatThrownBy(() -> a.at(0.5).merge(new MatchingCounts(0.6, 0, 0, 0, 0)))
        .hasMessageContaining("IoU threshold 0.6");
    assertThatThrownBy(() -> InstanceMatching.evaluate(CROWDED_TRUTH, CROWDED_PREDICTION, List.of(0.0)))
        .hasMessageContaining("must be in (0, 1]");
  }
}
