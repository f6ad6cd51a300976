package org.unet4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unet4j.core.augment.AugmentationSpec;
import org.unet4j.core.augment.IntensityJitter;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.infer.Segmenter;
import org.unet4j.loss.WeightedSoftmaxCrossEntropy;
import org.unet4j.model.UNetBuilder;
import org.unet4j.testing.DiscImages;
import org.unet4j.testing.TinyConfigs;

/** The training loop end to end on tiny nets: it learns, it resumes bit for bit, and it stops on divergence. */
class TrainingLoopTest {

  @Test
  void tinyNetOverfitsOneImage() throws Exception {
    UNetConfig config = TinyConfigs.same();
    TrainingSample sample = DiscImages.generate(64, 64, 6, 0.05, 1);
    PatchSampler sampler =
        new PatchSampler(List.of(sample), 64, 64, AugmentationSpec.none(), IntensityJitter.none());
    TrainConfig trainConfig = new TrainConfig(150, 1, OptimizerSpec.Adam.of(3e-3), 7);
    try (NDManager manager = NDManager.newBaseManager();
        PatchBatches batches = new PatchBatches(sampler, 7, 1, 1)) {
      Block block = initialisedBlock(config, manager, 1, 64, 7);
      new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), trainConfig)
          .run(batches, TrainingListener.none());
      double iou =
          ConfusionCounts.of(sample.mask(), new Segmenter(block, config, manager).predictLabels(sample.image()), 2)
              .iou(1);
      assertThat(iou).isGreaterThanOrEqualTo(0.95);
    }
  }

  static List<UNetConfig> resumableConfigs() {
    return List.of(TinyConfigs.validWithDropout(), TinyConfigs.sameWithBatchNorm());
  }

  /**
   * Everything that carries state across iterations is exercised: momentum buffers, the schedule, dropout masks,
   * batch-norm running statistics, augmentation and multi-threaded loading.
   */
  @ParameterizedTest
  @MethodSource("resumableConfigs")
  void resumedRunEndsBitwiseEqualToAnUninterruptedOne(UNetConfig config, @TempDir Path dir) throws Exception {
    int tile = config.geometry().inputSizeFor(24);
    int output = config.geometry().outputSize(tile);
    TrainingSample sample = DiscImages.generate(80, 80, 8, 0.05, 2);
    PatchSampler sampler =
        new PatchSampler(List.of(sample), tile, output, AugmentationSpec.defaults(), IntensityJitter.defaults());
    TrainConfig trainConfig =
        new TrainConfig(
            10, 2, new OptimizerSpec.Sgd(1e-2, 0.99, true, 1e-4), new LearningRateSchedule.Cosine(3, 0.1), 1.0, 5);

    Map<String, float[]> uninterrupted;
    try (NDManager manager = NDManager.newBaseManager();
        PatchBatches batches = new PatchBatches(sampler, 5, 2, 2)) {
      Block block = initialisedBlock(config, manager, 2, tile, 5);
      new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), trainConfig)
          .run(batches, TrainingListener.none());
      uninterrupted = snapshot(block);
    }

    Path checkpoint = dir.resolve("last");
    try (NDManager manager = NDManager.newBaseManager();
        PatchBatches batches = new PatchBatches(sampler, 5, 2, 2)) {
      Block block = initialisedBlock(config, manager, 2, tile, 5);
      TrainingLoop loop = new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), trainConfig);
      long done = loop.run(batches, stopAfter(4), 0);
      assertThat(done).isEqualTo(4);
      Checkpoint.save(
          checkpoint, config, block, loop.optimizer(), new TrainingState(done, 1, Double.NaN, 0, 0), Map.of());
    }
    Map<String, float[]> resumed;
    try (NDManager manager = NDManager.newBaseManager();
        PatchBatches batches = new PatchBatches(sampler, 5, 2, 1)) { // another thread count: same data
      Engine.getInstance().setRandomSeed(999); // whatever the engine RNG holds now must not matter
      Block block = Checkpoint.loadModel(checkpoint, manager);
      TrainingLoop loop = new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), trainConfig);
      Checkpoint.loadOptimizer(checkpoint, loop.optimizer());
      long next = Checkpoint.readState(checkpoint).nextIteration();
      assertThat(loop.run(batches, TrainingListener.none(), next)).isEqualTo(10);
      assertThat(loop.optimizer().stepCount()).isEqualTo(10);
      resumed = snapshot(block);
    }

    assertThat(resumed.keySet()).containsExactlyElementsOf(uninterrupted.keySet());
    for (String name : uninterrupted.keySet()) {
      assertThat(resumed.get(name)).as(name).containsExactly(uninterrupted.get(name));
    }
  }

  @Test
  void divergenceStopsWithAClearMessageAndLeavesTheLastGoodParameters() throws Exception {
    UNetConfig config = TinyConfigs.same();
    TrainingSample sample = DiscImages.generate(32, 32, 3, 0.05, 3);
    PatchSampler sampler =
        new PatchSampler(List.of(sample), 32, 32, AugmentationSpec.none(), IntensityJitter.none());
    TrainConfig trainConfig = new TrainConfig(50, 1, new OptimizerSpec.Sgd(1e6, 0.99, false, 0), 3);
    try (NDManager manager = NDManager.newBaseManager();
        PatchBatches batches = new PatchBatches(sampler, 3, 1, 1)) {
      Block block = initialisedBlock(config, manager, 1, 32, 3);
      TrainingLoop loop = new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), trainConfig);
      Map<String, float[]>[] lastGood = new Map[] {snapshot(block)};
      TrainingListener remember =
          new TrainingListener() {
            @Override
            public void onIteration(long iteration, double loss, double learningRate) {
              lastGood[0] = snapshot(block);
            }
          };
      assertThatThrownBy(() -> loop.run(batches, remember))
          .isInstanceOf(DivergenceException.class)
          .hasMessageContaining("training diverged at iteration")
          .hasMessageContaining("lower the learning rate");
      Map<String, float[]> now = snapshot(block);
      for (String name : now.keySet()) {
        assertThat(now.get(name)).as(name).containsExactly(lastGood[0].get(name));
      }
    }
  }

  private static Block initialisedBlock(UNetConfig config, NDManager manager, int batch, int tile, int seed) {
    Engine.getInstance().setRandomSeed(seed);
    Block block = UNetBuilder.build(config);
    block.initialize(manager, DataType.FLOAT32, new Shape(batch, config.inChannels(), tile, tile));
    return block;
  }

  /** Every parameter, running statistics included, by name. */
  static Map<String, float[]> snapshot(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      values.put(p.getKey(), p.getValue().getArray().toFloatArray());
    }
    return values;
  }

  private static TrainingListener stopAfter(long iterations) {
    return new TrainingListener() {
      private long seen;

      @Override
      public void onIteration(long iteration, double loss, double learningRate) {
        seen++;
      }

      @Override
      public boolean stopRequested() {
        return seen >= iterations;
      }
    };
  }
}
