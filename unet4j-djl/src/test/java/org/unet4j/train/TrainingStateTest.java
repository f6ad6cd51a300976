package org.unet4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Early-stopping and best-model bookkeeping across epochs. */
class TrainingStateTest {

  @Test
  void tracksTheBestScoreAndTheEpochsSinceIt() {
    TrainingState state = TrainingState.start();
    double[] scores = {0.5, 0.7, 0.7, 0.6, 0.8, Double.NaN, 0.75};
    int[] expectedBestEpoch = {1, 2, 2, 2, 5, 5, 5};
    int[] expectedWithout = {0, 0, 1, 2, 0, 0, 1}; // a tie is no improvement; an unvalidated epoch changes nothing
    boolean[] expectedImproved = {true, true, false, false, true, false, false};
    for (int epoch = 1; epoch <= scores.length; epoch++) {
      state = state.afterEpoch(10L * epoch, scores[epoch - 1]);
      assertThat(state.epochsDone()).isEqualTo(epoch);
      assertThat(state.nextIteration()).isEqualTo(10L * epoch);
      assertThat(state.bestEpoch()).as("epoch %d", epoch).isEqualTo(expectedBestEpoch[epoch - 1]);
      assertThat(state.epochsWithoutImprovement()).as("epoch %d", epoch).isEqualTo(expectedWithout[epoch - 1]);
      assertThat(state.improvedLastEpoch()).as("epoch %d", epoch).isEqualTo(expectedImproved[epoch - 1]);
    }
    assertThat(state.bestScore()).isEqualTo(0.8);
  }

  @Test
  void startHasNoBest() {
    assertThat(TrainingState.start().bestScore()).isNaN();
    assertThat(TrainingState.start().improvedLastEpoch()).isFalse();
  }

  @Test
  void negativeCountersAreRejected() {
    assertThatThrownBy(() -> new TrainingState(-1, 0, Double.NaN, 0, 0)).hasMessageContaining("nextIteration -1");
  }
}
