package org.unet4j.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unet4j.core.augment.AugmentationSpec;
import org.unet4j.core.augment.IntensityJitter;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.core.synthetic.CellImageSpec;
import org.unet4j.core.synthetic.SyntheticCells;
import org.unet4j.core.synthetic.SyntheticSample;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.PngImages;
import org.unet4j.io.figure.Outline;
import org.unet4j.io.figure.OverlayRenderer;
import org.unet4j.loss.WeightedSoftmaxCrossEntropy;
import org.unet4j.model.UNetBuilder;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.train.OptimizerSpec;
import org.unet4j.train.PatchBatches;
import org.unet4j.train.TrainConfig;
import org.unet4j.train.TrainingLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unet demo}: the whole job on built-in data. Generates synthetic cell images with instance labels, builds
 * the paper's weight maps (touching cells separated, border weights), trains a small padded U-Net on augmented
 * patches, segments the held-out images and scores them.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Train a small U-Net on built-in synthetic cell images and segment held-out ones.",
      "Writes predicted masks, overlays, a loss curve, metrics.json and the trained model bundle."
    })
final class DemoCommand implements Callable<Integer> {

  /** Synthetic images are small enough that the demo finishes in minutes on two CPU cores. */
  private static final int TRAIN_IMAGES = 24;
  private static final int TRAIN_SIZE_PX = 192;
  private static final int VALIDATION_IMAGES = 4;
  private static final int VALIDATION_SIZE_PX = 256;
  private static final int TILE_PX = 128;
  private static final int BATCH_SIZE = 4;

  @Option(names = "--out", defaultValue = "demo-out", description = "output folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "seed for data, weights and augmentation")
  long seed;

  @Option(names = "--iterations", defaultValue = "600", description = "training steps (default: ${DEFAULT-VALUE})")
  int iterations;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    long start = System.nanoTime();
    CellImageSpec trainSpec = CellImageSpec.defaults(TRAIN_SIZE_PX, TRAIN_SIZE_PX);
    CellImageSpec validationSpec = CellImageSpec.defaults(VALIDATION_SIZE_PX, VALIDATION_SIZE_PX);
    List<SyntheticSample> trainImages = SyntheticCells.generate(trainSpec, seed, TRAIN_IMAGES);
    List<SyntheticSample> validationImages = SyntheticCells.generate(validationSpec, seed + 1, VALIDATION_IMAGES);
    WeightMaps weightMaps = WeightMaps.paperDefaults();
    List<TrainingSample> training = new ArrayList<>();
    for (SyntheticSample sample : trainImages) {
      WeightedMask target = weightMaps.fromInstances(sample.instances());
      training.add(new TrainingSample(sample.image(), target.classMask(), target.weights()));
    }
    console.printf(
        "demo: %d training images %d×%d px, %d validation images %d×%d px (synthetic cells, seed %d)%n",
        TRAIN_IMAGES, TRAIN_SIZE_PX, TRAIN_SIZE_PX, VALIDATION_IMAGES, VALIDATION_SIZE_PX, VALIDATION_SIZE_PX, seed);

    UNetConfig config = new UNetConfig(1, 2, 3, 16, Padding.SAME, Norm.BATCH, Upsampling.UPCONV, 0.0);
    AugmentationSpec augmentation = AugmentationSpec.defaults();
    PatchSampler sampler =
        new PatchSampler(training, TILE_PX, TILE_PX, augmentation, IntensityJitter.defaults());
    TrainConfig trainConfig = new TrainConfig(iterations, BATCH_SIZE, OptimizerSpec.Adam.of(1e-3), seed);
    console.printf(
        "demo: U-Net depth %d, base %d filters, %s + %s; %d iterations of %d tiles %d×%d px, Adam lr 1e-3%n",
        config.depth(), config.baseFilters(), config.padding(), config.norm(), iterations, BATCH_SIZE, TILE_PX,
        TILE_PX);

    Engine.getInstance().setRandomSeed((int) seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = UNetBuilder.build(config);
      block.initialize(manager, DataType.FLOAT32, new Shape(BATCH_SIZE, 1, TILE_PX, TILE_PX));
      Segmenter segmenter = new Segmenter(block, config, manager);
      TrainingProgress progress =
          new TrainingProgress(
              "train", iterations, iterations / 6, it -> validationIou(segmenter, validationImages, weightMaps));
      TrainingLoop loop = new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(), trainConfig);
      try (PatchBatches batches = new PatchBatches(sampler, seed, BATCH_SIZE, 2); progress) {
        loop.run(batches, progress);
      }
      long trainedNanos = System.nanoTime() - start;

      ConfusionCounts pooled = new ConfusionCounts(2);
      for (int i = 0; i < validationImages.size(); i++) {
        SyntheticSample sample = validationImages.get(i);
        LabelImage truth = weightMaps.fromInstances(sample.instances()).classMask();
        LabelImage predicted = segmenter.predictLabels(sample.image());
        pooled.merge(ConfusionCounts.of(truth, predicted, 2));
        String name = String.format("val-%02d.png", i);
        PngImages.write(out.resolve("masks").resolve(name), OverlayRenderer.mask(predicted));
        PngImages.write(
            out.resolve("overlays").resolve(name),
            OverlayRenderer.render(
                sample.image(), List.of(new Outline(truth, 0xE040E0), new Outline(predicted, 0x20E020))));
      }
      PngImages.write(out.resolve("loss-curve.png"), progress.curve());
      ModelBundle.save(out.resolve("model"), config, block, Map.of("source", "unet demo", "seed", seed));

      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("iou", pooled.iou(1));
      metrics.put("dice", pooled.dice(1));
      metrics.put("pixel_error", pooled.pixelError());
      metrics.put("validation_images", validationImages.size());
      metrics.put("iterations", iterations);
      metrics.put("final_loss", progress.lastLoss());
      metrics.put("train_seconds", trainedNanos / 1e9);
      metrics.put("total_seconds", seconds);
      metrics.put("seed", seed);
      metrics.put("config", config);
      JsonFiles.write(out.resolve("metrics.json"), metrics);
      console.printf(
          "demo: validation IoU %.4f, Dice %.4f (foreground, pooled over %d images) in %.0f s%n", pooled.iou(1),
          pooled.dice(1), validationImages.size(), seconds);
      console.printf("demo: wrote %s (masks/, overlays/, loss-curve.png, metrics.json, model/)%n", out);
    }
    return 0;
  }

  /** Foreground IoU over the validation images, through the same inference path as the final evaluation. */
  private static double validationIou(
      Segmenter segmenter, List<SyntheticSample> validationImages, WeightMaps weightMaps) {
    ConfusionCounts pooled = new ConfusionCounts(2);
    for (SyntheticSample sample : validationImages) {
      LabelImage truth = weightMaps.fromInstances(sample.instances()).classMask();
      pooled.merge(ConfusionCounts.of(truth, segmenter.predictLabels(sample.image()), 2));
    }
    return pooled.iou(1);
  }
}
