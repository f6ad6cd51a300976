package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.metrics.PixelScores;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.PngImages;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;
import org.unet4j.io.dataset.SampleLoader;
import org.unet4j.io.dataset.SamplePair;
import org.unet4j.model.UNetBuilder;

class EvaluateCommandTest {

  @TempDir Path tmp;

  /** Two 6×2 cells (255) in an 8×8 membrane image (0): cells at x 1..2 and x 5..6, rows 1..6. */
  static LabelImage cells() {
    LabelImage mask = LabelImage.zeros(8, 8);
    for (int y = 1; y < 7; y++) {
      for (int x : new int[] {1, 2, 5, 6}) {
        mask.set(y, x, 255);
      }
    }
    return mask;
  }

  /** Interior probability 1 on the cells, except (1,1) at 0.2 (missed) and a false pixel (0,4) at 0.9. */
  static FloatImage nearlyPerfect() {
    LabelImage mask = cells();
    FloatImage p = FloatImage.zeros(1, 8, 8);
    for (int i = 0; i < 64; i++) {
      p.data()[i] = mask.data()[i] != 0 ? 1f : 0f;
    }
    p.set(0, 1, 1, 0.2f);
    p.set(0, 0, 4, 0.9f);
    return p;
  }

  private JsonNode summary(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  @Test
  void scoresAProbabilityMapAgainstAFlatMaskFolderWithEveryMetricGroup() throws IOException {
    Path truth = Files.createDirectories(tmp.resolve("truth"));
    Path pred = Files.createDirectories(tmp.resolve("pred"));
    PngImages.writeLabels(truth.resolve("cells.png"), cells());
    TiffImages.writeFloat(pred.resolve("cells_prob.tif"), nearlyPerfect(), TiffCompression.DEFLATE);
    Path out = tmp.resolve("out");
    CliRunner.Result result = CliRunner.run(
        "evaluate", "--pred", pred.toString(), "--truth", truth.toString(), "--metrics", "all", "--out",
        out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = summary(out);
    assertThat(json.get("images").asInt()).isEqualTo(1);
    assertThat(json.get("layout").asText()).isEqualTo("flat");
    // pixels (probability ≥ 0.5): TP 23, FN 1 (1,1), FP 1 (0,4)
    JsonNode pixel = json.get("pixel").get("pooled");
    assertThat(pixel.get("foregroundIou").asDouble()).isCloseTo(23.0 / 25, within(1e-12));
    assertThat(pixel.get("foregroundDice").asDouble()).isCloseTo(46.0 / 48, within(1e-12));
    assertThat(pixel.get("pixelError").asDouble()).isCloseTo(2.0 / 64, within(1e-12));
    // ISBI: at t = 0 both cells are exact (the false pixel lies on truth membrane): V_rand 1, interior F 48/49
    JsonNode isbi = json.get("isbi").get("pooled");
    assertThat(isbi.get("vRand").asDouble()).isEqualTo(1.0);
    assertThat(isbi.get("vRandThreshold").asDouble()).isZero();
    assertThat(isbi.get("pixelError").asDouble()).isCloseTo(1.0 / 49, within(1e-12));
    assertThat(isbi.get("warpingError").asDouble()).isZero();
    assertThat(json.get("isbi").get("curve")).hasSize(11);
    // instances: cell A (12 px) found as 11 px, cell B exact, one extra 1-px object
    JsonNode instance = json.get("instance").get("pooled");
    assertThat(instance.get("seg").asDouble()).isCloseTo((11.0 / 12 + 1) / 2, within(1e-12));
    JsonNode at50 = instance.get("thresholds").get(0);
    assertThat(at50.get("tp").asInt()).isEqualTo(2);
    assertThat(at50.get("fp").asInt()).isEqualTo(1);
    assertThat(at50.get("ap").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
    List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(csv).hasSize(2);
    assertThat(csv.get(0)).startsWith("image,height_px,width_px,iou_foreground,dice_foreground,pixel_error,v_rand");
    assertThat(csv.get(1)).startsWith("cells.png,8,8,0.920000,0.958333,0.0312500,1.00000,0.00000");
    // no image in a flat folder: truth | prediction | errors, 8 px panels with 4 px gaps
    BufferedImage figure = ImageIO.read(out.resolve("figures").resolve("cells.png").toFile());
    assertThat(figure.getWidth()).isEqualTo(3 * 8 + 4 * 4);
    assertThat(figure.getHeight()).isEqualTo(8 + 2 * 4);
    assertThat(result.out()).contains("IoU (foreground classes)").contains("0.9200").contains("V_rand");
  }

  @Test
  void pairsAPairedDatasetWithLabelPredictionsAndWarnsAboutMissingOnes() throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data.resolve("images"));
    Files.createDirectories(data.resolve("masks"));
    Path pred = Files.createDirectories(tmp.resolve("pred"));
    FloatImage grey = FloatImage.zeros(1, 8, 8);
    for (int i = 0; i < 64; i++) {
      grey.data()[i] = i;
    }
    for (String name : new String[] {"a", "b", "c"}) {
      PngImages.writeLabels(data.resolve("images").resolve(name + ".png"), cells());
      PngImages.writeLabels(data.resolve("masks").resolve(name + "_mask.png"), cells());
    }
    // a: exact; b: the right cell missing; c: no prediction
    PngImages.writeLabels(pred.resolve("a.png"), cells());
    LabelImage half = cells();
    for (int y = 1; y < 7; y++) {
      half.set(y, 5, 0);
      half.set(y, 6, 0);
    }
    PngImages.writeLabels(pred.resolve("b_pred.png"), half);
    Path out = tmp.resolve("out");
    CliRunner.Result result = CliRunner.run(
        "evaluate", "--pred", pred.toString(), "--truth", data.toString(), "--out", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = summary(out);
    assertThat(json.get("images").asInt()).isEqualTo(2);
    assertThat(json.get("layout").asText()).isEqualTo("paired");
    assertThat(json.get("metrics").toString()).isEqualTo("[\"pixel\"]");
    // pooled: TP 24 + 12, FN 12 → IoU 36/48; per image 1 and 0.5 → mean 0.75 as well
    assertThat(json.get("pixel").get("pooled").get("foregroundIou").asDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(json.get("pixel").get("meanOverImages").get("foregroundIou").asDouble()).isCloseTo(0.75, within(1e-12));
    assertThat(json.get("warnings").toString()).contains("c.png");
    assertThat(result.out()).contains("warning: 1 truth item(s) have no prediction");
    BufferedImage figure = ImageIO.read(out.resolve("figures").resolve("b.png").toFile());
    assertThat(figure.getWidth()).as("image | truth | prediction | errors").isEqualTo(4 * 8 + 5 * 4);
  }

  @Test
  void badInputsExitWithTwoAndSayWhatIsWrong() throws IOException {
    Path truth = Files.createDirectories(tmp.resolve("truth"));
    Path pred = Files.createDirectories(tmp.resolve("pred"));
    PngImages.writeLabels(truth.resolve("cells.png"), cells());
    String out = tmp.resolve("out").toString();

    PngImages.writeLabels(pred.resolve("other.png"), cells());
    CliRunner.Result noPairs = CliRunner.run(
        "evaluate", "--pred", pred.toString(), "--truth", truth.toString(), "--out", out);
    assertThat(noPairs.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(noPairs.err()).contains("no prediction in").contains("predictions found: other");
    Files.delete(pred.resolve("other.png"));

    TiffImages.writeFloat(pred.resolve("cells.tif"), FloatImage.zeros(1, 4, 4), TiffCompression.NONE);
    CliRunner.Result size = CliRunner.run(
        "evaluate", "--pred", pred.toString(), "--truth", truth.toString(), "--out", out);
    assertThat(size.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(size.err()).contains("is 4×4 but the truth of cells.png is 8×8");

    FloatImage tooLarge = nearlyPerfect();
    tooLarge.set(0, 3, 3, 3f);
    TiffImages.writeFloat(pred.resolve("cells.tif"), tooLarge, TiffCompression.NONE);
    CliRunner.Result range = CliRunner.run(
        "evaluate", "--pred", pred.toString(), "--truth", truth.toString(), "--out", out);
    assertThat(range.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(range.err()).contains("has values from 0.0 to 3.0").contains("probabilities in [0, 1]");

    CliRunner.Result both = CliRunner.run(
        "evaluate", "--pred", pred.toString(), "--model", truth.toString(), "--out", out);
    assertThat(both.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(both.err()).contains("give either --pred DIR --truth DIR");

    CliRunner.Result metrics = CliRunner.run(
        "evaluate", "--pred", pred.toString(), "--truth", truth.toString(), "--metrics", "pixel,dice", "--out", out);
    assertThat(metrics.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(metrics.err()).contains("--metrics has 'dice'");

    CliRunner.Result noOut = CliRunner.run("evaluate", "--pred", pred.toString());
    assertThat(noOut.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(Files.exists(tmp.resolve("out").resolve("summary.json"))).as("nothing written on bad input").isFalse();
  }

  @Test
  void predictsWithAModelBundleAndScoresLikeTheSegmenterDoes() throws IOException {
    UNetConfig config = new UNetConfig(1, 2, 1, 2, Padding.SAME, Norm.NONE, Upsampling.UPCONV, 0.0);
    Path bundle = tmp.resolve("model");
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = UNetBuilder.build(config);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 16, 16));
      ModelBundle.save(bundle, config, block, Map.of());
    }
    Path data = tmp.resolve("data");
    Files.createDirectories(data.resolve("images"));
    Files.createDirectories(data.resolve("masks"));
    for (int k = 0; k < 2; k++) {
      LabelImage image = LabelImage.zeros(16, 16);
      LabelImage mask = LabelImage.zeros(16, 16);
      for (int i = 0; i < 256; i++) {
        image.data()[i] = (i * (7 + k)) % 251;
        mask.data()[i] = (i % 16) < 8 + k ? 255 : 0;
      }
      PngImages.writeLabels(data.resolve("images").resolve("s" + k + ".png"), image);
      PngImages.writeLabels(data.resolve("masks").resolve("s" + k + ".png"), mask);
    }
    Path out = tmp.resolve("out");
    CliRunner.Result result = CliRunner.run(
        "evaluate", "--model", bundle.toString(), "--data", data.toString(), "--device", "cpu",
        "--save-predictions", "--no-figures", "--out", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = summary(out);
    assertThat(json.get("images").asInt()).isEqualTo(2);
    assertThat(json.get("pixel").get("classes").asInt()).isEqualTo(2);
    assertThat(MicroscopyImages.pageCount(out.resolve("predictions").resolve("s0.tif"))).isEqualTo(2);
    assertThat(Files.exists(out.resolve("figures"))).isFalse();
    // independent path: the same loader and segmenter, scored directly
    ConfusionCounts pooled = new ConfusionCounts(2);
    try (NDManager manager = NDManager.newBaseManager()) {
      Segmenter segmenter = new Segmenter(ModelBundle.load(bundle, manager), config, manager);
      for (int k = 0; k < 2; k++) {
        SamplePair pair = new SamplePair(
            data.resolve("images").resolve("s" + k + ".png"), data.resolve("masks").resolve("s" + k + ".png"), 0);
        var sample = SampleLoader.defaults().load(pair);
        pooled.add(sample.mask(), segmenter.predictLabels(sample.image()));
      }
    }
    JsonNode iou = json.get("pixel").get("pooled").get("foregroundIou");
    double expected = PixelScores.of(pooled).foregroundIou();
    if (Double.isNaN(expected)) {
      assertThat(iou.isNull()).isTrue();
    } else {
      assertThat(iou.asDouble()).isCloseTo(expected, within(1e-12));
    }
    assertThat(json.get("pixel").get("pooled").get("pixelError").asDouble())
        .isCloseTo(pooled.pixelError(), within(1e-12));
  }
}
