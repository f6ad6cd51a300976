package org.unet4j.core.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.RegionReader;
import org.unet4j.core.image.RegionWriter;
import org.unet4j.core.model.Padding;

class TiledRunnerTest {

  /** Channel 0 holds y, channel 1 holds x: every output pixel says where it came from (exact in float). */
  static FloatImage coordinates(int height, int width) {
    FloatImage image = FloatImage.zeros(2, height, width);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.set(0, y, x, y);
        image.set(1, y, x, x);
      }
    }
    return image;
  }

  static FloatImage smallIntegers(int channels, int height, int width, long seed) {
    Random random = new Random(seed);
    FloatImage image = FloatImage.zeros(channels, height, width);
    for (int i = 0; i < image.data().length; i++) {
      image.data()[i] = random.nextInt(8);
    }
    return image;
  }

  /** Counts how often each pixel is written, and writes into an image. */
  static final class CountingWriter implements RegionWriter {
    final FloatImage result;
    final int[] writes;
    final List<int[]> regions = new ArrayList<>();

    CountingWriter(int channels, int height, int width) {
      result = FloatImage.zeros(channels, height, width);
      writes = new int[height * width];
    }

    @Override
    public void write(int y0, int x0, int height, int width, float[] values) throws IOException {
      RegionWriter.into(result).write(y0, x0, height, width, values);
      regions.add(new int[] {y0, x0, height, width});
      for (int y = y0; y < y0 + height; y++) {
        for (int x = x0; x < x0 + width; x++) {
          writes[y * result.width() + x]++;
        }
      }
    }

    void assertEveryPixelWrittenOnce() {
      for (int i = 0; i < writes.length; i++) {
        if (writes[i] != 1) {
          throw new AssertionError("pixel (" + i / result.width() + ", " + i % result.width() + ") was written "
              + writes[i] + " times");
        }
      }
    }
  }

  static CountingWriter run(TilePlan plan, FloatImage image, TileModel model, int batch) throws IOException {
    CountingWriter writer = new CountingWriter(model.outChannels(), image.height(), image.width());
    new TiledRunner(model, batch).run(plan, RegionReader.of(image), writer, TileProgress.NONE);
    return writer;
  }

  /** Reference: the window filter applied once over the whole image with mirrored borders, by brute force. */
  static FloatImage wholeImageWindow(FloatImage image, int radius) {
    FloatImage out = FloatImage.zeros(image.channels(), image.height(), image.width());
    for (int c = 0; c < image.channels(); c++) {
      for (int y = 0; y < image.height(); y++) {
        for (int x = 0; x < image.width(); x++) {
          float sum = 0;
          for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
              sum += FakeTileModels.weight(dy, dx)
                  * image.get(c, MirrorIndex.reflect(y + dy, image.height()), MirrorIndex.reflect(x + dx, image.width()));
            }
          }
          out.set(c, y, x, sum);
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "depth {0}, image {1}×{2}, tile {3}, batch {4}")
  @CsvSource({
    "1, 301, 517, 20, 1", "1, 301, 517, 36, 4", "2, 301, 517, 60, 3", "2, 301, 517, 124, 64", "3, 97, 203, 140, 2",
    "2, 1, 1, 60, 1", "2, 7, 13, 60, 1", "2, 13, 400, 60, 5", "4, 3, 2, 204, 1", "4, 200, 17, 204, 2"})
  void centreCropModelReproducesTheImageWithEveryPixelWrittenOnce(
      int depth, int height, int width, int tilePx, int batch) throws IOException {
    UNetGeometry geometry = new UNetGeometry(depth, Padding.VALID);
    FloatImage image = coordinates(height, width);
    TilePlan plan = new TilePlanner(geometry).aligned(height, width, tilePx);
    CountingWriter writer = run(plan, image, FakeTileModels.centreCrop(geometry, 2), batch);
    writer.assertEveryPixelWrittenOnce();
    assertThat(writer.result).isEqualTo(image);
  }

  @ParameterizedTest(name = "depth {0}, image {1}×{2}, tile {3}")
  @CsvSource({"1, 61, 83, 20", "1, 61, 83, 28", "2, 71, 53, 60", "2, 71, 53, 68", "2, 5, 3, 60", "2, 1, 9, 84"})
  void aWindowFilterWithinTheMarginEqualsOneWholeImagePassExactly(int depth, int height, int width, int tilePx)
      throws IOException {
    UNetGeometry geometry = new UNetGeometry(depth, Padding.VALID);
    int radius = geometry.marginPx();
    FloatImage image = smallIntegers(1, height, width, 7);
    TilePlan plan = new TilePlanner(geometry).aligned(height, width, tilePx);
    CountingWriter writer = run(plan, image, FakeTileModels.asymmetricWindow(geometry, 1, radius), 2);
    writer.assertEveryPixelWrittenOnce();
    assertThat(writer.result).isEqualTo(wholeImageWindow(image, radius));
  }

  @Test
  void batchesThatRunOutOfMemoryAreSplitAndTheResultIsUnchanged() throws IOException {
    UNetGeometry geometry = new UNetGeometry(2, Padding.VALID);
    TileModel inner = FakeTileModels.centreCrop(geometry, 2);
    List<Integer> batchSizes = new ArrayList<>();
    TileModel smallMemory = FakeTileModels.of(2, inner.marginPx(), (tiles, count, heightPx, widthPx) -> {
      batchSizes.add(count);
      if (count > 2) {
        throw new TileMemoryException("fake: out of memory for " + count + " tiles", null);
      }
      return inner.predict(tiles, count, heightPx, widthPx);
    });
    FloatImage image = coordinates(150, 170);
    TilePlan plan = new TilePlanner(geometry).aligned(150, 170, 60);
    CountingWriter writer = run(plan, image, smallMemory, 5);
    writer.assertEveryPixelWrittenOnce();
    assertThat(writer.result).isEqualTo(image);
    assertThat(batchSizes.subList(0, 3)).containsExactly(5, 2, 3);
    // after the first failure the runner stays at the size that fitted
    assertThat(batchSizes.subList(5, batchSizes.size())).allMatch(n -> n <= 2);
  }

  @Test
  void aSingleTileThatDoesNotFitAsksForASmallerTile() {
    UNetGeometry geometry = new UNetGeometry(2, Padding.VALID);
    TileModel inner = FakeTileModels.centreCrop(geometry, 2);
    TileModel noMemory = FakeTileModels.of(2, inner.marginPx(), (tiles, count, heightPx, widthPx) -> {
      throw new TileMemoryException("fake: out of memory", null);
    });
    TilePlan plan = new TilePlanner(geometry).aligned(150, 170, 60);
    assertThatThrownBy(() -> run(plan, coordinates(150, 170), noMemory, 2))
        .isInstanceOf(TileMemoryException.class)
        .hasMessageContaining("one 60×60-px tile does not fit in memory; use a smaller tile size");
  }

  @Test
  void aModelOfAnotherMarginIsRejected() {
    TilePlan plan = new TilePlanner(new UNetGeometry(2, Padding.VALID)).aligned(50, 50, 60);
    TileModel other = FakeTileModels.centreCrop(new UNetGeometry(1, Padding.VALID), 2);
    assertThatThrownBy(() -> run(plan, coordinates(50, 50), other, 1))
        .hasMessageContaining("20-px margin but the model loses 8 px per side");
  }

  @Test
  void blendingAnIdentityModelReproducesTheImageAndWritesEachPixelOnceInRowBands() throws IOException {
    UNetGeometry geometry = new UNetGeometry(2, Padding.SAME);
    FloatImage image = coordinates(150, 230);
    for (MergeRule rule : new MergeRule[] {MergeRule.GAUSSIAN, MergeRule.LINEAR_RAMP}) {
      TilePlan plan = new TilePlanner(geometry).blended(150, 230, 64, 16, rule);
      assertThat(plan.rows()).isEqualTo(3);
      CountingWriter writer = run(plan, image, FakeTileModels.centreCrop(geometry, 2), 3);
      writer.assertEveryPixelWrittenOnce();
      for (int i = 0; i < image.data().length; i++) {
        // a weighted mean of equal values: exact up to float rounding
        assertThat(writer.result.data()[i]).isCloseTo(image.data()[i], org.assertj.core.data.Offset.offset(
            1e-6f * Math.max(1, image.data()[i])));
      }
      // the band moves down: full-width rows in increasing order, the first band ending at tile row 1's start (48)
      assertThat(writer.regions.get(0)).containsExactly(0, 0, 48, 230);
      for (int[] region : writer.regions) {
        assertThat(region[1]).isZero();
        assertThat(region[3]).isEqualTo(230);
      }
    }
  }

  @Test
  void blendingAveragesOverlapsWithTheWindowWeights() throws IOException {
    // SAME depth 1, one tile row of two 8-px tiles overlapping by 4 px: columns 4..7 are averaged
    UNetGeometry geometry = new UNetGeometry(1, Padding.SAME);
    TilePlan plan = new TilePlanner(geometry).blended(1, 12, 8, 4, MergeRule.LINEAR_RAMP);
    assertThat(plan.columns()).isEqualTo(2);
    assertThat(plan.tiles().get(1).output().x0()).isEqualTo(4);
    int[] calls = {0};
    TileModel tileNumber = FakeTileModels.of(1, 0, (tiles, count, heightPx, widthPx) -> {
      float[] out = new float[count * heightPx * widthPx];
      java.util.Arrays.fill(out, 10 * ++calls[0]); // tile 0 → 10, tile 1 → 20
      return out;
    });
    CountingWriter writer = run(plan, FloatImage.zeros(1, 1, 12), tileNumber, 1);
    // ramp over 8 px with overlap 4: 1/5 2/5 3/5 4/5 4/5 3/5 2/5 1/5; only the row weight 1/5 of a 2-px-high tile
    // column (the single row) cancels. Column 4: tile 0 at its px 4 (4/5), tile 1 at its px 0 (1/5).
    float[] expected = {10, 10, 10, 10, (4 * 10 + 1 * 20) / 5f, (3 * 10 + 2 * 20) / 5f, (2 * 10 + 3 * 20) / 5f,
        (1 * 10 + 4 * 20) / 5f, 20, 20, 20, 20};
    for (int x = 0; x < 12; x++) {
      assertThat(writer.result.get(0, 0, x)).as("column " + x).isCloseTo(expected[x],
          org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void windowProfilesArePositiveSymmetricAndAsSpecified() {
    float[] ramp = BlendMerger.profile(MergeRule.LINEAR_RAMP, 8, 2);
    assertThat(ramp).containsExactly(1 / 3f, 2 / 3f, 1, 1, 1, 1, 2 / 3f, 1 / 3f);
    float[] gauss = BlendMerger.profile(MergeRule.GAUSSIAN, 16, 0);
    for (int i = 0; i < 16; i++) {
      assertThat(gauss[i]).isPositive().isEqualTo(gauss[15 - i]);
    }
    // centre pixel 7: (7.5 − 8)² / (2·2²) = 1/32
    assertThat(gauss[7]).isCloseTo((float) Math.exp(-1 / 32.0), org.assertj.core.data.Offset.offset(1e-7f));
    assertThat(gauss[0]).isCloseTo((float) Math.exp(-7.5 * 7.5 / 8), org.assertj.core.data.Offset.offset(1e-9f));
  }

  @Test
  void mergersRejectTilesOutOfOrderAndMissingTiles() throws IOException {
    TilePlan plan = new TilePlanner(new UNetGeometry(1, Padding.VALID)).aligned(40, 40, 20);
    Merger merger = Merger.forPlan(plan, 1, (y0, x0, h, w, v) -> {});
    float[] output = new float[plan.tileOutputHeightPx() * plan.tileOutputWidthPx()];
    assertThatThrownBy(() -> merger.add(plan.tiles().get(1), output, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expects tile 0");
    merger.add(plan.tiles().get(0), output, 0);
    assertThatThrownBy(merger::finish).hasMessageContaining("only 1 of " + plan.size() + " tiles were merged");
  }
}
