package org.unet4j.train;

/**
 * How to train: iteration budget, batch size, optimiser, schedule, clipping and seed. Plain data (JSON in a run
 * folder's {@code config.json}).
 *
 * @param iterations optimiser steps
 * @param batchSize tiles per step (paper: 1 large tile)
 * @param optimizer update rule and base learning rate
 * @param schedule learning rate over the iterations
 * @param gradientClipNorm clip the global gradient L2 norm to this value (0 = no clipping)
 * @param seed seed for weight initialisation and dropout; dropout is re-seeded from (seed, iteration) every step
 *     so that a resumed run draws the same masks
 */
public record TrainConfig(
    long iterations,
    int batchSize,
    OptimizerSpec optimizer,
    LearningRateSchedule schedule,
    double gradientClipNorm,
    long seed) {

  /** Checks the ranges. */
  public TrainConfig {
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations is " + iterations + "; train for at least 1 iteration");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size is " + batchSize + "; use at least 1 tile per step");
    }
    if (optimizer == null) {
      throw new IllegalArgumentException("an optimizer is required, e.g. OptimizerSpec.Adam.of(1e-3)");
    }
    if (schedule == null) {
      schedule = new LearningRateSchedule.Constant();
    }
    if (!(gradientClipNorm >= 0)) {
      throw new IllegalArgumentException("gradient clip norm is " + gradientClipNorm + "; use 0 (off) or a positive norm");
    }
  }

  /** Constant learning rate, no clipping. */
  public TrainConfig(long iterations, int batchSize, OptimizerSpec optimizer, long seed) {
    this(iterations, batchSize, optimizer, new LearningRateSchedule.Constant(), 0, seed);
  }

  /** The learning rate of iteration {@code t}. */
  public double learningRate(long t) {
    return schedule.rate(optimizer.learningRate(), t, iterations);
  }
}
