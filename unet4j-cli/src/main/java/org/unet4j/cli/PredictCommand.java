package org.unet4j.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.tiling.MergeRule;
import org.unet4j.core.tiling.TestTimeAugmentation;
import org.unet4j.core.tiling.TilePlan;
import org.unet4j.infer.InferenceOptions;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.ImageFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unet predict}: segments images of any size with a trained model by overlap-tile inference.
 *
 * <p>Every input (file, folder of images, or each page of a stack) is processed on its own: an input that fails is
 * reported and the others go on. Exit code 0 if all succeeded; otherwise 2 if every failure was a bad input
 * (unreadable file, wrong channel count, image too large for an in-memory output), else 1.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Segment images with a trained U-Net, tile by tile (overlap-tile with mirrored borders), in bounded memory.",
      "Writes OUT/probabilities/NAME.tif (float, one page per class), OUT/labels/NAME.tif|png,",
      "OUT/instances/NAME.tif (--instances) and OUT/overlays/NAME.png. Images are normalised as for training",
      "(grey or the model's channels; percentiles 1–99.8 %% → [0, 1]). Pages of a stack become NAME_zNNN."
    })
final class PredictCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "model bundle folder, or a training run folder (RUN/model)")
  Path model;

  @Option(names = "--input", required = true, arity = "1..*", description = "image files or folders")
  List<Path> inputs;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(
      names = "--tile-size",
      description = "tile input edge in px, a valid size of the net (default: the largest that fits the memory budget)")
  Integer tileSizePx;

  @Option(names = "--batch-size", defaultValue = "1", description = "tiles per forward pass (default: 1)")
  int batchSize;

  @Option(names = "--tta", description = "average the 8 flips and 90° rotations of each tile (8× slower)")
  boolean tta;

  @Option(names = "--threshold", description = "labels = class-1 probability ≥ X (default: the most probable class)")
  Float threshold;

  @Option(names = "--instances", description = "also write instance labels (connected cells)")
  boolean instances;

  @Option(names = "--min-size-px", defaultValue = "10", description = "drop instances smaller than this (default: 10)")
  int minSizePx;

  @Option(names = "--label-format", defaultValue = "tif", description = "tif | png (default: tif; png needs the"
      + " whole image in memory)")
  String labelFormat;

  @Option(names = "--overlay", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "draw outlines over the image into OUT/overlays (default: on; skipped for huge images)")
  boolean overlay;

  @Option(names = "--device", defaultValue = "auto", description = "auto | cpu | gpu (default: auto)")
  String device;

  @Option(names = "--memory-budget-mb", description = "native memory per forward pass for the automatic tile size"
      + " (default: a quarter of the physical memory)")
  Long memoryBudgetMb;

  @Option(names = "--overlap-px", description = "SAME nets: minimum tile overlap in px (default: max(tile/4, twice"
      + " the receptive-field radius))")
  Integer overlapPx;

  @Option(names = "--blend", defaultValue = "gaussian", description = "SAME nets: gaussian | linear-ramp")
  String blend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    EngineSetup.configureOffline();
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter errors = spec.commandLine().getErr();
    PredictionOutputs outputs = new PredictionOutputs(out, threshold, instances, minSizePx, labelFormat, overlay,
        PredictionOutputs.inMemoryLimitForHeap());
    InferenceOptions options = inferenceOptions();
    Path bundleDir = BundleLocation.resolve(model);
    UNetConfig config = ModelBundle.readDescriptor(bundleDir).config();
    Device target = EngineSetup.device(device.toLowerCase(Locale.ROOT));
    PredictionInput.Listing listing = PredictionInput.expand(inputs);
    int badInputs = 0;
    int failures = 0;
    for (PredictionInput.Unreadable unreadable : listing.failures()) {
      errors.println("error: " + unreadable.path() + ": " + message(unreadable.cause()));
      badInputs++;
    }
    try (NDManager manager = NDManager.newBaseManager(target)) {
      Block block = ModelBundle.load(bundleDir, manager);
      Segmenter segmenter = new Segmenter(block, config, manager, options);
      ImagePrediction prediction = new ImagePrediction(segmenter, outputs);
      console.printf("model %s: %s, tile %d px, %s%n", bundleDir, describe(config), segmenter.tileSizePx(), target);
      Map<String, PredictionInput> names = new HashMap<>();
      List<PredictionInput> all = listing.inputs();
      for (int i = 0; i < all.size(); i++) {
        PredictionInput input = all.get(i);
        PredictionInput earlier = names.putIfAbsent(input.name(), input);
        if (earlier != null) {
          errors.println("error: " + input.describe() + ": its outputs would overwrite those of "
              + earlier.describe() + " (same name '" + input.name() + "'); predict them into different --out folders");
          badInputs++;
          continue;
        }
        long start = System.nanoTime();
        try (TileProgressBar progress = new TileProgressBar(i + 1, all.size(), input.name())) {
          ImagePrediction.Result result = prediction.run(input, progress);
          progress.close();
          TilePlan plan = result.plan();
          console.printf(Locale.ROOT, "[%d/%d] %s: %d×%d px, %d tile(s) of %d×%d px, %.1f s → %s%n", i + 1,
              all.size(), input.describe(), result.height(), result.width(), plan.size(), plan.tileInputHeightPx(),
              plan.tileInputWidthPx(), (System.nanoTime() - start) / 1e9, out);
          for (String note : result.notes()) {
            console.println("  note: " + note);
          }
        } catch (IOException | RuntimeException e) {
          errors.println("error: " + input.describe() + ": " + message(e));
          if (isBadInput(e)) {
            badInputs++;
          } else {
            failures++;
          }
          if (System.getenv("UNET_DEBUG") != null) {
            e.printStackTrace(errors);
          }
        }
      }
    }
    int failed = badInputs + failures;
    if (failed > 0) {
      errors.printf("%d of %d input(s) failed%n", failed, listing.inputs().size() + listing.failures().size());
    }
    return failed == 0 ? 0 : failures > 0 ? 1 : UNetCli.EXIT_BAD_INPUT;
  }

  private InferenceOptions inferenceOptions() {
    InferenceOptions options = InferenceOptions.defaults().withBatchSize(batchSize)
        .withTtaVariants(tta ? TestTimeAugmentation.MAX_VARIANTS : 1)
        .withBlend(switch (blend.toLowerCase(Locale.ROOT)) {
          case "gaussian" -> MergeRule.GAUSSIAN;
          case "linear-ramp", "linear" -> MergeRule.LINEAR_RAMP;
          default -> throw new IllegalArgumentException("--blend is '" + blend + "'; use gaussian or linear-ramp");
        });
    if (tileSizePx != null) {
      if (tileSizePx < 1) {
        throw new IllegalArgumentException("--tile-size is " + tileSizePx + "; use a valid input size of the net");
      }
      options = options.withTileSizePx(tileSizePx);
    }
    if (memoryBudgetMb != null) {
      if (memoryBudgetMb < 1) {
        throw new IllegalArgumentException("--memory-budget-mb is " + memoryBudgetMb + "; use at least 1");
      }
      options = options.withMemoryBudgetBytes(memoryBudgetMb << 20);
    }
    if (overlapPx != null) {
      options = options.withOverlapPx(overlapPx);
    }
    return options;
  }

  private static boolean isBadInput(Exception e) {
    return e instanceof ImageFormatException || e instanceof IllegalArgumentException
        || e instanceof java.nio.file.NoSuchFileException;
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String describe(UNetConfig c) {
    return String.format(Locale.ROOT, "%d→%d channels, depth %d, %d filters, %s, %s", c.inChannels(),
        c.numClasses(), c.depth(), c.baseFilters(), c.padding(), c.upsampling());
  }
}
