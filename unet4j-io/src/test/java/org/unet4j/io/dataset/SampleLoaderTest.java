package org.unet4j.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.io.ChannelSelection;
import org.unet4j.io.ImageFormatException;
import org.unet4j.io.Normalization;
import org.unet4j.io.PngImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;

class SampleLoaderTest {
  @TempDir Path dir;

  private static LabelImage labels(int... values) {
    return new LabelImage(1, values.length, values);
  }

  @Test
  void autoModeFollowsDocumentedRule() {
    assertThat(MaskMode.AUTO.resolve(labels(0, 255, 0), SampleType.UINT8)).isEqualTo(MaskMode.BINARY);
    assertThat(MaskMode.AUTO.resolve(labels(0, 1, 1), SampleType.UINT8)).isEqualTo(MaskMode.BINARY);
    assertThat(MaskMode.AUTO.resolve(labels(0, 0), SampleType.UINT16)).isEqualTo(MaskMode.BINARY);
    assertThat(MaskMode.AUTO.resolve(labels(0, 65_535), SampleType.UINT16)).isEqualTo(MaskMode.BINARY);
    assertThat(MaskMode.AUTO.resolve(labels(0, 1, 2, 3), SampleType.UINT8)).isEqualTo(MaskMode.CLASSES);
    assertThat(MaskMode.AUTO.resolve(labels(0, 7), SampleType.UINT8)).isEqualTo(MaskMode.CLASSES);
    assertThat(MaskMode.AUTO.resolve(labels(0, 1, 2, 3), SampleType.UINT16)).isEqualTo(MaskMode.INSTANCES);
    assertThat(MaskMode.AUTO.resolve(labels(0, 20, 21), SampleType.UINT8)).isEqualTo(MaskMode.INSTANCES);
    assertThat(MaskMode.AUTO.resolve(labels(0, 128, 255), SampleType.UINT8)).isEqualTo(MaskMode.INSTANCES);
  }

  @Test
  void binaryMapsForegroundToOneAndInvertSwaps() throws DatasetException {
    Path f = dir.resolve("m.png");
    assertThat(MaskMode.BINARY.interpret(labels(0, 255, 255, 0), false, 0, f).data()).containsExactly(0, 1, 1, 0);
    assertThat(MaskMode.BINARY.interpret(labels(0, 255, 255, 0), true, 0, f).data()).containsExactly(1, 0, 0, 1);
    assertThatThrownBy(() -> MaskMode.BINARY.interpret(labels(0, 1, 2, 255), false, 0, f))
        .isInstanceOf(DatasetException.class)
        .hasMessage("mask " + f + " has values {0, 1, 2, 255} but BINARY needs 0 and one foreground value (0/1 or "
            + "0/255); use mask mode classes or instances");
    assertThatThrownBy(() -> MaskMode.INSTANCES.interpret(labels(0, 1, 2), true, 0, f))
        .hasMessage("--invert-mask applies to binary masks only, but " + f + " is read as INSTANCES (values {0, 1, 2})");
  }

  @Test
  void classesChecksValuesAgainstClassCount() throws DatasetException {
    Path f = dir.resolve("m.png");
    assertThat(MaskMode.CLASSES.interpret(labels(0, 2, 1), false, 3, f).data()).containsExactly(0, 2, 1);
    assertThatThrownBy(() -> MaskMode.CLASSES.interpret(labels(0, 2, 3, 4), false, 3, f))
        .hasMessage("mask " + f + " has class value(s) {3, 4} but there are 3 classes (0..2); all values: "
            + "{0, 2, 3, 4} — if the values number objects, not classes, use mask mode instances");
    assertThatThrownBy(() -> MaskMode.CLASSES.interpret(labels(0, 255), false, 2, f))
        .hasMessage("mask " + f + " has class value(s) {255} but there are 2 classes (0..1); all values: {0, 255}"
            + " — a 0/255 mask is binary: use mask mode binary");
    assertThatThrownBy(() -> MaskMode.CLASSES.interpret(labels(0, 256), false, 0, f))
        .hasMessage("mask " + f + " has class value(s) {256} but class indices must be 0..255; all values: {0, 256}"
            + " — if the values number objects, not classes, use mask mode instances");
    assertThat(MaskMode.forName(" Instances ")).isEqualTo(MaskMode.INSTANCES);
  }

  @Test
  void loadsSixteenBitImageWithInstanceMask() throws IOException {
    Path image = dir.resolve("img.tif");
    Path mask = dir.resolve("mask.tif");
    TiffImages.write(image, new RawImage(new FloatImage(1, 1, 4, new float[] {0, 1000, 2000, 65_535}),
        SampleType.UINT16), TiffCompression.LZW);
    TiffImages.writeLabels(mask, labels(0, 300, 300, 2), TiffCompression.NONE);
    SampleLoader loader = new SampleLoader(MaskMode.AUTO, false, 0, new ChannelSelection.Grey(),
        Normalization.fixedRange(SampleType.UINT16));

    LoadedSample s = loader.load(new SamplePair(image, mask, 0));

    assertThat(s.imageType()).isEqualTo(SampleType.UINT16);
    assertThat(s.maskMode()).isEqualTo(MaskMode.INSTANCES);
    assertThat(s.mask().data()).containsExactly(0, 300, 300, 2);
    assertThat(s.image().data()).containsExactly(0f, (float) (1000 / 65_535.0), (float) (2000 / 65_535.0), 1f);
  }

  @Test
  void zeroOneAndZero255MasksGiveTheSameLabelsAndInvertSwapsThem() throws IOException {
    Path image = dir.resolve("img.png");
    PngImages.writeLabels(image, labels(10, 20, 30, 40));
    Path ones = dir.resolve("ones.png");
    Path full = dir.resolve("full.tif");
    Path full16 = dir.resolve("full16.tif");
    PngImages.writeLabels(ones, labels(0, 1, 1, 0));
    TiffImages.writeLabels(full, labels(0, 255, 255, 0), TiffCompression.PACKBITS);
    TiffImages.write(full16, new RawImage(new FloatImage(1, 1, 4, new float[] {0, 65_535, 65_535, 0}),
        SampleType.UINT16), TiffCompression.NONE);
    for (Path mask : new Path[] {ones, full, full16}) {
      LoadedSample plain = SampleLoader.defaults().load(new SamplePair(image, mask, 0));
      assertThat(plain.maskMode()).as(mask.toString()).isEqualTo(MaskMode.BINARY);
      assertThat(plain.mask().data()).as(mask.toString()).containsExactly(0, 1, 1, 0);
      SampleLoader inverting = new SampleLoader(MaskMode.AUTO, true, 0, new ChannelSelection.Grey(),
          Normalization.percentile());
      assertThat(inverting.load(new SamplePair(image, mask, 0)).mask().data()).containsExactly(1, 0, 0, 1);
    }
  }

  @Test
  void multiClassMaskIsKeptAndCheckedAgainstTheClassCount() throws IOException {
    Path image = dir.resolve("img.png");
    Path mask = dir.resolve("classes.png");
    PngImages.writeLabels(image, labels(1, 2, 3, 4, 5));
    PngImages.writeLabels(mask, labels(0, 1, 2, 2, 1));
    SampleLoader three = new SampleLoader(MaskMode.AUTO, false, 3, new ChannelSelection.Grey(),
        Normalization.percentile());
    LoadedSample s = three.load(new SamplePair(image, mask, 0));
    assertThat(s.maskMode()).isEqualTo(MaskMode.CLASSES);
    assertThat(s.mask().data()).containsExactly(0, 1, 2, 2, 1);
    SampleLoader two = new SampleLoader(MaskMode.CLASSES, false, 2, new ChannelSelection.Grey(),
        Normalization.percentile());
    assertThatThrownBy(() -> two.load(new SamplePair(image, mask, 0)))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("mask " + mask + " has class value(s) {2} but there are 2 classes (0..1)");
  }

  @Test
  void sixteenBitImageGetsPercentileScalingOnItsOwnValues() throws IOException {
    // values 1000..1100 of a 16-bit image: percentiles 0/100 map them to 0..1 (dividing by 255 would give ~4..4.3)
    float[] values = new float[101];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1000 + i;
    }
    Path image = dir.resolve("img16.tif");
    Path mask = dir.resolve("mask.png");
    TiffImages.write(image, new RawImage(new FloatImage(1, 1, 101, values), SampleType.UINT16), TiffCompression.LZW);
    PngImages.writeLabels(mask, new LabelImage(1, 101, new int[101]));
    SampleLoader loader = new SampleLoader(MaskMode.AUTO, false, 0, new ChannelSelection.Grey(),
        new Normalization.Percentile(0, 100));
    LoadedSample s = loader.load(new SamplePair(image, mask, 0));
    assertThat(s.imageType()).isEqualTo(SampleType.UINT16);
    for (int i = 0; i < values.length; i++) {
      assertThat(s.image().data()[i]).isCloseTo(i / 100f, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void sizeMismatchNamesBothFilesAndSizes() throws IOException {
    Path image = dir.resolve("a.png");
    Path mask = dir.resolve("a_mask.png");
    PngImages.writeLabels(image, new LabelImage(3, 4, new int[12]));
    PngImages.writeLabels(mask, new LabelImage(4, 3, new int[12]));
    assertThatThrownBy(() -> SampleLoader.defaults().load(new SamplePair(image, mask, 0)))
        .isInstanceOf(DatasetException.class)
        .hasMessage("image " + image + " is 3×4 (H×W) but mask " + mask + " is 4×3; a mask must have the size of "
            + "its image");
  }

  @Test
  void truncatedMaskNamesFile() throws IOException {
    Path image = dir.resolve("a.png");
    Path mask = dir.resolve("a_mask.png");
    PngImages.writeLabels(image, new LabelImage(64, 64, new int[64 * 64]));
    int[] noise = new int[64 * 64];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (i * 7919) % 251;
    }
    PngImages.writeLabels(mask, new LabelImage(64, 64, noise));
    byte[] bytes = Files.readAllBytes(mask);
    Files.write(mask, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> SampleLoader.defaults().load(new SamplePair(image, mask, 0)))
        .isInstanceOf(ImageFormatException.class)
        .hasMessageStartingWith("cannot decode page 0 of " + mask + " (file truncated or corrupt?): ");
  }
}
