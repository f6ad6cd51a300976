package org.unet4j.train;

/** Observes a training run: progress bars, logs, curves, validation, checkpoints, early stopping. */
public interface TrainingListener {

  /**
   * Called after every optimiser step.
   *
   * @param iteration 0-based iteration just finished
   * @param loss the batch loss before the step
   * @param learningRate the learning rate used for the step
   */
  default void onIteration(long iteration, double loss, double learningRate) {}

  /** Asked after each {@link #onIteration}: true ends the run early (e.g. early stopping). */
  default boolean stopRequested() {
    return false;
  }

  /** A listener that does nothing. */
  static TrainingListener none() {
    return new TrainingListener() {};
  }

  /** Calls every listener in order; stops when any of them asks to. */
  static TrainingListener all(TrainingListener... listeners) {
    return new TrainingListener() {
      @Override
      public void onIteration(long iteration, double loss, double learningRate) {
        for (TrainingListener listener : listeners) {
          listener.onIteration(iteration, loss, learningRate);
        }
      }

      @Override
      public boolean stopRequested() {
        for (TrainingListener listener : listeners) {
          if (listener.stopRequested()) {
            return true;
          }
        }
        return false;
      }
    };
  }
}
