import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unet4j.core.augment.AugmentationSpec;
import org.unet4j.core.augment.IntensityJitter;
import org.unet4j.core.augment.PatchQueue;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.TrainingPatch;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.io.Normalization;
import org.unet4j.loss.WeightedSoftmaxCrossEntropy;
import org.unet4j.model.UNetBuilder;
import org.unet4j.train.OptimizerSpec;
import org.unet4j.train.PatchBatches;
import org.unet4j.train.TrainConfig;
import org.unet4j.train.TrainingBatch;
import org.unet4j.train.TrainingListener;
import org.unet4j.train.TrainingLoop;

/**
 * Does the data pipeline keep up with training? Patches/s of {@link PatchQueue} (background loader threads) against
 * optimiser steps/s of a small padded U-Net on the CPU, and a run that trains from the queue (a timing harness run by
 * {@code bench/data/run.sh}, not a test).
 *
 * <p>Data: 4 synthetic 512×512 images of 60 touching cells (DataBench's tile), weights with separation (paper
 * defaults), patches of the training tile with the default augmentation (flips, quarter turns, elastic 3×3 σ = 10,
 * grey-value jitter). Net: depth 4, base 16 filters, SAME padding, batch norm, up-conv; batch 2 tiles of 256 px.
 *
 * <p>Usage: {@code java -cp … PipelineBench [tilePx] [batch] [steps]}; prints JSON lines.
 */
public final class PipelineBench {

  public static void main(String[] args) throws Exception {
    int tilePx = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    List<TrainingSample> samples = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      LabelImage cells = DataBench.touchingCells(512, 512, 6, 10, 0.63 * 512 / 10, 42 + k);
      FloatImage image = Normalization.percentile().apply(DataBench.microscopyImage(cells, 7 + k));
      WeightedMask target = WeightMaps.paperDefaults().fromInstances(cells);
      samples.add(new TrainingSample(image, target.classMask(), target.weights()));
    }
    PatchSampler sampler =
        new PatchSampler(samples, tilePx, tilePx, AugmentationSpec.defaults(), IntensityJitter.defaults());

    // 1. the loader alone: patches/s drawn through the queue with 1 and 2 worker threads
    for (int workers : new int[] {1, 2}) {
      int patches = 300;
      try (PatchQueue queue = PatchQueue.of(sampler, 11, workers, 8)) {
        for (int i = 0; i < 50; i++) {
          queue.take(); // warm-up
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < patches; i++) {
          queue.take();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "{\"case\": \"queue\", \"workers\": %d, \"tile_px\": %d, "
            + "\"patches_per_s\": %.1f}%n", workers, tilePx, patches / seconds);
      }
    }

    UNetConfig model = new UNetConfig(1, 2, 4, 16, Padding.SAME, Norm.BATCH, Upsampling.UPCONV, 0);
    TrainConfig config = new TrainConfig(1_000_000, batch, OptimizerSpec.Adam.of(1e-3), 1);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      Block block = UNetBuilder.build(model);
      block.initialize(manager, DataType.FLOAT32, new Shape(batch, 1, tilePx, tilePx));
      TrainingLoop loop = new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), config);

      // 2. training alone: steps/s on one pre-built batch
      List<TrainingPatch> fixed = new ArrayList<>();
      for (int b = 0; b < batch; b++) {
        fixed.add(sampler.sample(3, b));
      }
      TrainingBatch prepared = PatchBatches.toBatch(fixed);
      for (int i = 0; i < 3; i++) {
        loop.step(prepared, i, 1e-3);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        loop.step(prepared, i, 1e-3);
      }
      double stepsPerSecond = steps / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "{\"case\": \"train-fixed-batch\", \"tile_px\": %d, \"batch\": %d, "
          + "\"steps_per_s\": %.3f, \"patches_needed_per_s\": %.1f}%n", tilePx, batch, stepsPerSecond,
          stepsPerSecond * batch);

      // 3. training from the queue (1 loader thread), as the train command does
      try (PatchBatches batches = new PatchBatches(sampler, 5, batch, 1)) {
        TrainingLoop fromQueue = new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(),
            new TrainConfig(steps + 3, batch, OptimizerSpec.Adam.of(1e-3), 1));
        long[] started = {0};
        TrainingListener clock = new TrainingListener() {
          @Override
          public void onIteration(long iteration, double loss, double learningRate) {
            if (iteration == 2) {
              started[0] = System.nanoTime();
            }
          }
        };
        fromQueue.run(batches, clock);
        double queued = steps / ((System.nanoTime() - started[0]) / 1e9);
        System.out.printf(Locale.ROOT, "{\"case\": \"train-from-queue\", \"tile_px\": %d, \"batch\": %d, "
            + "\"loader_threads\": 1, \"steps_per_s\": %.3f}%n", tilePx, batch, queued);
      }
    }
  }
}
