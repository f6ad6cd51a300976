package org.unet4j.train;

/**
 * Where a run stands, saved with every checkpoint so that a resumed run continues exactly: the next iteration to
 * run (which fixes the data, the dropout masks and the learning rate), the epochs done, and the early-stopping
 * bookkeeping.
 *
 * @param nextIteration the first iteration not yet run
 * @param epochsDone completed epochs
 * @param bestScore best validation score so far (NaN before the first validation)
 * @param bestEpoch the epoch that reached {@code bestScore} (0 = none)
 * @param epochsWithoutImprovement validations since the best one, for early stopping
 */
public record TrainingState(
    long nextIteration, int epochsDone, double bestScore, int bestEpoch, int epochsWithoutImprovement) {

  /** Checks the counters. */
  public TrainingState {
    if (nextIteration < 0 || epochsDone < 0 || bestEpoch < 0 || epochsWithoutImprovement < 0) {
      throw new IllegalArgumentException(
          "training state counters must be ≥ 0: nextIteration " + nextIteration + ", epochsDone " + epochsDone
              + ", bestEpoch " + bestEpoch + ", epochsWithoutImprovement " + epochsWithoutImprovement);
    }
  }

  /** The state before the first iteration. */
  public static TrainingState start() {
    return new TrainingState(0, 0, Double.NaN, 0, 0);
  }

  /**
   * The state after an epoch that ended at {@code nextIteration} and scored {@code score} (NaN = not validated).
   * A score counts as an improvement only if it beats the best by more than nothing (ties keep the earlier model).
   */
  public TrainingState afterEpoch(long nextIteration, double score) {
    int epoch = epochsDone + 1;
    if (Double.isNaN(score)) {
      return new TrainingState(nextIteration, epoch, bestScore, bestEpoch, epochsWithoutImprovement);
    }
    if (Double.isNaN(bestScore) || score > bestScore) {
      return new TrainingState(nextIteration, epoch, score, epoch, 0);
    }
    return new TrainingState(nextIteration, epoch, bestScore, bestEpoch, epochsWithoutImprovement + 1);
  }

  /** Whether the last epoch set a new best score. */
  public boolean improvedLastEpoch() {
    return bestEpoch == epochsDone && bestEpoch > 0;
  }
}
