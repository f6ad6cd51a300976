package org.unet4j.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.infer.InferenceOptions;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.PngImages;
import org.unet4j.loss.LossKind;
import org.unet4j.model.UNetBuilder;
import org.unet4j.train.Checkpoint;
import org.unet4j.train.DivergenceException;
import org.unet4j.train.PatchBatches;
import org.unet4j.train.TrainConfig;
import org.unet4j.train.TrainingListener;
import org.unet4j.train.TrainingLoop;
import org.unet4j.train.TrainingState;

/**
 * Trains a model into a run folder, shared by {@code unet train} and {@code unet demo}:
 *
 * <pre>
 * RUN/model/              best model bundle by validation IoU (the last one without validation data)
 * RUN/checkpoints/last/   model + optimiser state + training state, for --resume
 * RUN/metrics.csv         one row per epoch (loss, validation IoU/Dice/pixel error, lr, time, memory)
 * RUN/curves.png          loss and validation IoU over iterations, redrawn every epoch
 * RUN/train.log           what happened, with times
 * </pre>
 *
 * <p>Every epoch ends with validation on whole images (the inference path), a checkpoint, the table and the curve;
 * all writes are atomic. A resumed run restores parameters, optimiser state and counters from {@code
 * checkpoints/last} and, because data, dropout and learning rate are functions of the iteration, continues exactly
 * as if it had never stopped.
 */
final class TrainingRun {

  /** Exit code when the loss diverged. */
  static final int EXIT_DIVERGED = 3;

  private final TrainSettings settings;
  private final List<TrainingSample> training;
  private final List<ValidationImage> validation;
  private final Path runDir;
  private final Map<String, Object> bundleMetadata;
  private final PrintWriter console;

  TrainingRun(
      TrainSettings settings, List<TrainingSample> training, List<ValidationImage> validation, Path runDir,
      Map<String, Object> bundleMetadata, PrintWriter console) {
    if (training.isEmpty()) {
      throw new IllegalArgumentException("no training images; check --data and --val-split");
    }
    this.settings = settings;
    this.training = training;
    this.validation = validation;
    this.runDir = runDir;
    this.bundleMetadata = bundleMetadata;
    this.console = console;
  }

  /** The folder of the best (or last) model bundle. */
  Path modelDir() {
    return runDir.resolve("model");
  }

  /** The resumable checkpoint folder. */
  Path lastCheckpointDir() {
    return runDir.resolve("checkpoints").resolve("last");
  }

  /**
   * Trains from scratch, or from {@code checkpoints/last} when {@code resume} is set.
   *
   * @return how the run ended
   * @throws DivergenceException if the loss became NaN/infinite (the last checkpoint is kept)
   */
  TrainingOutcome run(boolean resume) throws IOException, InterruptedException {
    Files.createDirectories(runDir);
    UNetConfig model = settings.model();
    TrainConfig trainConfig = settings.trainConfig();
    AugmentChoice augment = AugmentChoice.parse(settings.augment());
    PatchSampler sampler =
        new PatchSampler(training, settings.tilePx(), settings.outputPx(), augment.geometry(), augment.intensity());
    try (NDManager manager = NDManager.newBaseManager();
        RunLog log = new RunLog(runDir.resolve("train.log"), console)) {
      Block block;
      TrainingState state;
      List<EpochRow> rows;
      if (resume) {
        block = Checkpoint.loadModel(lastCheckpointDir(), manager);
        state = Checkpoint.readState(lastCheckpointDir());
        rows = readRows(state.epochsDone());
        log.line(String.format("resumed at epoch %d, iteration %d", state.epochsDone(), state.nextIteration()));
      } else {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        block = UNetBuilder.build(model);
        block.initialize(
            manager, DataType.FLOAT32,
            new Shape(settings.batchSize(), model.inChannels(), settings.tilePx(), settings.tilePx()));
        state = TrainingState.start();
        rows = new ArrayList<>();
        log.line(String.format(
            "training %s on %d image(s), validating on %d; %d epochs × %d iterations of %d tile(s) %d→%d px",
            describe(model), training.size(), validation.size(), settings.epochs(), settings.iterationsPerEpoch(),
            settings.batchSize(), settings.tilePx(), settings.outputPx()));
      }
      TrainingLoop loop = new TrainingLoop(block, manager, LossKind.parse(settings.loss()).create(), trainConfig);
      if (resume) {
        Checkpoint.loadOptimizer(lastCheckpointDir(), loop.optimizer());
      }
      // validation runs the live block: a folded copy would miss every later update
      Segmenter segmenter =
          new Segmenter(block, model, manager, InferenceOptions.defaults().withFoldBatchNorm(false));
      EpochEnd epochEnd = new EpochEnd(block, loop, segmenter, state, rows, log);
      try (PatchBatches batches =
              new PatchBatches(sampler, settings.seed(), settings.batchSize(), settings.loaderThreads());
          TrainingProgress progress =
              new TrainingProgress("train", trainConfig.iterations(), state.nextIteration())) {
        epochEnd.progress = progress;
        loop.run(batches, TrainingListener.all(epochEnd, progress), state.nextIteration());
      } catch (DivergenceException e) {
        log.line("stopped: " + e.getMessage());
        throw e;
      }
      TrainingState last = epochEnd.state;
      boolean early = epochEnd.stopRequested();
      log.line(String.format(
          "%s after epoch %d (iteration %d): best validation IoU %s at epoch %d; model in %s",
          early ? "stopped early" : "finished", last.epochsDone(), last.nextIteration(), format(last.bestScore()),
          last.bestEpoch(), modelDir()));
      EpochRow lastRow = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      return new TrainingOutcome(
          last, early, lastRow == null ? Double.NaN : lastRow.trainLoss(),
          lastRow == null ? 0 : lastRow.elapsedSeconds());
    }
  }

  /** IoU, Dice and pixel error of the current net on the validation images, pooled over them. */
  static ConfusionCounts score(Segmenter segmenter, List<ValidationImage> images, int numClasses) {
    ConfusionCounts pooled = new ConfusionCounts(Math.max(2, numClasses));
    for (ValidationImage image : images) {
      pooled.add(image.truth(), segmenter.predictLabels(image.image()));
    }
    return pooled;
  }

  /** Mean IoU over the foreground classes 1 … K−1. */
  static double foregroundIou(ConfusionCounts counts) {
    double sum = 0;
    for (int k = 1; k < counts.numClasses(); k++) {
      sum += counts.iou(k);
    }
    return sum / (counts.numClasses() - 1);
  }

  /** Mean Dice over the foreground classes 1 … K−1. */
  static double foregroundDice(ConfusionCounts counts) {
    double sum = 0;
    for (int k = 1; k < counts.numClasses(); k++) {
      sum += counts.dice(k);
    }
    return sum / (counts.numClasses() - 1);
  }

  private List<EpochRow> readRows(int epochsDone) throws IOException {
    List<EpochRow> rows = new ArrayList<>();
    Path csv = runDir.resolve("metrics.csv");
    if (Files.exists(csv)) {
      for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("epoch")) {
          EpochRow row = EpochRow.parse(line);
          if (row.epoch() <= epochsDone) {
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  private static String describe(UNetConfig model) {
    return String.format(
        "U-Net depth %d, %d base filters, %s/%s, %d class(es)", model.depth(), model.baseFilters(), model.padding(),
        model.norm(), model.numClasses());
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "–" : String.format("%.4f", value);
  }

  /** Resident set size of this process in MiB, from /proc (NaN elsewhere). */
  static double residentMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: memory is simply not reported
    }
    return Double.NaN;
  }

  /** Validation, checkpoint, table, curve and early stopping at the end of each epoch. */
  private final class EpochEnd implements TrainingListener {
    private final Block block;
    private final TrainingLoop loop;
    private final Segmenter segmenter;
    private final List<EpochRow> rows;
    private final RunLog log;
    private final long sessionStart = System.nanoTime();
    private final double elapsedBefore;
    private TrainingState state;
    private TrainingProgress progress;
    private double lossSum;
    private int lossCount;

    EpochEnd(
        Block block, TrainingLoop loop, Segmenter segmenter, TrainingState state, List<EpochRow> rows, RunLog log) {
      this.block = block;
      this.loop = loop;
      this.segmenter = segmenter;
      this.state = state;
      this.rows = rows;
      this.log = log;
      this.elapsedBefore = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).elapsedSeconds();
    }

    @Override
    public void onIteration(long iteration, double loss, double learningRate) {
      lossSum += loss;
      lossCount++;
      if ((iteration + 1) % settings.iterationsPerEpoch() != 0) {
        return;
      }
      try {
        endEpoch(iteration + 1, learningRate);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not write the run folder " + runDir + ": " + e.getMessage(), e);
      }
    }

    private void endEpoch(long nextIteration, double learningRate) throws IOException {
      double iou = Double.NaN;
      double dice = Double.NaN;
      double pixelError = Double.NaN;
      if (!validation.isEmpty()) {
        ConfusionCounts counts = score(segmenter, validation, settings.model().numClasses());
        iou = foregroundIou(counts);
        dice = foregroundDice(counts);
        pixelError = counts.pixelError();
      }
      state = state.afterEpoch(nextIteration, iou);
      Checkpoint.save(
          lastCheckpointDir(), settings.model(), block, loop.optimizer(), state, bundleMetadata);
      if (validation.isEmpty() || state.improvedLastEpoch()) {
        ModelBundle.save(modelDir(), settings.model(), block, withEpoch(state.epochsDone(), iou));
      }
      double elapsed = elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
      rows.add(new EpochRow(
          state.epochsDone(), nextIteration, lossSum / Math.max(1, lossCount), iou, dice, pixelError, learningRate,
          elapsed, residentMb()));
      lossSum = 0;
      lossCount = 0;
      writeTable();
      if (progress != null) {
        progress.showValidation(iou);
      }
      EpochRow row = rows.get(rows.size() - 1);
      log.line(String.format(
          "epoch %d/%d  iteration %d  loss %.4f  val IoU %s  Dice %s%s  lr %.3g  %.0f s  RSS %.0f MiB",
          row.epoch(), settings.epochs(), nextIteration, row.trainLoss(), format(iou), format(dice),
          state.improvedLastEpoch() ? " (best)" : "", learningRate, elapsed, row.rssMb()));
    }

    private Map<String, Object> withEpoch(int epoch, double iou) {
      Map<String, Object> metadata = new java.util.LinkedHashMap<>(bundleMetadata);
      metadata.put("epoch", epoch);
      if (!Double.isNaN(iou)) {
        metadata.put("validationIou", iou);
      }
      return metadata;
    }

    private void writeTable() throws IOException {
      StringBuilder csv = new StringBuilder(EpochRow.HEADER).append('\n');
      List<Integer> iterations = new ArrayList<>();
      List<Double> losses = new ArrayList<>();
      List<Integer> validationIterations = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      for (EpochRow row : rows) {
        csv.append(row.toCsv()).append('\n');
        iterations.add((int) row.iteration());
        losses.add(row.trainLoss());
        if (!Double.isNaN(row.valIou())) {
          validationIterations.add((int) row.iteration());
          scores.add(row.valIou());
        }
      }
      org.unet4j.io.AtomicFiles.write(
          runDir.resolve("metrics.csv"), tmp -> Files.writeString(tmp, csv, StandardCharsets.UTF_8));
      PngImages.write(runDir.resolve("curves.png"), CurvePlot.render(iterations, losses, validationIterations, scores));
    }

    @Override
    public boolean stopRequested() {
      return settings.patience() > 0 && state.epochsWithoutImprovement() >= settings.patience();
    }
  }

  /**
   * The run's log file (appended, so a resumed run keeps its history), echoed to the console when no progress bar
   * is shown.
   */
  private static final class RunLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final PrintWriter file;
    private final PrintWriter console;
    private final boolean echo = System.console() == null;

    RunLog(Path path, PrintWriter console) throws IOException {
      this.file =
          new PrintWriter(
              Files.newBufferedWriter(
                  path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
              true);
      this.console = console;
    }

    void line(String message) {
      file.println(LocalDateTime.now().format(TIME) + "  " + message);
      if (echo) {
        console.println(message);
        console.flush();
      }
    }

    @Override
    public void close() {
      file.close();
    }
  }
}
