package org.unet4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.unet4j.loss.SegmentationLoss;

/**
 * Our training loop: batch → forward → loss → backward → (clip) → optimiser step, one scoped NDManager per
 * iteration so native memory stays flat.
 *
 * <p>Every step is a function of (parameters, optimiser state, iteration): the batch comes from the
 * {@link PatchSource} by index and the engine's random generator (dropout) is re-seeded from (seed, iteration). So a
 * run resumed from a checkpoint at iteration {@code k} continues bit for bit like an uninterrupted one (same thread
 * count, CPU).
 *
 * <p>It must run on one thread for its whole life (DJL allows a single gradient collector per process and grad
 * mode is per thread). The block must already be initialised in {@code modelManager}.
 */
public final class TrainingLoop {

  private final Block block;
  private final NDManager modelManager;
  private final SegmentationLoss loss;
  private final TrainConfig config;
  private final ParameterOptimizer optimizer;

  /**
   * Prepares a run.
   *
   * @param block an initialised U-Net block
   * @param modelManager the manager holding the block's parameters; optimiser state is kept here too
   * @param loss the loss to minimise
   * @param config iterations, batch size, optimiser, schedule
   */
  public TrainingLoop(Block block, NDManager modelManager, SegmentationLoss loss, TrainConfig config) {
    this.block = block;
    this.modelManager = modelManager;
    this.loss = loss;
    this.config = config;
    // Parameters loaded from a bundle (resume, fine-tuning) come without gradient buffers.
    for (var parameter : block.getParameters().values()) {
      if (parameter.requiresGradient() && !parameter.getArray().hasGradient()) {
        parameter.getArray().setRequiresGradient(true);
      }
    }
    this.optimizer = new ParameterOptimizer(config.optimizer(), block.getParameters(), modelManager);
  }

  /** The optimiser, for saving and restoring its state. */
  public ParameterOptimizer optimizer() {
    return optimizer;
  }

  /**
   * Runs all iterations from the start.
   *
   * @return the number of iterations completed
   */
  public long run(PatchSource source, TrainingListener listener) throws InterruptedException {
    return run(source, listener, 0);
  }

  /**
   * Runs iterations {@code firstIteration … iterations − 1}, or until a listener asks to stop.
   *
   * @return the number of iterations completed (counted from 0)
   * @throws DivergenceException if the loss becomes NaN or infinite; the parameters are then left as they were
   *     before that step
   */
  public long run(PatchSource source, TrainingListener listener, long firstIteration) throws InterruptedException {
    long iteration = firstIteration;
    while (iteration < config.iterations()) {
      double learningRate = config.learningRate(iteration);
      double lossValue = step(source.batch(iteration), iteration, learningRate);
      if (!Double.isFinite(lossValue)) {
        throw new DivergenceException(iteration, lossValue);
      }
      listener.onIteration(iteration, lossValue, learningRate);
      iteration++;
      if (listener.stopRequested()) {
        break;
      }
    }
    return iteration;
  }

  /**
   * One forward/backward/update on a batch.
   *
   * @return the batch loss before the update; if it is not finite, no update is made
   */
  public double step(TrainingBatch batch, long iteration, double learningRate) {
    Engine.getInstance().setRandomSeed(dropoutSeed(config.seed(), iteration));
    double lossValue;
    try (NDManager iterationManager = modelManager.newSubManager()) {
      // The arrays wrap direct buffers holding a copy of the batch; the iteration manager keeps them reachable
      // until backward and the update are done, so no further copy (duplicate()) is needed.
      NDArray images =
          iterationManager.create(
              batch.images(),
              new Shape(batch.batchSize(), batch.channels(), batch.inputHeight(), batch.inputWidth()));
      Shape labelShape = new Shape(batch.batchSize(), 1, batch.outputHeight(), batch.outputWidth());
      NDArray labels = iterationManager.create(batch.labels(), labelShape);
      NDArray weights = iterationManager.create(batch.weights(), labelShape);
      ParameterStore parameterStore = new ParameterStore(iterationManager, false);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logits = block.forward(parameterStore, new NDList(images), true).singletonOrThrow();
        NDArray value = loss.compute(logits, labels, weights);
        collector.backward(value);
        lossValue = value.getFloat();
      }
      if (Double.isFinite(lossValue)) {
        if (config.gradientClipNorm() > 0) {
          GradientClipping.clipByGlobalNorm(block.getParameters(), config.gradientClipNorm());
        }
        optimizer.step(learningRate);
      }
    }
    return lossValue;
  }

  /** A well-mixed 31-bit seed per (run seed, iteration). */
  static int dropoutSeed(long seed, long iteration) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (iteration + 1))).nextInt() & 0x7FFFFFFF;
  }
}
