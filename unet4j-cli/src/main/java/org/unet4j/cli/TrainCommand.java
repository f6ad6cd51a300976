package org.unet4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.io.dataset.DatasetLayout;
import org.unet4j.io.dataset.DatasetScan;
import org.unet4j.io.dataset.SamplePair;
import org.unet4j.train.DivergenceException;
import org.unet4j.train.LearningRateSchedule;
import org.unet4j.train.OptimizerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unet train}: trains a U-Net on a folder of annotated images into a run folder (model bundle, checkpoints,
 * metrics, curves, log, config). Settings come from the options, from {@code --config FILE.json} (options given
 * on the command line win), or, with {@code --resume RUN_DIR}, from the run itself.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a U-Net on annotated images (paired folders, Cell Tracking Challenge, ISBI stacks).",
      "Writes RUN_DIR/{model/, checkpoints/last/, metrics.csv, curves.png, train.log, config.json}."
    })
final class TrainCommand implements Callable<Integer> {

  @Mixin DataOptions dataOptions;

  @Option(names = "--val-split", description = "fraction held out for validation: the last files in order (default: 0.2)")
  Double validationSplit;

  @Option(names = "--val", description = "a separate validation folder (same layout) instead of --val-split")
  Path validationDir;

  @Mixin ModelOptions modelOptions;

  @Option(names = "--loss", description = "weighted-ce | dice | ce-dice | bce (default: weighted-ce, the paper's)")
  String loss;

  @Option(names = "--epochs", description = "epochs (default: 50)")
  Integer epochs;

  @Option(
      names = "--iterations-per-epoch",
      description = "steps per epoch (default: enough tiles to cover the training pixels once)")
  Integer iterationsPerEpoch;

  @Option(names = "--tile-size", description = "input tile edge in px (default: 572 VALID, 256 SAME)")
  Integer tilePx;

  @Option(names = "--batch-size", description = "tiles per step (default: 1, as the paper)")
  Integer batchSize;

  @Option(names = "--optimizer", description = "sgd | adam | adamw (default: adam)")
  String optimizer;

  @Option(names = "--lr", description = "learning rate (default: adam 1e-3 with BatchNorm, 1e-4 without; sgd 1e-3)")
  Double learningRate;

  @Option(names = "--momentum", description = "SGD momentum (default: 0.99, the paper's)")
  Double momentum;

  @Option(names = "--nesterov", description = "Nesterov momentum for SGD")
  boolean nesterov;

  @Option(names = "--weight-decay", description = "weight decay (default: 0; adamw 0.01)")
  Double weightDecay;

  @Option(
      names = "--schedule",
      description = "constant | step:ITER:GAMMA | poly[:POWER] | cosine[:WARMUP[:MIN]] (default: constant)")
  String schedule;

  @Option(names = "--clip-norm", description = "clip the global gradient norm (default: 0 = off)")
  Double clipNorm;

  @Option(names = "--augment", description = "comma list of " + AugmentChoice.NAMES + " (default: elastic,flip,rot90,intensity)")
  String augment;

  @Option(names = "--patience", description = "stop after N epochs without better validation IoU (default: 0 = off)")
  Integer patience;

  @Option(names = "--seed", description = "seed for weights, data order, augmentation, dropout (default: 42)")
  Long seed;

  @Option(names = "--loader-threads", description = "background threads preparing tiles (default: 2)")
  Integer loaderThreads;

  @Option(names = "--config", description = "settings from a JSON file (a run's config.json); options override it")
  Path configFile;

  @Option(names = "--out", description = "run folder (default: runs/unet-DATE-TIME)")
  Path out;

  @Option(names = "--resume", description = "continue the run in this folder from its last checkpoint")
  Path resumeDir;

  @Spec CommandSpec spec;

  /** Set when the epoch size is derived from the data (known only once it is loaded). */
  private boolean automaticEpochSize;

  @Override
  public Integer call() throws Exception {
    EngineSetup.configureOffline();
    PrintWriter console = spec.commandLine().getOut();
    boolean resume = resumeDir != null;
    RunConfig runConfig = resume ? resumedConfig() : newConfig();
    Path runDir = resume ? resumeDir : out != null ? out : defaultRunDir();
    TrainSettings settings = runConfig.settings();
    DataSelection data = runConfig.data();
    if (!resume) {
      refuseExistingRun(runDir);
    }

    WeightMaps maps = DataSelection.weightMaps(settings.w0(), settings.sigmaPx());
    UNetConfig model = settings.model();
    List<TrainingSample> training = data.loadTraining(model.inChannels(), model.numClasses(), maps);
    List<ValidationImage> validation = data.loadValidation(model.inChannels(), model.numClasses(), maps);
    if (!resume && automaticEpochSize) {
      settings = settings.withIterationsPerEpoch(coveringIterations(training, settings));
      runConfig = new RunConfig(settings, data, runConfig.software());
    }
    runConfig.write(runDir);
    console.printf(
        "train: %d training and %d validation image(s) from %s; run folder %s%n", training.size(), validation.size(),
        data.root(), runDir);
    console.flush();

    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("source", "unet train");
    metadata.put("normalization", "percentile 1–99.8 % → [0, 1]");
    metadata.put("invertMask", data.invertMask());
    TrainingRun run = new TrainingRun(settings, training, validation, runDir, metadata, console);
    try {
      TrainingOutcome outcome = run.run(resume);
      console.printf(
          "train: %s after %d epoch(s), %.0f s; best validation IoU %s (epoch %d); model: %s%n",
          outcome.stoppedEarly() ? "stopped early" : "done", outcome.state().epochsDone(), outcome.elapsedSeconds(),
          Double.isNaN(outcome.state().bestScore()) ? "–" : String.format("%.4f", outcome.state().bestScore()),
          outcome.state().bestEpoch(), run.modelDir());
      return 0;
    } catch (DivergenceException e) {
      spec.commandLine().getErr().printf(
          "unet train: %s.%nThe last good checkpoint is kept in %s; lower --lr, add --clip-norm 1, or resume with"
              + " --resume %s after changing nothing if it was a fluke.%n",
          e.getMessage(), run.lastCheckpointDir(), runDir);
      return TrainingRun.EXIT_DIVERGED;
    }
  }

  /** The settings and data of a new run: defaults ← --config ← command-line options. */
  private RunConfig newConfig() throws Exception {
    RunConfig base = configFile != null ? RunConfig.read(configFile) : null;
    TrainSettings from = base != null ? base.settings() : null;
    UNetConfig model = modelOptions.toConfig(from != null ? from.model() : UNetConfig.paper());
    int batch = batchSize != null ? batchSize : from != null ? from.batchSize() : 1;
    int tile =
        tilePx != null ? tilePx : from != null && from.model().equals(model) ? from.tilePx()
            : TrainSettings.defaultTilePx(model);
    model.geometry().requireValidInput(tile);

    DataSelection data = selectData(base != null ? base.data() : null);
    OptimizerSpec optimizerSpec;
    if (optimizer == null && learningRate == null && momentum == null && weightDecay == null && !nesterov
        && from != null) {
      optimizerSpec = from.optimizer();
    } else {
      String name = optimizer != null ? optimizer : from != null ? optimizerName(from.optimizer()) : "adam";
      optimizerSpec =
          TrainSettings.defaultOptimizer(name, model, learningRate, momentum, nesterov, weightDecay != null ? weightDecay : 0);
    }
    boolean keepConfigEpochSize = from != null && tilePx == null && batchSize == null;
    automaticEpochSize = iterationsPerEpoch == null && !keepConfigEpochSize;
    int perEpoch =
        iterationsPerEpoch != null ? iterationsPerEpoch : keepConfigEpochSize ? from.iterationsPerEpoch() : 1;
    TrainSettings settings =
        new TrainSettings(
            model,
            loss != null ? loss : from != null ? from.loss() : model.numClasses() == 1 ? "bce" : "weighted-ce",
            tile,
            batch,
            epochs != null ? epochs : from != null ? from.epochs() : 50,
            perEpoch,
            optimizerSpec,
            schedule != null ? LearningRateSchedule.parse(schedule)
                : from != null ? from.schedule() : new LearningRateSchedule.Constant(),
            clipNorm != null ? clipNorm : from != null ? from.gradientClipNorm() : 0,
            augment != null ? augment : from != null ? from.augment() : "elastic,flip,rot90,intensity",
            dataOptions.w0 != null ? dataOptions.w0 : from != null ? from.w0() : 10,
            dataOptions.sigmaPx != null ? dataOptions.sigmaPx : from != null ? from.sigmaPx() : 5,
            patience != null ? patience : from != null ? from.patience() : 0,
            seed != null ? seed : from != null ? from.seed() : 42,
            loaderThreads != null ? loaderThreads : from != null ? from.loaderThreads() : 2);
    return new RunConfig(settings, data, String.join("; ", new VersionProvider().getVersion()));
  }

  /** A resumed run takes everything from its own config; other settings would break exact continuation. */
  private RunConfig resumedConfig() throws Exception {
    if (dataOptions.data != null || configFile != null || out != null || epochs != null || learningRate != null) {
      throw new IllegalArgumentException(
          "--resume continues a run exactly as configured in " + resumeDir.resolve(RunConfig.FILE)
              + "; do not combine it with --data, --config, --out or training options");
    }
    return RunConfig.read(resumeDir);
  }

  private DataSelection selectData(DataSelection fromConfig) throws Exception {
    if (dataOptions.data == null) {
      if (fromConfig == null) {
        throw new IllegalArgumentException("--data is missing; name the dataset folder, e.g. --data my-cells/");
      }
      return fromConfig;
    }
    DatasetScan scan = dataOptions.scan();
    for (String warning : scan.warnings()) {
      spec.commandLine().getErr().println("train: warning: " + warning);
    }
    List<SamplePair> train;
    List<SamplePair> validation;
    double fraction = 0;
    if (validationDir != null) {
      if (validationSplit != null) {
        throw new IllegalArgumentException("give either --val-split or --val DIR, not both");
      }
      train = scan.pairs();
      validation = DatasetLayout.forName(dataOptions.layout, validationDir).scan(validationDir).pairs();
    } else {
      fraction = validationSplit != null ? validationSplit : 0.2;
      List<List<SamplePair>> parts = DataSelection.split(scan.pairs(), fraction);
      train = parts.get(0);
      validation = parts.get(1);
    }
    return new DataSelection(
        scan.root().toAbsolutePath().normalize().toString(), scan.layout().cliName(), dataOptions.maskMode, dataOptions.invertMask, fraction,
        train.stream().map(DataSelection.DataFile::of).toList(),
        validation.stream().map(DataSelection.DataFile::of).toList());
  }

  /** Steps that show about as many label pixels as the training set holds: one pass over the data per epoch. */
  static int coveringIterations(List<TrainingSample> training, TrainSettings settings) {
    long pixels = 0;
    for (TrainingSample sample : training) {
      pixels += (long) sample.mask().height() * sample.mask().width();
    }
    long perStep = (long) settings.batchSize() * settings.outputPx() * settings.outputPx();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (pixels + perStep - 1) / perStep));
  }

  private static String optimizerName(OptimizerSpec spec) {
    if (spec instanceof OptimizerSpec.Sgd) {
      return "sgd";
    }
    return ((OptimizerSpec.Adam) spec).decoupledWeightDecay() ? "adamw" : "adam";
  }

  private static void refuseExistingRun(Path runDir) {
    if (Files.exists(runDir.resolve(RunConfig.FILE))) {
      throw new IllegalArgumentException(
          "run folder " + runDir + " already holds a run; use --resume " + runDir + " to continue it, or another --out");
    }
  }

  private static Path defaultRunDir() {
    return Path.of("runs", "unet-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }
}
