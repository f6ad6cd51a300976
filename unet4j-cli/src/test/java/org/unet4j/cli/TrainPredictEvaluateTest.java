package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.image.LabelImage;
import org.unet4j.io.MicroscopyImages;

/**
 * The user's whole path through the command line, in-process: {@code unet train} on annotated images, {@code unet
 * predict} with the run folder it wrote, {@code unet evaluate} of those predictions against the masks.
 */
class TrainPredictEvaluateTest {

  @Test
  void aTrainedRunFolderPredictsMasksThatEvaluateWell(@TempDir Path dir) throws Exception {
    Path data = TinyDatasets.discs(dir.resolve("data"), 4, 48, 11);
    Path run = dir.resolve("run");
    CliRunner.Result train = CliRunner.run("train", "--data", data.toString(), "--val-split", "0.25",
        "--preset", "padded", "--depth", "2", "--base-filters", "8", "--norm", "NONE", "--tile-size", "48",
        "--augment", "flip,rot90", "--optimizer", "adam", "--lr", "3e-3", "--epochs", "2",
        "--iterations-per-epoch", "30", "--seed", "5", "--loader-threads", "1", "--out", run.toString());
    assertThat(train.exitCode()).as(train.err()).isZero();

    Path predictions = dir.resolve("pred");
    CliRunner.Result predict = CliRunner.run("predict", "--model", run.toString(), "--input",
        data.resolve("images").toString(), "--out", predictions.toString());
    assertThat(predict.exitCode()).as(predict.err()).isZero();
    assertThat(predict.out()).contains("[4/4]");
    for (int i = 0; i < 4; i++) {
      LabelImage labels = MicroscopyImages.readLabels(predictions.resolve("labels").resolve("disc-" + i + ".tif"));
      assertThat(labels.height()).isEqualTo(48);
      assertThat(labels.width()).isEqualTo(48);
    }

    Path scores = dir.resolve("scores");
    CliRunner.Result evaluate = CliRunner.run("evaluate", "--pred", predictions.resolve("labels").toString(),
        "--truth", data.resolve("masks").toString(), "--metrics", "pixel", "--out", scores.toString());
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();

    JsonNode summary = new ObjectMapper().readTree(scores.resolve("summary.json").toFile());
    assertThat(summary.get("pixel").get("pooled").get("foregroundIou").asDouble()).isGreaterThan(0.85);
    // disc-3 was held out for validation: the model generalises to it, not only to what it trained on
    List<String> rows = Files.readAllLines(scores.resolve("metrics.csv"), StandardCharsets.UTF_8);
    String heldOut = rows.stream().filter(r -> r.startsWith("disc-3")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(heldOut.split(",")[3])).isGreaterThan(0.8);
  }
}
