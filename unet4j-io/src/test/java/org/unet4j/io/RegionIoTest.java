package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.image.FloatImage;

class RegionIoTest {
  @TempDir Path dir;

  /** The region of {@code image} as a new C×h×w image: the reference a region read must equal. */
  static FloatImage crop(FloatImage image, int y0, int x0, int h, int w) {
    FloatImage out = FloatImage.zeros(image.channels(), h, w);
    for (int c = 0; c < image.channels(); c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out.set(c, y, x, image.get(c, y0 + y, x0 + x));
        }
      }
    }
    return out;
  }

  /** A tiled, LZW-compressed TIFF written by the JDK writer (tile edge 16 px). */
  static void writeTiledTiff(Path file, RawImage image) throws IOException {
    ImageWriter writer = TiffImages.tiffWriter();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
      param.setTiling(16, 16, 0, 0);
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("LZW");
      writer.write(null, new IIOImage(Rasters.toBufferedImage(image.pixels(), image.sampleType()), null, null), param);
    } finally {
      writer.dispose();
    }
  }

  void assertRegionsMatchFullRead(Path file) throws IOException {
    FloatImage full = MicroscopyImages.read(file).pixels();
    int[][] regions = {{0, 0, 1, 1}, {0, 0, full.height(), full.width()}, {5, 7, 20, 13}, {17, 31, 28, 9},
        {full.height() - 3, full.width() - 40, 3, 40}};
    try (FileImageSource source = FileImageSource.open(file, 0)) {
      assertThat(source.channels()).isEqualTo(full.channels());
      assertThat(source.height()).isEqualTo(full.height());
      for (int[] r : regions) {
        float[] dst = new float[full.channels() * r[2] * r[3]];
        source.read(r[0], r[1], r[2], r[3], dst);
        assertThat(new FloatImage(full.channels(), r[2], r[3], dst)).as("region %s", java.util.Arrays.toString(r))
            .isEqualTo(crop(full, r[0], r[1], r[2], r[3]));
      }
      assertThatThrownBy(() -> source.read(full.height() - 1, 0, 2, 1, new float[8]))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("region y=" + (full.height() - 1) + "+2, x=0+1 is empty or leaves the " + full.height() + "×"
              + full.width() + " image");
    }
  }

  @Test
  void regionOfStripedTiffEqualsCropOfFullRead() throws IOException {
    Path file = dir.resolve("striped.tif");
    TiffImages.write(file, TiffRoundTripTest.randomImage(SampleType.UINT16, 3, 50, 70, 1), TiffCompression.DEFLATE);
    assertRegionsMatchFullRead(file);
  }

  @Test
  void regionOfTiledTiffEqualsCropOfFullRead() throws IOException {
    Path file = dir.resolve("tiled.tif");
    RawImage image = TiffRoundTripTest.randomImage(SampleType.FLOAT32, 1, 50, 70, 2);
    writeTiledTiff(file, image);
    assertThat(MicroscopyImages.read(file).pixels()).isEqualTo(image.pixels());
    assertRegionsMatchFullRead(file);
  }

  @Test
  void regionReadDecodesOnlyTheStripsItTouches() throws IOException {
    // A Deflate-compressed striped TIFF whose last strip is overwritten with garbage: decoding that strip fails, so
    // a region in the first rows reads only if the strips it does not touch are never decoded.
    int h = 256;
    int w = 512;
    FloatImage image = TiffRoundTripTest.randomImage(SampleType.UINT16, 1, h, w, 3).pixels();
    Path file = dir.resolve("corrupt-last-strip.tif");
    TiffImages.write(file, new RawImage(image, SampleType.UINT16), TiffCompression.DEFLATE);
    long[] offsets;
    long[] byteCounts;
    int rowsPerStrip;
    try (OpenedImage opened = OpenedImage.openForRegions(file, 0)) {
      javax.imageio.plugins.tiff.TIFFDirectory ifd = javax.imageio.plugins.tiff.TIFFDirectory.createFromMetadata(
          opened.reader().getImageMetadata(0));
      offsets = ifd.getTIFFField(273).getAsLongs();
      byteCounts = ifd.getTIFFField(279).getAsLongs();
      rowsPerStrip = ifd.getTIFFField(278).getAsInt(0);
    }
    assertThat(offsets.length).as("strips").isGreaterThan(2);
    byte[] bytes = Files.readAllBytes(file);
    int last = offsets.length - 1;
    java.util.Arrays.fill(bytes, (int) offsets[last], (int) (offsets[last] + byteCounts[last]), (byte) 0x5A);
    Files.write(file, bytes);

    assertThatThrownBy(() -> MicroscopyImages.read(file))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining(file.toString());
    try (FileImageSource source = FileImageSource.open(file, 0)) {
      float[] dst = new float[rowsPerStrip * 100];
      source.read(0, 400, rowsPerStrip, 100, dst);
      assertThat(new FloatImage(1, rowsPerStrip, 100, dst)).isEqualTo(crop(image, 0, 400, rowsPerStrip, 100));
      assertThatThrownBy(() -> source.read(h - 1, 0, 1, 10, new float[10]))
          .isInstanceOf(ImageFormatException.class)
          .hasMessageContaining(file.toString());
    }
  }

  static Stream<Object[]> sinkLayouts() {
    return Stream.of(new Object[] {SampleType.FLOAT32, 0, 2}, new Object[] {SampleType.FLOAT32, 16, 2},
        new Object[] {SampleType.UINT16, 0, 1}, new Object[] {SampleType.UINT8, 32, 1});
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} tile={1} channels={2}")
  @org.junit.jupiter.params.provider.MethodSource("sinkLayouts")
  void sinkWrittenTileByTileInRandomOrderReadsBackExactly(SampleType type, int tilePx, int channels)
      throws IOException {
    int h = 45;
    int w = 70;
    FloatImage image = TiffRoundTripTest.randomImage(type, channels, h, w, 5).pixels();
    Path file = dir.resolve("out.tif");
    List<int[]> blocks = new ArrayList<>();
    for (int y = 0; y < h; y += 20) {
      for (int x = 0; x < w; x += 23) { // not aligned to the file's tiles or strips
        blocks.add(new int[] {y, x, Math.min(20, h - y), Math.min(23, w - x)});
      }
    }
    Collections.shuffle(blocks, new Random(9));
    try (TiffImageSink sink = TiffImageSink.create(file, channels, h, w, type, tilePx)) {
      for (int[] b : blocks) {
        FloatImage part = crop(image, b[0], b[1], b[2], b[3]);
        sink.write(b[0], b[1], b[2], b[3], part.data());
      }
      assertThat(file).doesNotExist();
      sink.finish();
    }
    assertThat(MicroscopyImages.pageCount(file)).isEqualTo(channels);
    for (int c = 0; c < channels; c++) {
      RawImage page = MicroscopyImages.read(file, c);
      assertThat(page.sampleType()).isEqualTo(type);
      assertThat(page.pixels()).isEqualTo(image.channel(c));
    }
    assertRegionsMatchFullRead(file);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void sinkClosedWithoutFinishLeavesNothing() throws IOException {
    Path file = dir.resolve("aborted.tif");
    try (TiffImageSink sink = TiffImageSink.create(file, 1, 10, 10, SampleType.UINT8, 0)) {
      sink.write(0, 0, 1, 2, new float[] {1, 2});
      assertThatThrownBy(() -> sink.write(0, 0, 1, 1, new float[] {256}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("value 256.0 at index 0 cannot be stored as UINT8 (whole numbers 0..255) in " + file);
      assertThatThrownBy(() -> sink.write(9, 9, 2, 1, new float[2]))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("region y=9+2, x=9+1 is empty or leaves the 10×10 image");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void sinkRejectsBadParameters() {
    assertThatThrownBy(() -> TiffImageSink.create(dir.resolve("a.tif"), 1, 10, 10, SampleType.INT32, 0))
        .hasMessage("TiffImageSink writes FLOAT32, UINT8 or UINT16, not INT32");
    assertThatThrownBy(() -> TiffImageSink.create(dir.resolve("a.tif"), 1, 10, 10, SampleType.UINT8, 20))
        .hasMessage("tile size 20 px must be 0 (strips) or a multiple of 16");
    assertThatThrownBy(() -> TiffImageSink.create(dir.resolve("a.tif"), 2, 40_000, 40_000, SampleType.FLOAT32, 0))
        .hasMessageContaining("more than the 4 GiB of a classic TIFF");
  }
}
