package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class IsbiEvaluationTest {

  // 7×9 slice: a membrane frame, a membrane column at x = 4, two cells A (x 1..3) and B (x 5..7) of 15 px each.
  static final int H = 7;
  static final int W = 9;

  static LabelImage truth() {
    LabelImage truth = LabelImage.zeros(H, W);
    for (int y = 1; y < H - 1; y++) {
      for (int x = 1; x < W - 1; x++) {
        truth.set(y, x, x == 4 ? 0 : 255);
      }
    }
    return truth;
  }

  /** Interior probability: 1 in the cells, 0 on the frame, {@code line} on the separating membrane. */
  static FloatImage map(float line) {
    LabelImage truth = truth();
    FloatImage p = FloatImage.zeros(1, H, W);
    for (int y = 1; y < H - 1; y++) {
      for (int x = 1; x < W - 1; x++) {
        p.set(0, y, x, x == 4 ? line : truth.get(y, x) != 0 ? 1f : 0f);
      }
    }
    return p;
  }

  @Test
  void challengeThresholdsAreGeneratedLikeTheScripts() {
    IsbiProtocol protocol = IsbiProtocol.challenge();
    assertThat(protocol.segmentationThresholds()).hasSize(11);
    assertThat(protocol.segmentationThresholds().get(3)).isEqualTo(0.30000000000000004);
    assertThat(protocol.segmentationThresholds().get(10)).isEqualTo(0.9999999999999999);
    assertThat(protocol.warpingThresholds()).hasSize(10);
    assertThat(protocol.warpingThresholds().get(9)).isEqualTo(0.8999999999999999);
  }

  @Test
  void aPerfectMapScoresPerfectlyAtTheFirstThreshold() {
    IsbiScores scores = new IsbiEvaluation(IsbiProtocol.challenge()).add(truth(), map(0f)).scores();
    assertThat(scores.images()).isEqualTo(1);
    assertThat(scores.vRand()).isEqualTo(1.0);
    assertThat(scores.vInfo()).isCloseTo(1.0, within(1e-12));
    assertThat(scores.randError()).isZero();
    assertThat(scores.pixelError()).isZero();
    assertThat(scores.warpingError()).isZero();
    assertThat(scores.vRandThreshold()).isZero();
  }

  @Test
  void aWeakMembraneMergesBelowItsProbabilityAndTheBestThresholdFindsIt() {
    // The separating membrane has interior probability 0.6: at t ≤ 0.6 (0.6f > 0.6) it is interior and the cells
    // merge; from t = 0.7 on the proposal is perfect.
    IsbiScores scores = new IsbiEvaluation(IsbiProtocol.challenge()).add(truth(), map(0.6f)).scores();
    assertThat(scores.vRand()).isEqualTo(1.0);
    assertThat(scores.vRandThreshold()).isEqualTo(0.7);
    assertThat(scores.vInfoThreshold()).isEqualTo(0.7);
    assertThat(scores.randErrorThreshold()).isEqualTo(0.7);
    assertThat(scores.pixelErrorThreshold()).isEqualTo(0.7);
    assertThat(scores.warpingError()).isZero();
    assertThat(scores.warpingThreshold()).isEqualTo(0.7);
    IsbiThresholdScores merged = scores.curve().get(0);
    // one segment over both cells: V_rand = (15² + 15²) / (15² + 15² + 15·15) = 2/3; V_info 0 (H(S) = 0)
    assertThat(merged.threshold()).isZero();
    assertThat(merged.vRand()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(merged.randFScore()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(merged.vInfo()).isZero();
    // interior pixels: TP 30, FP 5 (the membrane column) → F = 60 / 65
    assertThat(merged.pixelFScore()).isCloseTo(60.0 / 65, within(1e-15));
    // none of the 5 column pixels can be filled without joining the cells: 5 merge pixels of 63
    assertThat(merged.splitsAndMergersError()).isCloseTo(5.0 / 63, within(1e-15));
  }

  @Test
  void slicesPoolPairCountsAndAverageVInfo() {
    IsbiEvaluation both = new IsbiEvaluation(IsbiProtocol.binary());
    both.add(truth(), map(0f)).add(truth(), map(1f));
    IsbiEvaluation first = new IsbiEvaluation(IsbiProtocol.binary()).add(truth(), map(0f));
    IsbiEvaluation second = new IsbiEvaluation(IsbiProtocol.binary()).add(truth(), map(1f));
    IsbiScores merged = first.merge(second).scores();
    IsbiScores together = both.scores();
    assertThat(merged).isEqualTo(together);
    // pooled pairs: Σn² = 450 + 450, Σa² = 450 + 450, Σb² = 450 (perfect) + 900 (merged) → V_rand = 1800 / 2250
    assertThat(together.vRand()).isCloseTo(1800.0 / 2250, within(1e-15));
    // V_info is the mean of the slices' scores, 1 and 0
    assertThat(together.vInfo()).isCloseTo(0.5, within(1e-12));
    assertThat(together.images()).isEqualTo(2);
    assertThat(together.warping().mergers()).isEqualTo(1);
  }

  @Test
  void emptyEvaluationIsNaNAndSizesMustMatch() {
    IsbiScores none = new IsbiEvaluation(IsbiProtocol.binary()).scores();
    assertThat(none.vRand()).isNaN();
    assertThat(none.vInfo()).isNaN();
    assertThat(none.warpingError()).isNaN();
    assertThat(new IsbiEvaluation(IsbiProtocol.binary().withoutWarping()).add(truth(), map(0f)).scores()
        .warpingError()).isNaN();
    assertThatThrownBy(() -> new IsbiEvaluation(IsbiProtocol.binary()).add(truth(), FloatImage.zeros(1, 3, 3)))
        .hasMessageContaining("truth is 7×9 but the probability map is 3×3");
  }
}
