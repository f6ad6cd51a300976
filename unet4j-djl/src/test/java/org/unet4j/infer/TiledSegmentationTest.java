package org.unet4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.RegionReader;
import org.unet4j.core.image.RegionWriter;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.core.tiling.DihedralTransform;
import org.unet4j.core.tiling.MergeRule;
import org.unet4j.core.tiling.MirrorIndex;
import org.unet4j.core.tiling.TilePlan;
import org.unet4j.core.tiling.TileProgress;
import org.unet4j.model.UNetBuilder;

/** Overlap-tile inference with real (tiny) DJL U-Nets against one pass over the whole mirrored image. */
class TiledSegmentationTest {

  /** Depth 2 (margin 20 px, pooling stride 4), 4 filters: valid inputs n ≡ 0 (mod 4), n ≥ 44. */
  static final UNetConfig VALID_TINY = new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);
  /** Depth 3 (margin 44 px, stride 8), 3 channels in, 3 classes. */
  static final UNetConfig VALID_RGB_DEPTH3 =
      new UNetConfig(3, 3, 3, 3, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.0);
  static final UNetConfig VALID_BILINEAR_DEPTH3 =
      new UNetConfig(3, 3, 3, 3, Padding.VALID, Norm.NONE, Upsampling.BILINEAR, 0.0);
  static final UNetConfig SAME_TINY = new UNetConfig(1, 2, 2, 4, Padding.SAME, Norm.NONE, Upsampling.UPCONV, 0.0);

  static NDManager manager;

  @BeforeAll
  static void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void closeManager() {
    manager.close();
  }

  static Block build(UNetConfig config, int seed) {
    Engine.getInstance().setRandomSeed(seed);
    Block block = UNetBuilder.build(config);
    int n = config.geometry().minimumInput();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, config.inChannels(), n, n));
    return block;
  }

  /** A smooth image with texture, so that every output depends on its context. */
  static FloatImage texture(int channels, int height, int width, long seed) {
    Random random = new Random(seed);
    FloatImage image = FloatImage.zeros(channels, height, width);
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          image.set(c, y, x, (float) (Math.sin(0.11 * y + c) * Math.cos(0.07 * x) + 0.3 * random.nextGaussian()));
        }
      }
    }
    return image;
  }

  /**
   * The reference, written independently of the tiling code: mirror-pad the whole image by the margin on the
   * top/left and up to the next valid size on the bottom/right, run the net once, crop, softmax.
   */
  static FloatImage wholeImagePass(Block block, UNetConfig config, FloatImage image) {
    return wholeImagePassOnCanvas(block, config, image, config.geometry().inputSizeFor(image.height()),
        config.geometry().inputSizeFor(image.width()));
  }

  /** As {@link #wholeImagePass} on a mirrored canvas of {@code inH × inW} px starting at (−margin, −margin). */
  static FloatImage wholeImagePassOnCanvas(Block block, UNetConfig config, FloatImage image, int inH, int inW) {
    int margin = config.geometry().marginPx();
    float[] canvas = new float[image.channels() * inH * inW];
    for (int c = 0; c < image.channels(); c++) {
      for (int y = 0; y < inH; y++) {
        for (int x = 0; x < inW; x++) {
          canvas[(c * inH + y) * inW + x] = image.get(c, MirrorIndex.reflect(y - margin, image.height()),
              MirrorIndex.reflect(x - margin, image.width()));
        }
      }
    }
    try (NDManager sub = manager.newSubManager()) {
      NDArray input = sub.create(canvas, new Shape(1, image.channels(), inH, inW));
      NDArray p = block.forward(new ParameterStore(sub, false), new NDList(input), false).singletonOrThrow()
          .softmax(1);
      int outH = (int) p.getShape().get(2);
      int outW = (int) p.getShape().get(3);
      float[] out = p.toFloatArray();
      FloatImage result = FloatImage.zeros(config.numClasses(), image.height(), image.width());
      for (int k = 0; k < config.numClasses(); k++) {
        for (int y = 0; y < image.height(); y++) {
          for (int x = 0; x < image.width(); x++) {
            result.set(k, y, x, out[(k * outH + y) * outW + x]);
          }
        }
      }
      return result;
    }
  }

  static double maxAbsDifference(FloatImage a, FloatImage b) {
    assertThat(b.channels()).isEqualTo(a.channels());
    assertThat(b.height()).isEqualTo(a.height());
    assertThat(b.width()).isEqualTo(a.width());
    double max = 0;
    for (int i = 0; i < a.data().length; i++) {
      max = Math.max(max, Math.abs(a.data()[i] - b.data()[i]));
    }
    return max;
  }

  static Segmenter segmenter(Block block, UNetConfig config, int tilePx, int batch) {
    return new Segmenter(block, config, manager, InferenceOptions.defaults().withTileSizePx(tilePx)
        .withBatchSize(batch));
  }

  @ParameterizedTest(name = "image {0}×{1}, tile {2}, batch {3}")
  @CsvSource({
    "301, 517, 100, 4", "301, 517, 172, 1", "301, 517, 252, 3",
    "7, 13, 100, 1", "1, 1, 48, 1", "40, 33, 100, 1", "17, 300, 100, 2"})
  void validTilesEqualOneWholeImagePassUpToFloatRounding(int height, int width, int tilePx, int batch) {
    Block block = build(VALID_TINY, 1);
    FloatImage image = texture(1, height, width, height * 31L + width);
    FloatImage whole = wholeImagePass(block, VALID_TINY, image);
    Segmenter tiled = segmenter(block, VALID_TINY, tilePx, batch);
    TilePlan plan = tiled.plan(height, width);
    FloatImage result = tiled.predictProbabilities(image);
    // oneDNN may sum in another order on other tile shapes: a few float ulps of a probability in [0, 1]
    assertThat(maxAbsDifference(whole, result)).as(plan.size() + " tiles").isLessThan(1e-5);
    if (plan.size() == 1) {
      assertThat(result).isEqualTo(whole); // the same single pass: bit for bit
    }
  }

  @Test
  void validTilesOfAThreeChannelDepthThreeNetEqualTheWholeImagePass() {
    Block block = build(VALID_RGB_DEPTH3, 2);
    FloatImage image = texture(3, 211, 157, 5);
    FloatImage whole = wholeImagePass(block, VALID_RGB_DEPTH3, image);
    for (int tile : new int[] {132, 172, 204}) {
      Segmenter tiled = segmenter(block, VALID_RGB_DEPTH3, tile, 2);
      assertThat(tiled.plan(211, 157).size()).isGreaterThan(1);
      assertThat(maxAbsDifference(whole, tiled.predictProbabilities(image))).isLessThan(1e-5);
    }
  }

  @Test
  void validTilesOfABilinearNetStayWithinTheStatedSeamBound() {
    // bilinear up-sampling clamps at feature-map edges, so this net is not exactly tileable; measured max 0.0011,
    // mean 1.6e-5 with centred kept pixels (0.004 / 3.6e-5 when tiles kept the first stride of their output)
    Block block = build(VALID_BILINEAR_DEPTH3, 2);
    FloatImage image = texture(3, 211, 157, 5);
    FloatImage whole = wholeImagePass(block, VALID_BILINEAR_DEPTH3, image);
    FloatImage tiled = segmenter(block, VALID_BILINEAR_DEPTH3, 132, 2).predictProbabilities(image);
    assertThat(maxAbsDifference(whole, tiled)).isLessThan(0.002);
    assertThat(meanAbsDifference(whole, tiled)).isLessThan(3e-5);
  }

  @Test
  void sameTilesBlendedWithinTheStatedSeamBound() {
    // A SAME net sees zero padding at tile edges where one pass over the canvas sees real context. The reference is
    // one pass over the same mirrored canvas the tiles cover, so only the seams differ. Measured for this tiny
    // random net (depth 2, receptive-field radius 20 px), 220×220, 96-px tiles, default overlap 40 px: Gaussian max
    // |Δp| 0.027, mean 0.0007; linear ramp max 0.16, mean 0.0076 (it weights pixels near tile edges more); without
    // overlap max 0.56. Bounds below: those numbers with 50–80 % slack.
    Block block = build(SAME_TINY, 3);
    FloatImage image = texture(1, 220, 220, 9);
    double[][] bounds = {{0.05, 0.0012}, {0.25, 0.012}};
    MergeRule[] rules = {MergeRule.GAUSSIAN, MergeRule.LINEAR_RAMP};
    for (int r = 0; r < 2; r++) {
      Segmenter tiled = new Segmenter(block, SAME_TINY, manager,
          InferenceOptions.defaults().withTileSizePx(96).withBlend(rules[r]));
      TilePlan plan = tiled.plan(220, 220);
      assertThat(plan.overlapPx()).isEqualTo(40);
      FloatImage whole = wholeImagePassOnCanvas(block, SAME_TINY, image, canvasEnd(plan, true),
          canvasEnd(plan, false));
      FloatImage result = tiled.predictProbabilities(image);
      assertThat(maxAbsDifference(whole, result)).as(rules[r].name()).isLessThan(bounds[r][0]);
      assertThat(meanAbsDifference(whole, result)).as(rules[r].name()).isLessThan(bounds[r][1]);
    }
    Segmenter noOverlap = new Segmenter(block, SAME_TINY, manager,
        InferenceOptions.defaults().withTileSizePx(96).withOverlapPx(0));
    TilePlan plan = noOverlap.plan(220, 220);
    FloatImage whole = wholeImagePassOnCanvas(block, SAME_TINY, image, canvasEnd(plan, true), canvasEnd(plan, false));
    assertThat(maxAbsDifference(whole, noOverlap.predictProbabilities(image))).isGreaterThan(0.2);
  }

  static int canvasEnd(TilePlan plan, boolean rows) {
    org.unet4j.core.tiling.Tile last = plan.tiles().get(plan.size() - 1);
    return rows ? last.input().y1() : last.input().x1();
  }

  static double meanAbsDifference(FloatImage a, FloatImage b) {
    double sum = 0;
    for (int i = 0; i < a.data().length; i++) {
      sum += Math.abs(a.data()[i] - b.data()[i]);
    }
    return sum / a.data().length;
  }

  @Test
  void testTimeAugmentationAveragesThePredictionsOfTheFlippedImages() {
    // 44 + 2·20 = 84 and 64 + 40 = 104 are valid inputs, so a flipped image keeps the pooling grid and the two
    // whole-image passes below are exactly what the flipped tiles compute.
    Block block = build(VALID_TINY, 4);
    FloatImage image = texture(1, 44, 64, 13);
    Segmenter plain = segmenter(block, VALID_TINY, 0, 1);
    FloatImage direct = plain.predictProbabilities(image);
    FloatImage flippedBack = flipX(plain.predictProbabilities(flipX(image)));
    FloatImage tta = new Segmenter(block, VALID_TINY, manager, InferenceOptions.defaults().withTtaVariants(2))
        .predictProbabilities(image);
    FloatImage expected = FloatImage.zeros(2, 44, 64);
    for (int i = 0; i < expected.data().length; i++) {
      expected.data()[i] = (direct.data()[i] + flippedBack.data()[i]) / 2;
    }
    assertThat(maxAbsDifference(expected, tta)).isLessThan(2e-6);
    assertThat(maxAbsDifference(direct, tta)).isGreaterThan(1e-4); // the net is not flip invariant
  }

  static FloatImage flipX(FloatImage image) {
    float[] data = DihedralTransform.FLIP_X.apply(image.data(), image.channels(), image.height(), image.width());
    return new FloatImage(image.channels(), image.height(), image.width(), data);
  }

  @Test
  void streamingReadsAndWritesNoRegionLargerThanATileAndEqualsTheWholeImagePass() throws IOException {
    Block block = build(VALID_TINY, 5);
    FloatImage image = texture(1, 330, 300, 17);
    Segmenter tiled = segmenter(block, VALID_TINY, 100, 2);
    FloatImage streamed = FloatImage.zeros(2, 330, 300);
    long[] largest = new long[2];
    RegionReader reader = (y0, x0, h, w, dst) -> {
      largest[0] = Math.max(largest[0], (long) h * w);
      RegionReader.of(image).read(y0, x0, h, w, dst);
    };
    RegionWriter writer = (y0, x0, h, w, values) -> {
      largest[1] = Math.max(largest[1], (long) h * w);
      RegionWriter.into(streamed).write(y0, x0, h, w, values);
    };
    int[] tilesDone = {0};
    tiled.predict(reader, 330, 300, writer, (done, total) -> tilesDone[0] = done);
    assertThat(maxAbsDifference(wholeImagePass(block, VALID_TINY, image), streamed)).isLessThan(1e-5);
    assertThat(tilesDone[0]).isEqualTo(tiled.plan(330, 300).size()).isEqualTo(6 * 5);
    assertThat(largest[0]).isLessThanOrEqualTo(100 * 100);
    assertThat(largest[1]).isLessThanOrEqualTo(60 * 60); // the 100-px tiles' 60-px outputs
  }
}
