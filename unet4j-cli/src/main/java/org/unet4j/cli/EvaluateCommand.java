package org.unet4j.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.metrics.IsbiProtocol;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.AtomicFiles;
import org.unet4j.io.ChannelSelection;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.Normalization;
import org.unet4j.io.PngImages;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;
import org.unet4j.io.dataset.LoadedSample;
import org.unet4j.io.dataset.MaskMode;
import org.unet4j.io.dataset.SampleLoader;
import org.unet4j.io.dataset.SamplePair;
import org.unet4j.io.figure.ComparisonFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unet evaluate}: scores predictions against ground truth (or predicts with a model bundle and scores in one
 * go) and writes {@code metrics.csv} (one row per image), {@code summary.json} (pooled and mean-over-images scores)
 * and, per image, {@code figures/NAME.png} (image | truth | prediction | error map).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score segmentations against ground truth: pixel (IoU, Dice, pixel error), isbi (ISBI 2012 V_rand, V_info,"
          + " Rand, pixel and warping error at their best thresholds) and instance (CTC SEG, AP@0.50:0.95,"
          + " precision, recall, F1, panoptic quality) metrics.",
      "  unet evaluate --pred PRED_DIR --truth TRUTH_DIR --out OUT_DIR",
      "  unet evaluate --model MODEL_DIR --data DATASET_DIR --out OUT_DIR",
      "Float TIFF predictions are probabilities in [0, 1] (1 channel = foreground; several pages/channels = one per"
          + " class), integer images are labels. Writes OUT/metrics.csv, OUT/summary.json, OUT/figures/*.png."
    })
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--pred", description = "folder of predictions (probability TIFFs or label images)")
  Path predictionDir;

  @Option(names = "--truth", description = "ground truth: a folder of masks, or a dataset folder (see --layout)")
  Path truthDir;

  @Option(names = "--model", description = "model bundle folder: predict the --data images, then score them")
  Path modelDir;

  @Option(names = "--data", description = "dataset folder (images + masks) for --model")
  Path dataDir;

  @Option(
      names = "--layout",
      defaultValue = "auto",
      description = "truth layout: auto | flat | paired | ctc | isbi (default: auto; flat = a folder of masks)")
  String layout;

  @Option(
      names = "--metrics",
      defaultValue = "auto",
      description = "comma list of pixel, isbi, instance, or all (default auto: pixel, + instance for instance"
          + " truth, + isbi for the isbi layout)")
  String metrics;

  @Option(
      names = "--mask-mode",
      defaultValue = "auto",
      description = "how truth values are read: auto | binary | classes | instances (default: auto)")
  String maskMode;

  @Option(names = "--invert-mask", description = "swap truth foreground/background (binary masks with 0 = object)")
  Boolean invertMask;

  @Option(
      names = "--pred-mode",
      defaultValue = "auto",
      description = "how integer predictions are read: auto | binary | classes | instances (default: auto)")
  String predictionMode;

  @Option(names = "--classes", description = "number of classes for pixel metrics (default: from the data or model)")
  Integer classes;

  @Option(names = "--no-warping", description = "skip the ISBI warping error (the slowest ISBI score)")
  boolean noWarping;

  @Option(names = "--no-figures", description = "do not write the per-image comparison figures")
  boolean noFigures;

  @Option(names = "--save-predictions", description = "with --model: also write OUT/predictions/*.tif (float)")
  boolean savePredictions;

  @Option(names = "--device", defaultValue = "auto", description = "with --model: auto | cpu | gpu (default: auto)")
  String device;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    boolean fromFiles = predictionDir != null || truthDir != null;
    boolean fromModel = modelDir != null || dataDir != null;
    if (fromFiles == fromModel) {
      throw new IllegalArgumentException(
          "give either --pred DIR --truth DIR (score saved predictions) or --model BUNDLE --data DIR (predict and"
              + " score), not " + (fromFiles ? "both" : "neither"));
    }
    MetricGroup.parse(metrics, false, false); // fail on a misspelt --metrics before loading any image
    Loaded loaded = fromFiles ? loadFiles() : loadWithModel();
    List<EvaluationImage> images = loaded.images();
    boolean instanceTruth = images.stream().anyMatch(EvaluationImage::truthIsInstances);
    Set<MetricGroup> groups = MetricGroup.parse(metrics, instanceTruth, loaded.layout().equals("isbi"));
    int numClasses = classes != null ? checkedClasses(classes) : loaded.numClasses() > 0 ? loaded.numClasses()
        : Math.max(2, images.stream().mapToInt(i -> Math.max(i.truthClasses().maxLabel(),
            i.predictedClasses().maxLabel())).max().orElse(1) + 1);
    IsbiProtocol protocol = isbiProtocol(images, groups);
    if (noWarping) {
      protocol = protocol.withoutWarping();
    }
    EvaluationSummary summary = new EvaluationSummary(groups, numClasses, protocol);
    List<String> rows = new ArrayList<>();
    rows.add(ImageScores.header(groups));
    for (EvaluationImage image : images) {
      ImageScores scores = ImageScores.of(image, groups, numClasses, protocol);
      summary.add(scores);
      rows.add(scores.row());
      if (!noFigures) {
        boolean instances = image.truthIsInstances();
        PngImages.write(
            out.resolve("figures").resolve(fileStem(image.name()) + ".png"),
            ComparisonFigure.render(
                image.image(), instances ? image.truthInstances() : image.truthClasses(),
                instances ? image.predictedInstances() : image.predictedClasses(), instances));
      }
    }
    Path csv = out.resolve("metrics.csv");
    AtomicFiles.write(csv, temporary -> Files.write(temporary, rows, StandardCharsets.UTF_8));
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("truth", String.valueOf(fromFiles ? truthDir : dataDir));
    inputs.put(fromFiles ? "predictions" : "model", String.valueOf(fromFiles ? predictionDir : modelDir));
    inputs.put("layout", loaded.layout());
    JsonFiles.write(out.resolve("summary.json"), summary.toJson(inputs, loaded.warnings()));
    for (String warning : loaded.warnings()) {
      console.println("warning: " + warning);
    }
    console.printf(
        "evaluate: %d image(s), %s layout, %d classes, metrics %s%n", images.size(), loaded.layout(), numClasses,
        groups.stream().map(MetricGroup::cliName).toList());
    summary.print(console);
    console.printf(
        "wrote %s, %s%s%n", csv, out.resolve("summary.json"),
        noFigures ? "" : " and " + images.size() + " figure(s) in " + out.resolve("figures"));
    return 0;
  }

  /** Loaded images with where they came from. */
  private record Loaded(String layout, List<EvaluationImage> images, List<String> warnings, int numClasses) {}

  private Loaded loadFiles() throws IOException {
    if (predictionDir == null || truthDir == null) {
      throw new IllegalArgumentException(
          "--pred and --truth go together: --pred PRED_DIR --truth TRUTH_DIR (" + (predictionDir == null ? "--pred"
              : "--truth") + " is missing)");
    }
    EvaluationItems.Matching matching = EvaluationItems.match(truthDir, layout, predictionDir);
    MaskMode truthMode = MaskMode.forName(maskMode);
    MaskMode predMode = MaskMode.forName(predictionMode);
    boolean invert = Boolean.TRUE.equals(invertMask);
    List<EvaluationImage> images = new ArrayList<>();
    for (EvaluationItems.Item item : matching.items()) {
      EvaluationImage.Truth truth = EvaluationImage.Truth.read(item.truth(), item.page(), truthMode, invert);
      EvaluationImage.Prediction prediction =
          EvaluationImage.Prediction.read(item.prediction(), item.predictionPage(), predMode);
      FloatImage image = item.image() == null ? null : MicroscopyImages.read(item.image(), item.page()).pixels();
      images.add(EvaluationImage.of(item.name(), image, truth, prediction, item.prediction()));
    }
    return new Loaded(matching.layout(), images, matching.warnings(), 0);
  }

  private Loaded loadWithModel() throws IOException {
    if (modelDir == null || dataDir == null) {
      throw new IllegalArgumentException(
          "--model and --data go together: --model BUNDLE_DIR --data DATASET_DIR (" + (modelDir == null ? "--model"
              : "--data") + " is missing)");
    }
    ModelBundle bundle = ModelBundle.readDescriptor(modelDir);
    EvaluationItems.Truth truthSide = EvaluationItems.truth(dataDir, layout);
    if (truthSide.flat()) {
      throw new IllegalArgumentException(
          "--data " + dataDir + " is not a dataset folder: --model needs images and masks (images/ + masks/, ISBI"
              + " stacks or CTC sequences)");
    }
    int inChannels = bundle.config().inChannels();
    boolean invert = invertMask != null ? invertMask : Boolean.TRUE.equals(bundle.metadata().get("invertMask"));
    SampleLoader loader = new SampleLoader(
        MaskMode.forName(maskMode), invert, 0,
        inChannels == 1 ? new ChannelSelection.Grey() : new ChannelSelection.FirstN(inChannels),
        Normalization.percentile());
    List<EvaluationImage> images = new ArrayList<>();
    Map<Path, List<FloatImage>> stacks = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager(EngineSetup.device(device))) {
      Block block = ModelBundle.load(modelDir, manager);
      Segmenter segmenter = new Segmenter(block, bundle.config(), manager);
      for (SamplePair pair : truthSide.pairs()) {
        LoadedSample sample = loader.load(pair);
        int pages = MicroscopyImages.pageCount(pair.image());
        String name = EvaluationItems.fileName(pair.image()) + (pages > 1 ? "#" + pair.page() : "");
        FloatImage probabilities = segmenter.predictProbabilities(sample.image());
        EvaluationImage.Prediction prediction = EvaluationImage.Prediction.ofProbabilities(probabilities, name);
        EvaluationImage.Truth truth =
            EvaluationImage.Truth.ofInterpreted(sample.mask(), sample.maskMode() == MaskMode.INSTANCES);
        EvaluationImage image = EvaluationImage.of(name, sample.image(), truth, prediction, pair.image());
        images.add(image);
        if (savePredictions) {
          if (pages > 1) {
            stacks.computeIfAbsent(pair.image(), p -> new ArrayList<>()).add(image.foregroundProbability());
          } else {
            TiffImages.writeFloat(
                out.resolve("predictions").resolve(fileStem(name) + ".tif"), probabilities, TiffCompression.DEFLATE);
          }
        }
      }
    }
    for (Map.Entry<Path, List<FloatImage>> stack : stacks.entrySet()) {
      // One page per slice, the interior probability: the format the ISBI 2012 challenge expected.
      TiffImages.writeFloat(
          out.resolve("predictions").resolve(fileStem(EvaluationItems.fileName(stack.getKey())) + ".tif"),
          asPages(stack.getValue()), TiffCompression.DEFLATE);
    }
    return new Loaded(truthSide.layout(), images, truthSide.warnings(), Math.max(2, bundle.config().numClasses()));
  }

  private static FloatImage asPages(List<FloatImage> slices) {
    FloatImage first = slices.get(0);
    float[] data = new float[slices.size() * first.planeSize()];
    for (int k = 0; k < slices.size(); k++) {
      System.arraycopy(slices.get(k).data(), 0, data, k * first.planeSize(), first.planeSize());
    }
    return new FloatImage(slices.size(), first.height(), first.width(), data);
  }

  private static IsbiProtocol isbiProtocol(List<EvaluationImage> images, Set<MetricGroup> groups) {
    long maps = images.stream().filter(i -> i.probabilities() != null).count();
    if (groups.contains(MetricGroup.ISBI) && maps != 0 && maps != images.size()) {
      throw new IllegalArgumentException(
          "the ISBI scores pick the best threshold over all images, so predictions must all be probability maps or"
              + " all labels; found " + maps + " probability map(s) and " + (images.size() - maps) + " label image(s)");
    }
    return maps == images.size() ? IsbiProtocol.challenge() : IsbiProtocol.binary();
  }

  private int checkedClasses(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("--classes is " + k + "; pixel metrics need at least 2 (background + one)");
    }
    return k;
  }

  /** A file-system-safe stem: the name without its image extension, other characters than [A-Za-z0-9._-] → _. */
  static String fileStem(String name) {
    String stem = name.replaceFirst("(?i)\\.(tiff?|png|jpe?g|gif|bmp)(?=#|$)", "");
    return stem.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
