package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.infer.ClassDecision;
import org.unet4j.infer.InferenceOptions;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.ChannelSelection;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.Normalization;
import org.unet4j.io.PngImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImageSink;
import org.unet4j.io.TiffImages;

class PredictCommandTest {

  /** Depth 2, 4 filters, VALID: margin 20 px, valid inputs n ≡ 0 (mod 4), n ≥ 44. */
  static final UNetConfig TINY = new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);

  @TempDir static Path tmp;
  static Path runDir;
  static Path images;
  static NDManager manager;
  static Block block;

  @BeforeAll
  static void saveTinyModelAndImages() throws IOException {
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed(3);
    block = org.unet4j.model.UNetBuilder.build(TINY);
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 44, 44));
    runDir = tmp.resolve("run");
    ModelBundle.save(runDir.resolve("model"), TINY, block, Map.of("source", "test"));
    images = Files.createDirectories(tmp.resolve("images"));
    PngImages.write(images.resolve("cells.png"), blobs(70, 90, 255, 1, SampleType.UINT8));
    TiffImages.write(images.resolve("deep.tif"), blobs(55, 61, 40_000, 2, SampleType.UINT16), TiffCompression.LZW);
    TiffImages.writeStack(images.resolve("stack.tif"), List.of(blobs(40, 50, 200, 3, SampleType.UINT8),
        blobs(40, 50, 200, 4, SampleType.UINT8), blobs(40, 50, 200, 5, SampleType.UINT8)), TiffCompression.NONE);
  }

  @AfterAll
  static void closeManager() {
    manager.close();
  }

  /** Bright discs on a noisy background, integer values up to {@code max}. */
  static RawImage blobs(int height, int width, int max, long seed, SampleType type) {
    Random random = new Random(seed);
    FloatImage image = FloatImage.zeros(1, height, width);
    double cy = random.nextInt(height);
    double cx = random.nextInt(width);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean inside = Math.hypot(y - cy, x - cx) < 12 || Math.hypot(y - height / 2.0, x - 10) < 8;
        double v = (inside ? 0.7 : 0.2) * max + random.nextGaussian() * 0.05 * max;
        image.set(0, y, x, (float) Math.max(0, Math.min(max, Math.round(v))));
      }
    }
    return new RawImage(image, type);
  }

  /** What the command must produce for an image: the tiled net on the percentile-normalised grey image. */
  static FloatImage expectedProbabilities(Path file, int page) throws IOException {
    FloatImage raw = MicroscopyImages.read(file, page).pixels();
    FloatImage input = Normalization.percentile().apply(new ChannelSelection.Grey().apply(raw));
    return new Segmenter(block, TINY, manager, InferenceOptions.defaults().withTileSizePx(60))
        .predictProbabilities(input);
  }

  static FloatImage readProbabilities(Path file) throws IOException {
    int pages = MicroscopyImages.pageCount(file);
    FloatImage first = MicroscopyImages.read(file, 0).pixels();
    FloatImage all = FloatImage.zeros(pages, first.height(), first.width());
    for (int k = 0; k < pages; k++) {
      RawImage page = MicroscopyImages.read(file, k);
      assertThat(page.sampleType()).isEqualTo(SampleType.FLOAT32);
      System.arraycopy(page.pixels().data(), 0, all.data(), k * all.planeSize(), all.planeSize());
    }
    return all;
  }

  @Test
  void predictsEveryImageAndPageOfAFolderFromARunFolder() throws IOException {
    Path out = tmp.resolve("out-folder");
    CliRunner.Result result =
        CliRunner.run("predict", "--model", runDir.toString(), "--input", images.toString(), "--out",
            out.toString(), "--tile-size", "60", "--instances", "--min-size-px", "5");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("[1/5]").contains("[5/5]").contains("stack.tif (page 2)");
    for (String name : List.of("cells", "deep", "stack_z000", "stack_z001", "stack_z002")) {
      for (String file : List.of("probabilities/" + name + ".tif", "labels/" + name + ".tif",
          "instances/" + name + ".tif", "overlays/" + name + ".png")) {
        assertThat(out.resolve(file)).as(file).isRegularFile();
      }
    }
    // no temporary files left behind
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }

    for (String[] c : new String[][] {{"cells.png", "0", "cells"}, {"deep.tif", "0", "deep"},
        {"stack.tif", "2", "stack_z002"}}) {
      FloatImage expected = expectedProbabilities(images.resolve(c[0]), Integer.parseInt(c[1]));
      FloatImage probabilities = readProbabilities(out.resolve("probabilities/" + c[2] + ".tif"));
      assertThat(probabilities).as(c[0]).isEqualTo(expected); // float32 written and read back bit for bit
      LabelImage labels = MicroscopyImages.readLabels(out.resolve("labels/" + c[2] + ".tif"));
      assertThat(labels).isEqualTo(ClassDecision.argmax(expected));
      LabelImage instances = MicroscopyImages.readLabels(out.resolve("instances/" + c[2] + ".tif"));
      int[] sizes = ConnectedComponents.sizesPx(instances);
      for (int i = 0; i < labels.data().length; i++) {
        assertThat(instances.data()[i] == 0 || labels.data()[i] == 1).isTrue(); // instances lie on foreground
      }
      for (int l = 1; l < sizes.length; l++) {
        assertThat(sizes[l]).isGreaterThanOrEqualTo(5);
      }
      // every instance is one 4-connected piece
      assertThat(ConnectedComponents.splitInstances(instances, org.unet4j.core.weights.Connectivity.FOUR).maxLabel())
          .isEqualTo(instances.maxLabel());
    }
  }

  @Test
  void thresholdAndPngLabels() throws IOException {
    Path out = tmp.resolve("out-threshold");
    Path cells = images.resolve("cells.png");
    CliRunner.Result result = CliRunner.run("predict", "--model", runDir.resolve("model").toString(),
        "--input", cells.toString(), "--out", out.toString(), "--tile-size", "60", "--threshold", "0.3",
        "--label-format", "png", "--no-overlay");
    assertThat(result.exitCode()).as(result.err()).isZero();
    LabelImage labels = MicroscopyImages.readLabels(out.resolve("labels/cells.png"));
    assertThat(labels).isEqualTo(ClassDecision.threshold(expectedProbabilities(cells, 0), 0.3f));
    assertThat(out.resolve("overlays")).doesNotExist();
  }

  @Test
  void aBrokenInputIsReportedAndTheOthersAreStillPredicted() throws IOException {
    Path mixed = Files.createDirectories(tmp.resolve("mixed"));
    Files.copy(images.resolve("cells.png"), mixed.resolve("a-cells.png"));
    Files.write(mixed.resolve("b-broken.tif"), new byte[] {'I', 'I', 42, 0, 1, 2, 3});
    Files.copy(images.resolve("deep.tif"), mixed.resolve("c-deep.tif"));
    Path out = tmp.resolve("out-mixed");
    CliRunner.Result result = CliRunner.run("predict", "--model", runDir.toString(), "--input",
        mixed.toString(), mixed.resolve("missing.tif").toString(), "--out", out.toString(), "--tile-size", "60");
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("b-broken.tif").contains("missing.tif").contains("no such input file")
        .contains("2 of 4 input(s) failed");
    assertThat(out.resolve("labels/a-cells.tif")).isRegularFile();
    assertThat(out.resolve("labels/c-deep.tif")).isRegularFile();
    assertThat(out.resolve("labels/b-broken.tif")).doesNotExist();
  }

  @Test
  void sameNamesFromTwoFoldersAreRefusedRatherThanOverwritten() throws IOException {
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.copy(images.resolve("deep.tif"), other.resolve("cells.tif"));
    CliRunner.Result result = CliRunner.run("predict", "--model", runDir.toString(), "--input",
        images.resolve("cells.png").toString(), other.resolve("cells.tif").toString(), "--out",
        tmp.resolve("out-names").toString(), "--tile-size", "60");
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("would overwrite those of").contains("same name 'cells'");
  }

  @Test
  void badUsageExitsWithTwoAndSaysWhatToFix() {
    String input = images.resolve("cells.png").toString();
    String outDir = tmp.resolve("out-bad").toString();
    CliRunner.Result noBundle = CliRunner.run("predict", "--model", images.toString(), "--input", input,
        "--out", outDir);
    assertThat(noBundle.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(noBundle.err()).contains("neither was found");
    CliRunner.Result badTile = CliRunner.run("predict", "--model", runDir.toString(), "--input", input,
        "--out", outDir, "--tile-size", "50");
    assertThat(badTile.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(badTile.err()).contains("50 is not a valid input for depth 2").contains("use 48 or 52");
    CliRunner.Result badThreshold = CliRunner.run("predict", "--model", runDir.toString(), "--input",
        input, "--out", outDir, "--threshold", "2");
    assertThat(badThreshold.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(badThreshold.err()).contains("--threshold is 2.0; use a probability in (0, 1]");
    CliRunner.Result missing = CliRunner.run("predict", "--input", input, "--out", outDir);
    assertThat(missing.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(missing.err()).contains("--model");
  }

  @Test
  void anImageLargerThanTheInMemoryLimitStreamsProbabilitiesAndLabelsAndSkipsTheRest() throws IOException {
    // a 803×701 16-bit TIFF written strip by strip; the in-memory limit is set below its size
    Path big = tmp.resolve("big.tif");
    Random random = new Random(8);
    try (TiffImageSink sink = TiffImageSink.create(big, 1, 803, 701, SampleType.UINT16, 0)) {
      float[] row = new float[701];
      for (int y = 0; y < 803; y++) {
        for (int x = 0; x < 701; x++) {
          row[x] = (float) Math.round(30_000 + 20_000 * Math.sin(y * 0.05) * Math.cos(x * 0.04)
              + random.nextGaussian() * 500);
        }
        sink.write(y, 0, 1, 701, row);
      }
      sink.finish();
    }
    Path out = tmp.resolve("out-big");
    Segmenter segmenter = new Segmenter(block, TINY, manager, InferenceOptions.defaults().withTileSizePx(252));
    PredictionInput input = new PredictionInput(big, 0, "big");
    ImagePrediction.Result result = new ImagePrediction(segmenter,
        new PredictionOutputs(out, null, false, 10, "tif", true, 100_000)).run(input, (d, t) -> {});
    assertThat(result.notes()).singleElement().asString().contains("the overlay").contains("skipped it");
    assertThat(out.resolve("overlays")).doesNotExist();
    assertThat(result.plan().size()).isEqualTo(4 * 4);
    FloatImage expected = new Segmenter(block, TINY, manager, InferenceOptions.defaults().withTileSizePx(844))
        .predictProbabilities(Normalization.percentile().apply(MicroscopyImages.read(big).pixels()));
    FloatImage streamed = readProbabilities(out.resolve("probabilities/big.tif"));
    double max = 0;
    for (int i = 0; i < expected.data().length; i++) {
      max = Math.max(max, Math.abs(expected.data()[i] - streamed.data()[i]));
    }
    assertThat(max).isLessThan(1e-5); // 16 tiles vs one whole-image pass
    assertThat(MicroscopyImages.readLabels(out.resolve("labels/big.tif"))).isEqualTo(ClassDecision.argmax(streamed));

    assertThatThrownBy(() -> new ImagePrediction(segmenter,
        new PredictionOutputs(out, null, true, 10, "tif", false, 100_000)).run(input, (d, t) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("803×701 px is larger than the 100000 px that --instances can hold");
  }
}
