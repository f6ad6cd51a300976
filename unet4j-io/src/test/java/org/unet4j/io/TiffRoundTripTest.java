package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class TiffRoundTripTest {
  @TempDir Path dir;

  /** Random values spanning the whole range of {@code type} (extremes included), so truncation would show. */
  static RawImage randomImage(SampleType type, int channels, int height, int width, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] data = new float[channels * height * width];
    for (int i = 0; i < data.length; i++) {
      data[i] = switch (type) {
        case UINT8 -> rng.nextInt(256);
        case UINT16 -> rng.nextInt(65_536);
        case INT16 -> rng.nextInt(-32_768, 32_768);
        case INT32 -> rng.nextInt(-(1 << 24), 1 << 24); // exact as float
        case FLOAT32, FLOAT64 -> (float) (rng.nextDouble() * 2e6 - 1e6);
      };
    }
    data[0] = (float) type.minValue();
    data[data.length - 1] = type == SampleType.INT32 ? (1 << 24) : (float) type.maxValue();
    return new RawImage(new FloatImage(channels, height, width, data), type);
  }

  static Stream<Arguments> depthsAndCompressions() {
    List<Arguments> cases = new ArrayList<>();
    for (SampleType type : List.of(SampleType.UINT8, SampleType.UINT16, SampleType.INT16, SampleType.INT32,
        SampleType.FLOAT32)) {
      for (TiffCompression compression : TiffCompression.values()) {
        for (int channels : new int[] {1, 3}) {
          cases.add(Arguments.of(type, compression, channels));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} channels={2}")
  @MethodSource("depthsAndCompressions")
  void roundTripKeepsRawValuesAndSampleType(SampleType type, TiffCompression compression, int channels)
      throws IOException {
    RawImage original = randomImage(type, channels, 7, 11, 42);
    Path file = dir.resolve("img.tif");
    TiffImages.write(file, original, compression);

    RawImage back = MicroscopyImages.read(file);

    assertThat(back.sampleType()).isEqualTo(type);
    assertThat(back.pixels()).isEqualTo(original.pixels());
    assertThat(MicroscopyImages.pageCount(file)).isEqualTo(1);
  }

  @Test
  void twelveMonkeysDecoderIsRegisteredAndChosen() throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
    List<String> names = new ArrayList<>();
    readers.forEachRemaining(r -> names.add(r.getClass().getName()));
    assertThat(names).contains("com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReader");

    Path file = dir.resolve("a.tif");
    TiffImages.write(file, randomImage(SampleType.UINT8, 1, 2, 2, 1), TiffCompression.LZW);
    try (OpenedImage opened = OpenedImage.open(file)) {
      assertThat(opened.decoderName()).startsWith("com.twelvemonkeys.");
    }
    // Writing uses the JDK writer: TwelveMonkeys 3.12 cannot encode float32 or 16-bit RGB.
    assertThat(TiffImages.tiffWriter().getClass().getName()).startsWith("com.sun.imageio.plugins.tiff.");
  }

  @Test
  void compressionIsAppliedToUniformImages() throws IOException {
    RawImage flat = new RawImage(FloatImage.zeros(1, 64, 64), SampleType.UINT16);
    long[] sizes = new long[TiffCompression.values().length];
    for (TiffCompression compression : TiffCompression.values()) {
      Path file = dir.resolve(compression + ".tif");
      TiffImages.write(file, flat, compression);
      sizes[compression.ordinal()] = Files.size(file);
      assertThat(MicroscopyImages.read(file).pixels()).isEqualTo(flat.pixels());
    }
    long uncompressed = sizes[TiffCompression.NONE.ordinal()];
    assertThat(uncompressed).isGreaterThan(64 * 64 * 2);
    for (TiffCompression compression : List.of(TiffCompression.LZW, TiffCompression.DEFLATE,
        TiffCompression.PACKBITS)) {
      assertThat(sizes[compression.ordinal()]).as(compression.toString()).isLessThan(uncompressed / 4);
    }
  }

  @Test
  void multipageStackReadsEachPageAndCountsPages() throws IOException {
    List<RawImage> pages = List.of(
        randomImage(SampleType.UINT16, 1, 5, 6, 1),
        randomImage(SampleType.UINT16, 1, 5, 6, 2),
        randomImage(SampleType.UINT16, 1, 5, 6, 3));
    Path file = dir.resolve("stack.tif");
    TiffImages.writeStack(file, pages, TiffCompression.DEFLATE);

    assertThat(MicroscopyImages.pageCount(file)).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(MicroscopyImages.read(file, i).pixels()).isEqualTo(pages.get(i).pixels());
    }
    assertThatThrownBy(() -> MicroscopyImages.read(file, 3))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining("stack.tif has 3 pages (0..2); page 3 does not exist");
  }

  @Test
  void floatImageBecomesOnePagePerChannel() throws IOException {
    FloatImage probabilities = new FloatImage(2, 2, 3,
        new float[] {0f, 0.25f, 0.5f, 1f, 1e-7f, 0.999f, 1f, 0.75f, 0.5f, 0f, 1f - 1e-7f, 0.001f});
    Path file = dir.resolve("prob.tif");
    TiffImages.writeFloat(file, probabilities, TiffCompression.DEFLATE);

    assertThat(MicroscopyImages.pageCount(file)).isEqualTo(2);
    for (int c = 0; c < 2; c++) {
      RawImage page = MicroscopyImages.read(file, c);
      assertThat(page.sampleType()).isEqualTo(SampleType.FLOAT32);
      assertThat(page.pixels()).isEqualTo(probabilities.channel(c));
    }
  }

  @Test
  void labelsUse8BitUpTo255And16BitAbove() throws IOException {
    LabelImage small = new LabelImage(2, 2, new int[] {0, 1, 254, 255});
    LabelImage large = new LabelImage(2, 2, new int[] {0, 256, 1000, 65_535});
    Path smallFile = dir.resolve("small.tif");
    Path largeFile = dir.resolve("large.tif");
    TiffImages.writeLabels(smallFile, small, TiffCompression.PACKBITS);
    TiffImages.writeLabels(largeFile, large, TiffCompression.LZW);

    assertThat(MicroscopyImages.read(smallFile).sampleType()).isEqualTo(SampleType.UINT8);
    assertThat(MicroscopyImages.read(largeFile).sampleType()).isEqualTo(SampleType.UINT16);
    assertThat(MicroscopyImages.readLabels(smallFile)).isEqualTo(small);
    assertThat(MicroscopyImages.readLabels(largeFile)).isEqualTo(large);
  }

  @Test
  void labelAbove65535IsRejectedAndNothingIsWritten() {
    Path file = dir.resolve("too-many.tif");
    LabelImage labels = new LabelImage(1, 2, new int[] {0, 65_536});
    assertThatThrownBy(() -> TiffImages.writeLabels(file, labels, TiffCompression.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label 65536 exceeds 65535");
    assertThat(file).doesNotExist();
  }

  @Test
  void failedWriteLeavesPreviousFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("keep.tif");
    RawImage good = randomImage(SampleType.UINT8, 1, 3, 3, 5);
    TiffImages.write(file, good, TiffCompression.NONE);
    RawImage bad = new RawImage(new FloatImage(1, 1, 2, new float[] {1f, 300f}), SampleType.UINT8);

    assertThatThrownBy(() -> TiffImages.write(file, bad, TiffCompression.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 300.0 at (c=0, y=0, x=1) cannot be stored as UINT8");
    assertThat(MicroscopyImages.read(file).pixels()).isEqualTo(good.pixels());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void truncatedFileErrorNamesFileAndCause() throws IOException {
    Path file = dir.resolve("cut.tif");
    TiffImages.write(file, randomImage(SampleType.UINT16, 1, 64, 64, 9), TiffCompression.NONE);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> MicroscopyImages.read(file))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("truncated or corrupt");
  }

  @Test
  void unrecognisedFileErrorNamesFile() throws IOException {
    Path file = dir.resolve("notes.tif");
    Files.writeString(file, "not an image");
    assertThatThrownBy(() -> MicroscopyImages.read(file))
        .isInstanceOf(ImageFormatException.class)
        .hasMessage("no image decoder recognises " + file + " (12 bytes); supported formats: TIFF, PNG, JPEG, GIF, BMP");
    assertThatThrownBy(() -> MicroscopyImages.read(dir.resolve("missing.png")))
        .hasMessage("image file " + dir.resolve("missing.png") + " does not exist or is not a regular file");
  }
}
