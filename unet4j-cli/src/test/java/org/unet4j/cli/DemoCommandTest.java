package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unet demo}: the main job on built-in data. */
class DemoCommandTest {

  /** The demo as a user runs it: default settings must reach the foreground IoU the README promises. */
  @Test
  void defaultDemoReachesValidationIouOf085(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo-out");
    CliRunner.Result result = CliRunner.run("demo", "--out", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("iou").asDouble()).isGreaterThanOrEqualTo(0.85);
    assertThat(metrics.get("dice").asDouble()).isGreaterThanOrEqualTo(metrics.get("iou").asDouble());
    assertThat(result.out()).contains(String.format("validation IoU %.4f", metrics.get("iou").asDouble()));
    // The final masks come from the saved best model with batch norm folded; training validated the live net at
    // that epoch. Both segment the same images, so the IoUs agree to rounding (a broken fold once gave 0.72 here).
    assertThat(metrics.get("iou").asDouble())
        .isCloseTo(bestEpochValidationIou(out.resolve("run/metrics.csv"), metrics.get("best_epoch").asInt()),
            within(5e-4));
  }

  private static double bestEpochValidationIou(Path metricsCsv, int bestEpoch) throws Exception {
    List<String> lines = Files.readAllLines(metricsCsv);
    int column = List.of(lines.get(0).split(",")).indexOf("val_iou");
    assertThat(column).as("val_iou column of %s", metricsCsv).isNotNegative();
    return lines.stream().skip(1).map(line -> line.split(","))
        .filter(cells -> Integer.parseInt(cells[0]) == bestEpoch)
        .mapToDouble(cells -> Double.parseDouble(cells[column]))
        .findFirst().orElseThrow();
  }

  @Test
  void writesMasksOverlaysCurveMetricsAndAModelAndReplacesOnlyItsOwnOutput(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo-out");
    String[] quick = {"demo", "--out", out.toString(), "--epochs", "1", "--iterations-per-epoch", "2"};
    CliRunner.Result first = CliRunner.run(quick);
    assertThat(first.exitCode()).as(first.err()).isZero();
    for (int i = 0; i < 4; i++) {
      String name = String.format("val-%02d.png", i);
      BufferedImage mask = ImageIO.read(out.resolve("masks").resolve(name).toFile());
      BufferedImage overlay = ImageIO.read(out.resolve("overlays").resolve(name).toFile());
      assertThat(mask.getWidth()).isEqualTo(192);
      assertThat(overlay.getHeight()).isEqualTo(192);
    }
    assertThat(ImageIO.read(out.resolve("loss-curve.png").toFile())).isNotNull();
    assertThat(out.resolve("run/model/unet.json")).isRegularFile();
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("iterations").asLong()).isEqualTo(2);
    assertThat(metrics.get("iou").asDouble()).isBetween(0.0, 1.0);

    // Running again replaces the demo's own folder ...
    Files.writeString(out.resolve("masks/stale.png"), "old");
    assertThat(CliRunner.run(quick).exitCode()).isZero();
    assertThat(out.resolve("masks/stale.png")).doesNotExist();

    // ... but never empties a folder it did not write.
    Path foreign = dir.resolve("mine");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    CliRunner.Result refused = CliRunner.run("demo", "--out", foreign.toString(), "--epochs", "1");
    assertThat(refused.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(refused.err()).contains("non-empty folder that a demo did not write");
    assertThat(foreign.resolve("notes.txt")).hasContent("keep me");
  }
}
