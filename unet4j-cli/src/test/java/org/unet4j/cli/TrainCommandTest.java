package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.infer.Segmenter;

/** {@code unet train} in-process on tiny disc datasets: the run folder, resumption and bad input. */
class TrainCommandTest {

  /** A net and schedule that train in a few seconds. */
  static final String[] TINY = {
    "--preset", "padded", "--depth", "2", "--base-filters", "4", "--tile-size", "32", "--seed", "3",
    "--loader-threads", "1"
  };

  static String[] args(String... extra) {
    return Stream.concat(Stream.of("train"), Stream.concat(Stream.of(TINY), Stream.of(extra))).toArray(String[]::new);
  }

  @Test
  void writesACompleteRunFolderWhoseModelSegments(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 3, 48, 1);
    Path run = dir.resolve("run");
    CliRunner.Result result =
        CliRunner.run(args("--data", data.toString(), "--val-split", "0.3", "--epochs", "3",
            "--iterations-per-epoch", "4", "--lr", "3e-3", "--out", run.toString()));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("2 training and 1 validation image(s)").contains("train: done after 3 epoch(s)");

    List<String> csv = Files.readAllLines(run.resolve("metrics.csv"), StandardCharsets.UTF_8);
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).startsWith("epoch,iteration,train_loss,val_iou");
    for (int epoch = 1; epoch <= 3; epoch++) {
      EpochRow row = EpochRow.parse(csv.get(epoch));
      assertThat(row.epoch()).isEqualTo(epoch);
      assertThat(row.iteration()).isEqualTo(4L * epoch);
      assertThat(row.valIou()).isBetween(0.0, 1.0);
    }

    RunConfig config = RunConfig.read(run);
    assertThat(config.settings().epochs()).isEqualTo(3);
    assertThat(config.settings().model().depth()).isEqualTo(2);
    assertThat(config.data().train()).hasSize(2);
    assertThat(config.data().validation()).singleElement()
        .satisfies(f -> assertThat(Path.of(f.image())).isAbsolute().hasFileName("disc-2.tif"));

    BufferedImage curves = ImageIO.read(run.resolve("curves.png").toFile());
    assertThat(curves.getWidth()).isGreaterThan(100);
    assertThat(Files.readString(run.resolve("train.log"))).contains("finished after epoch 3");
    assertThat(run.resolve("checkpoints/last/optimizer.state")).isRegularFile();

    // The bundle loads and segments an image of any size.
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = ModelBundle.load(run.resolve("model"), manager);
      ModelBundle bundle = ModelBundle.readDescriptor(run.resolve("model"));
      FloatImage image = new FloatImage(1, 40, 52, new float[40 * 52]);
      LabelImage labels = new Segmenter(block, bundle.config(), manager).predictLabels(image);
      assertThat(labels.height()).isEqualTo(40);
      assertThat(labels.width()).isEqualTo(52);
    }
    // Nothing is left half-written.
    try (Stream<Path> files = Files.walk(run)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
    }
  }

  @Test
  void aRunFolderIsNeverOverwritten(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 2, 32, 2);
    Path run = dir.resolve("run");
    String[] once = args("--data", data.toString(), "--epochs", "1", "--iterations-per-epoch", "1", "--out",
        run.toString());
    assertThat(CliRunner.run(once).exitCode()).isZero();
    CliRunner.Result again = CliRunner.run(once);
    assertThat(again.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(again.err()).contains("already holds a run").contains("--resume " + run);
  }

  @Test
  void badInputStopsBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 2, 32, 3);
    Path run = dir.resolve("run");

    CliRunner.Result noData = CliRunner.run("train", "--out", run.toString());
    assertThat(noData.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(noData.err()).contains("--data is missing");

    CliRunner.Result badTile =
        CliRunner.run("train", "--data", data.toString(), "--preset", "paper", "--tile-size", "500", "--out",
            run.toString());
    assertThat(badTile.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(badTile.err()).contains("500 is not a valid input for depth 4").contains("use 492 or 508");

    CliRunner.Result badSplit =
        CliRunner.run(args("--data", data.toString(), "--val-split", "1.5", "--out", run.toString()));
    assertThat(badSplit.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(badSplit.err()).contains("--val-split is 1.5");

    CliRunner.Result badOptimizer =
        CliRunner.run(args("--data", data.toString(), "--optimizer", "rmsprop", "--out", run.toString()));
    assertThat(badOptimizer.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(badOptimizer.err()).contains("--optimizer is 'rmsprop'; use sgd, adam or adamw");

    CliRunner.Result missingFolder =
        CliRunner.run(args("--data", dir.resolve("nowhere").toString(), "--out", run.toString()));
    assertThat(missingFolder.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);

    assertThat(run).doesNotExist();
  }

  @Test
  void divergenceExitsWithItsOwnCodeAndAdvice(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 2, 32, 4);
    Path run = dir.resolve("run");
    CliRunner.Result result =
        CliRunner.run(args("--data", data.toString(), "--optimizer", "sgd", "--lr", "1e7", "--epochs", "30",
            "--iterations-per-epoch", "1", "--out", run.toString()));
    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(TrainingRun.EXIT_DIVERGED);
    assertThat(result.err()).contains("training diverged at iteration").contains("lower --lr");
    assertThat(Files.readString(run.resolve("train.log"))).contains("stopped: training diverged");
  }

  @Test
  void aRunRepeatsExactlyFromItsConfigAndOptionsOverrideIt(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 2, 32, 6);
    Path first = dir.resolve("first");
    assertThat(CliRunner.run(args("--data", data.toString(), "--epochs", "2", "--iterations-per-epoch", "3",
        "--optimizer", "sgd", "--lr", "0.01", "--out", first.toString())).exitCode()).isZero();

    Path repeat = dir.resolve("repeat");
    CliRunner.Result again =
        CliRunner.run("train", "--config", first.resolve("config.json").toString(), "--out", repeat.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readAllLines(repeat.resolve("metrics.csv")).get(2).split(",")[2])
        .as("final training loss").isEqualTo(Files.readAllLines(first.resolve("metrics.csv")).get(2).split(",")[2]);
    assertThat(Files.readAllBytes(repeat.resolve("checkpoints/last/optimizer.state")))
        .isEqualTo(Files.readAllBytes(first.resolve("checkpoints/last/optimizer.state")));

    Path shorter = dir.resolve("shorter");
    assertThat(CliRunner.run("train", "--config", first.resolve("config.json").toString(), "--epochs", "1",
        "--out", shorter.toString()).exitCode()).isZero();
    RunConfig config = RunConfig.read(shorter);
    assertThat(config.settings().epochs()).isEqualTo(1);
    assertThat(config.settings().optimizer().learningRate()).isEqualTo(0.01);
    assertThat(config.settings().iterationsPerEpoch()).isEqualTo(3);
  }

  @Test
  void patienceStopsARunThatNoLongerImproves(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 2, 32, 7);
    Path run = dir.resolve("run");
    // A learning rate so small that the validation score never moves: epochs 2 and 3 tie with epoch 1.
    CliRunner.Result result =
        CliRunner.run(args("--data", data.toString(), "--norm", "NONE", "--optimizer", "sgd", "--lr", "1e-12",
            "--epochs", "10", "--iterations-per-epoch", "1", "--patience", "2", "--out", run.toString()));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("stopped early after 3 epoch(s)").contains("(epoch 1)");
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(4);
  }
}
