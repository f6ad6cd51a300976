package org.unet4j.train;

/** Observes a training run: progress bars, logs, curves, validation, checkpoints. */
public interface TrainingListener {

  /**
   * Called after every optimiser step.
   *
   * @param iteration 0-based iteration just finished
   * @param loss the batch loss before the step
   * @param learningRate the learning rate used for the step
   */
  default void onIteration(long iteration, double loss, double learningRate) {}

  /** A listener that does nothing. */
  static TrainingListener none() {
    return new TrainingListener() {};
  }
}
