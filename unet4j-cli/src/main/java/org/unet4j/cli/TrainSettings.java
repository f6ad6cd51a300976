package org.unet4j.cli;

import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.loss.LossKind;
import org.unet4j.train.LearningRateSchedule;
import org.unet4j.train.OptimizerSpec;
import org.unet4j.train.TrainConfig;

/**
 * Everything that decides how a model is trained (not which files it sees): written to a run folder's
 * {@code config.json} and read back by {@code --config} and {@code --resume}.
 *
 * @param model the architecture
 * @param loss {@code weighted-ce}, {@code dice}, {@code ce-dice} or {@code bce}
 * @param tilePx input tile edge (valid for the model; the label tile is the model's output size)
 * @param batchSize tiles per step
 * @param epochs passes; an epoch is {@code iterationsPerEpoch} steps
 * @param iterationsPerEpoch steps per epoch; validation, checkpoint and curves follow epochs
 * @param optimizer update rule and base learning rate
 * @param schedule learning rate over the run
 * @param gradientClipNorm global gradient-norm clip (0 = off)
 * @param augment comma-separated augmentations (see {@link AugmentChoice})
 * @param w0 border weight of the paper's eq. 2
 * @param sigmaPx border width σ of eq. 2
 * @param patience stop after this many validations without improvement (0 = never stop early)
 * @param seed seed of weights, data order, augmentation and dropout
 * @param loaderThreads background threads preparing patches
 */
record TrainSettings(
    UNetConfig model,
    String loss,
    int tilePx,
    int batchSize,
    int epochs,
    int iterationsPerEpoch,
    OptimizerSpec optimizer,
    LearningRateSchedule schedule,
    double gradientClipNorm,
    String augment,
    double w0,
    double sigmaPx,
    int patience,
    long seed,
    int loaderThreads) {

  /** Checks what the model cannot check later, with messages naming the option to fix. */
  TrainSettings {
    LossKind.parse(loss);
    AugmentChoice.parse(augment);
    model.geometry().requireValidInput(tilePx);
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs is " + epochs + "; train for at least 1 epoch");
    }
    if (iterationsPerEpoch < 1) {
      throw new IllegalArgumentException("--iterations-per-epoch is " + iterationsPerEpoch + "; use at least 1");
    }
    if (patience < 0) {
      throw new IllegalArgumentException("--patience is " + patience + "; use 0 (off) or a positive count");
    }
    if (loaderThreads < 1) {
      throw new IllegalArgumentException("--loader-threads is " + loaderThreads + "; use at least 1");
    }
    if (LossKind.parse(loss) == LossKind.BCE && model.numClasses() != 1) {
      throw new IllegalArgumentException(
          "--loss bce needs a single-channel net: add --classes 1 (this net has " + model.numClasses() + ")");
    }
  }

  /** A copy with another epoch size. */
  TrainSettings withIterationsPerEpoch(int iterations) {
    return new TrainSettings(
        model, loss, tilePx, batchSize, epochs, iterations, optimizer, schedule, gradientClipNorm, augment, w0,
        sigmaPx, patience, seed, loaderThreads);
  }

  /** The learning loop's part of these settings. */
  TrainConfig trainConfig() {
    return new TrainConfig(
        (long) epochs * iterationsPerEpoch, batchSize, optimizer, schedule, gradientClipNorm, seed);
  }

  /** The label tile edge: the model's output for {@link #tilePx}. */
  int outputPx() {
    return model.geometry().outputSize(tilePx);
  }

  /** Total optimiser steps. */
  long iterations() {
    return (long) epochs * iterationsPerEpoch;
  }

  /**
   * The default input tile: the paper's 572 px (rounded to a valid size for other depths) for VALID nets, 256 px for
   * SAME nets.
   */
  static int defaultTilePx(UNetConfig model) {
    return model.padding() == Padding.VALID
        ? model.geometry().nextValidInput(572)
        : model.geometry().nextValidInput(256);
  }

  /**
   * The default optimiser: Adam (lr 1e-3 with BatchNorm, 1e-4 without, where the deep un-normalised net is less
   * stable; see docs/RESULTS.md), or SGD with the paper's momentum 0.99.
   */
  static OptimizerSpec defaultOptimizer(String name, UNetConfig model, Double lr, Double momentum,
      boolean nesterov, double weightDecay) {
    boolean normalised = model.norm() != org.unet4j.core.model.Norm.NONE;
    return switch (name) {
      case "adam" -> new OptimizerSpec.Adam(
          lr != null ? lr : normalised ? 1e-3 : 1e-4, 0.9, 0.999, 1e-8, weightDecay, false);
      case "adamw" -> new OptimizerSpec.Adam(
          lr != null ? lr : normalised ? 1e-3 : 1e-4, 0.9, 0.999, 1e-8, weightDecay > 0 ? weightDecay : 1e-2, true);
      case "sgd" -> new OptimizerSpec.Sgd(
          lr != null ? lr : 1e-3, momentum != null ? momentum : 0.99, nesterov, weightDecay);
      default -> throw new IllegalArgumentException("--optimizer is '" + name + "'; use sgd, adam or adamw");
    };
  }
}
