package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.bundle.ModelBundle;

/**
 * The resumption guarantee under a real crash: {@code unet train} in a child JVM is killed with SIGKILL (no shutdown
 * hooks, possibly in the middle of writing a checkpoint), resumed with {@code --resume}, and must end with the very
 * same bytes of parameters as a run that was never interrupted.
 */
class TrainKillResumeTest {

  @Test
  void runKilledWithSigkillAndResumedEndsBitwiseEqualToAnUninterruptedRun(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 2, 40, 7);
    Path straight = dir.resolve("straight");
    Path killed = dir.resolve("killed");
    String[] common = {"--data", data.toString(), "--val-split", "0.5", "--epochs", "25", "--iterations-per-epoch", "2"};

    CliRunner.Result uninterrupted = CliRunner.run(TrainCommandTest.args(with(common, "--out", straight.toString())));
    assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

    Process child = startChild(with(TrainCommandTest.args(with(common, "--out", killed.toString()))), dir);
    Path metrics = killed.resolve("metrics.csv");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (child.isAlive() && epochsIn(metrics) < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(child.isAlive())
        .as("the child run must still be going when it is killed (raise --epochs if the machine got faster); log: %s",
            Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "")
        .isTrue();
    child.destroyForcibly(); // SIGKILL on Linux
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int epochsAtKill = epochsIn(metrics);
    assertThat(epochsAtKill).isBetween(3, 24);

    CliRunner.Result resumed = CliRunner.run("train", "--resume", killed.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(Files.readString(killed.resolve("train.log"))).contains("resumed at epoch");

    for (String bundle : new String[] {"checkpoints/last/model", "model"}) {
      Map<String, float[]> expected = parameters(straight.resolve(bundle));
      Map<String, float[]> actual = parameters(killed.resolve(bundle));
      assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
      for (String name : expected.keySet()) {
        assertThat(actual.get(name)).as(bundle + ": " + name).containsExactly(expected.get(name));
      }
    }
    // The same trajectory: epoch, iteration, loss and validation columns agree row by row (times and memory differ).
    assertThat(scoreColumns(killed.resolve("metrics.csv"))).isEqualTo(scoreColumns(straight.resolve("metrics.csv")));
  }

  /** Every parameter of a bundle by name (the file's header also records the shape the net was built for). */
  private static Map<String, float[]> parameters(Path bundle) throws Exception {
    Map<String, float[]> values = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (Pair<String, Parameter> p : ModelBundle.load(bundle, manager).getParameters()) {
        values.put(p.getKey(), p.getValue().getArray().toFloatArray());
      }
    }
    return values;
  }

  private static Process startChild(String[] args, Path dir) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    // The same engine settings as this JVM (surefire's), without which results are not bitwise comparable.
    for (String property :
        new String[] {"ai.djl.offline", "ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"}) {
      command.add("-D" + property + "=" + System.getProperty(property));
    }
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(UNetCli.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private static int epochsIn(Path metrics) throws Exception {
    if (!Files.exists(metrics)) {
      return 0;
    }
    return (int) Files.readAllLines(metrics, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
        .count();
  }

  private static List<String> scoreColumns(Path metrics) throws Exception {
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
      String[] cells = line.split(",");
      rows.add(String.join(",", List.of(cells).subList(0, 7)));
    }
    return rows;
  }

  private static String[] with(String[] first, String... more) {
    return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
  }
}
