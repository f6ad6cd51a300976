package org.unet4j.train;

/**
 * How to train: iteration budget, batch size, optimiser and seed.
 *
 * @param iterations optimiser steps
 * @param batchSize tiles per step (paper: 1 large tile)
 * @param optimizer update rule and learning rate
 * @param seed seed for weight initialisation and dropout (data seeds live in the {@link PatchSource})
 */
public record TrainConfig(long iterations, int batchSize, OptimizerSpec optimizer, long seed) {

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
  }
}
