package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * TIFFs written by other software (tifffile, Pillow/libtiff; {@code reference/tiff/make_fixtures.py}) in encodings
 * unet4j does not write itself: horizontal-differencing predictor, big-endian, tiles, planar RGB, half floats,
 * ImageJ stacks. Pixel values follow the script's formulas, recomputed here.
 */
class ForeignTiffTest {
  static final int H = 20;
  static final int W = 36;

  static Path fixture(String name) {
    try {
      return Path.of(ForeignTiffTest.class.getResource("/reference/tiff/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code (y·7919 + x·104729 + c·15485863) mod modulus}, the script's {@code value}. */
  static float value(int c, int y, int x, long modulus) {
    return (float) ((y * 7919L + x * 104729L + c * 15485863L) % modulus);
  }

  static FloatImage expected(String kind) {
    int channels = kind.equals("rgb16") ? 3 : 1;
    FloatImage image = FloatImage.zeros(channels, H, W);
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          float v =
              switch (kind) {
                case "u8" -> value(c, y, x, 256);
                case "f16" -> (y * 37 + x * 11) % 2048;
                case "u16flipped" -> value(c, H - 1 - y, x, 65_536);
                case "u32x1000" -> value(c, y, x, 65_536) * 1000;
                default -> value(c, y, x, 65_536);
              };
          image.set(c, y, x, v);
        }
      }
    }
    return image;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "u16-deflate-predictor-strips.tif, u16, UINT16, 0",
    "u16-deflate-predictor-tiles.tif, u16, UINT16, 0",
    "u16-big-endian.tif, u16, UINT16, 0",
    "f16-tiles.tif, f16, FLOAT32, 0",
    "rgb16-planar.tif, rgb16, UINT16, 0",
    "u16-imagej-stack.tif, u16, UINT16, 0",
    "u16-imagej-stack.tif, u16flipped, UINT16, 1",
    "u32-labels.tif, u32x1000, INT32, 0",
    "u8-lzw-libtiff.tif, u8, UINT8, 0",
    "u16-lzw-libtiff.tif, u16, UINT16, 0"
  })
  void wholeImageAndRegionsHoldTheWrittenValues(String file, String kind, SampleType type, int page)
      throws IOException {
    FloatImage want = expected(kind);
    RawImage read = MicroscopyImages.read(fixture(file), page);
    assertThat(read.sampleType()).isEqualTo(type);
    assertThat(read.pixels()).isEqualTo(want);
    try (FileImageSource source = FileImageSource.open(fixture(file), page)) {
      assertThat(source.sampleType()).isEqualTo(type);
      // regions inside one tile, across tile and strip boundaries, and the partial last tiles
      int[][] regions = {{0, 0, 1, 1}, {3, 5, 7, 9}, {9, 14, 10, 5}, {15, 30, 5, 6}, {0, 0, H, W}};
      for (int[] r : regions) {
        float[] dst = new float[want.channels() * r[2] * r[3]];
        source.read(r[0], r[1], r[2], r[3], dst);
        assertThat(new FloatImage(want.channels(), r[2], r[3], dst)).as("region %s", java.util.Arrays.toString(r))
            .isEqualTo(RegionIoTest.crop(want, r[0], r[1], r[2], r[3]));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"u16-deflate-predictor-tiles.tif", "u32-labels.tif", "u16-imagej-stack.tif"})
  void labelsAreTheStoredIntegers(String file) throws IOException {
    LabelImage labels = MicroscopyImages.readLabels(fixture(file));
    FloatImage want = expected(file.startsWith("u32") ? "u32x1000" : "u16");
    for (int i = 0; i < labels.data().length; i++) {
      assertThat((float) labels.data()[i]).isEqualTo(want.data()[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unsupported-i8.tif | stores 8-bit signed integer samples (TIFF BitsPerSample 8, SampleFormat 2)",
        "unsupported-i64.tif | stores 64-bit signed integer samples (TIFF BitsPerSample 64, SampleFormat 2)",
        "unsupported-complex64.tif | stores 64-bit complex floating-point samples (TIFF BitsPerSample 64,"
            + " SampleFormat 6)",
        "unsupported-u32-above-2to31.tif | has the unsigned 32-bit value 3000000000 at (y=0, x=0)"
      })
  void unsupportedSampleEncodingsAreRefusedNamingFileAndEncoding(String file, String message) {
    Path path = fixture(file);
    assertThatThrownBy(() -> MicroscopyImages.read(path))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith(path + " ")
        .hasMessageContaining(message);
    assertThatThrownBy(() -> MicroscopyImages.readLabels(path)).hasMessageContaining(message);
    assertThatThrownBy(() -> FileImageSource.open(path, 0).close()).hasMessageContaining(message);
  }
}
