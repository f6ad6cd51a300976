package org.unet4j.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.core.synthetic.SyntheticCells;
import org.unet4j.core.synthetic.SyntheticCellsSpec;
import org.unet4j.core.synthetic.SyntheticImage;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.PngImages;
import org.unet4j.io.figure.Outline;
import org.unet4j.io.figure.OverlayRenderer;
import org.unet4j.train.LearningRateSchedule;
import org.unet4j.train.OptimizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unet demo}: the whole job on built-in data, offline. Generates synthetic cell images with instance labels,
 * builds the paper's targets (touching cells separated by a background border, border-weighted loss), trains a
 * small padded U-Net through the same run machinery as {@code unet train}, segments held-out images and scores
 * them.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a small U-Net on built-in synthetic cell images and segment held-out ones (1–2 minutes on 2 cores).",
      "Writes masks/, overlays/, loss-curve.png, metrics.json and the run folder (model bundle, metrics.csv, log)."
    })
final class DemoCommand implements Callable<Integer> {

  /** Marks a folder as the demo's own, so a second demo may replace it but no other folder is ever emptied. */
  static final String MARKER = ".unet-demo";

  private static final int TRAIN_IMAGES = 12;
  private static final int VALIDATION_IMAGES = 4;
  private static final int IMAGE_PX = 192;
  private static final int TILE_PX = 128;
  private static final int BATCH_SIZE = 4;

  @Option(names = "--out", defaultValue = "demo-out", description = "output folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "seed of data, weights, augmentation (default: 42)")
  long seed;

  @Option(
      names = "--epochs",
      defaultValue = "4",
      description = "training epochs of 25 steps (default: ${DEFAULT-VALUE})")
  int epochs;

  /** For tests: shorter epochs. */
  @Option(names = "--iterations-per-epoch", defaultValue = "25", hidden = true)
  int iterationsPerEpoch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    EngineSetup.configureOffline();
    PrintWriter console = spec.commandLine().getOut();
    prepareOutputFolder();
    long start = System.nanoTime();

    SyntheticCellsSpec cells = SyntheticCellsSpec.defaults(IMAGE_PX, IMAGE_PX);
    List<SyntheticImage> images = SyntheticCells.dataset(cells, seed, TRAIN_IMAGES + VALIDATION_IMAGES);
    WeightMaps weightMaps = WeightMaps.paperDefaults();
    List<TrainingSample> training = new ArrayList<>();
    List<ValidationImage> validation = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      SyntheticImage image = images.get(i);
      WeightedMask target = weightMaps.fromInstances(image.instances());
      if (i < TRAIN_IMAGES) {
        training.add(new TrainingSample(image.image(), target.classMask(), target.weights()));
      } else {
        validation.add(new ValidationImage(String.format("val-%02d", i - TRAIN_IMAGES), image.image(),
            target.classMask()));
      }
    }
    console.printf(
        "demo: %d training and %d validation images of %d×%d px (synthetic cells, seed %d)%n", TRAIN_IMAGES,
        VALIDATION_IMAGES, IMAGE_PX, IMAGE_PX, seed);
    console.flush();

    TrainSettings settings = settings();
    Path runDir = out.resolve("run");
    TrainingOutcome outcome =
        new TrainingRun(settings, training, validation, runDir, Map.of("source", "unet demo", "seed", seed), console)
            .run(false);

    ConfusionCounts pooled = new ConfusionCounts(2);
    try (NDManager manager = NDManager.newBaseManager()) {
      Path model = runDir.resolve("model");
      Block block = ModelBundle.load(model, manager);
      Segmenter segmenter = new Segmenter(block, ModelBundle.readDescriptor(model).config(), manager);
      for (ValidationImage image : validation) {
        LabelImage predicted = segmenter.predictLabels(image.image());
        pooled.add(image.truth(), predicted);
        String file = image.name() + ".png";
        PngImages.write(out.resolve("masks").resolve(file), OverlayRenderer.mask(predicted));
        PngImages.write(
            out.resolve("overlays").resolve(file),
            OverlayRenderer.render(
                image.image(),
                List.of(new Outline(image.truth(), TRUE_OUTLINE_RGB), new Outline(predicted, PREDICTED_OUTLINE_RGB))));
      }
    }
    Files.copy(runDir.resolve("curves.png"), out.resolve("loss-curve.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("iou", TrainingRun.foregroundIou(pooled));
    metrics.put("dice", TrainingRun.foregroundDice(pooled));
    metrics.put("pixel_error", pooled.pixelError());
    metrics.put("validation_images", VALIDATION_IMAGES);
    metrics.put("training_images", TRAIN_IMAGES);
    metrics.put("best_epoch", outcome.state().bestEpoch());
    metrics.put("epochs", outcome.state().epochsDone());
    metrics.put("iterations", outcome.state().nextIteration());
    metrics.put("seconds", seconds);
    metrics.put("seed", seed);
    metrics.put("settings", settings);
    JsonFiles.write(out.resolve("metrics.json"), metrics);
    console.printf(
        "demo: validation IoU %.4f, Dice %.4f (foreground, pooled over %d images), %.0f s in all%n",
        TrainingRun.foregroundIou(pooled), TrainingRun.foregroundDice(pooled), VALIDATION_IMAGES, seconds);
    console.printf("demo: wrote %s: masks/, overlays/ (magenta = truth, green = prediction), loss-curve.png,"
        + " metrics.json, run/ (model bundle for unet predict)%n", out);
    return 0;
  }

  /** Outline colours of the overlays: truth magenta, prediction green. */
  private static final int TRUE_OUTLINE_RGB = 0xE040E0;

  private static final int PREDICTED_OUTLINE_RGB = 0x20E020;

  /** A small padded net that learns the synthetic cells in about two minutes on two CPU cores. */
  TrainSettings settings() {
    if (epochs < 1 || iterationsPerEpoch < 1) {
      throw new IllegalArgumentException("--epochs is " + epochs + "; use at least 1");
    }
    UNetConfig model = new UNetConfig(1, 2, 3, 16, Padding.SAME, Norm.BATCH, Upsampling.UPCONV, 0.0);
    return new TrainSettings(
        model, "weighted-ce", TILE_PX, BATCH_SIZE, epochs, iterationsPerEpoch, OptimizerSpec.Adam.of(1e-3),
        new LearningRateSchedule.Cosine(0, 0.05), 0, "elastic,flip,rot90,intensity", 10, 5, 0, seed, 2);
  }

  /** Creates the output folder, or empties one a previous demo wrote; refuses any other non-empty folder. */
  private void prepareOutputFolder() throws IOException {
    if (Files.isDirectory(out)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(out)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(out.resolve(MARKER))) {
        throw new IllegalArgumentException(
            "--out " + out + " is a non-empty folder that a demo did not write; choose another --out (the demo"
                + " replaces only its own output)");
      }
      if (!empty) {
        deleteRecursively(out);
      }
    } else if (Files.exists(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file; name a folder");
    }
    Files.createDirectories(out);
    Files.createFile(out.resolve(MARKER));
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
