package org.unet4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.unet4j.loss.SegmentationLoss;

/**
 * Our training loop: batch → forward → loss → backward → optimiser step, one scoped NDManager per iteration so
 * native memory stays flat.
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
   * @param config iterations, batch size, optimiser
   */
  public TrainingLoop(Block block, NDManager modelManager, SegmentationLoss loss, TrainConfig config) {
    this.block = block;
    this.modelManager = modelManager;
    this.loss = loss;
    this.config = config;
    this.optimizer = new ParameterOptimizer(config.optimizer(), block.getParameters(), modelManager);
  }

  /**
   * Runs all iterations.
   *
   * @return the loss of the last iteration
   * @throws DivergenceException if the loss becomes NaN or infinite (the parameters are then unusable)
   */
  public double run(PatchSource source, TrainingListener listener) throws InterruptedException {
    double lastLoss = Double.NaN;
    for (long iteration = 0; iteration < config.iterations(); iteration++) {
      lastLoss = step(source.batch(iteration));
      if (!Double.isFinite(lastLoss)) {
        throw new DivergenceException(iteration, lastLoss);
      }
      listener.onIteration(iteration, lastLoss, config.optimizer().learningRate());
    }
    return lastLoss;
  }

  /** One forward/backward/update on a batch; returns the batch loss before the update. */
  public double step(TrainingBatch batch) {
    double lossValue;
    try (NDManager iterationManager = modelManager.newSubManager()) {
      // Java-backed arrays: they must stay alive until backward is done, so they live in the iteration manager.
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
        optimizer.step(config.optimizer().learningRate());
      }
    }
    return lossValue;
  }
}
