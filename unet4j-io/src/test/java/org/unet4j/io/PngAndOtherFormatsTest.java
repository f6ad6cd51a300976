package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class PngAndOtherFormatsTest {
  @TempDir Path dir;

  @Test
  void png8And16BitGreyAndRgbRoundTrip() throws IOException {
    for (SampleType type : new SampleType[] {SampleType.UINT8, SampleType.UINT16}) {
      for (int channels : new int[] {1, 3}) {
        RawImage original = TiffRoundTripTest.randomImage(type, channels, 5, 9, 7);
        Path file = dir.resolve(type + "-" + channels + ".png");
        PngImages.write(file, original);
        RawImage back = MicroscopyImages.read(file);
        assertThat(back.sampleType()).as(file.toString()).isEqualTo(type);
        assertThat(back.pixels()).as(file.toString()).isEqualTo(original.pixels());
      }
    }
  }

  @Test
  void pngLabelsChoose16BitAbove255() throws IOException {
    LabelImage labels = new LabelImage(1, 4, new int[] {0, 255, 256, 65_535});
    Path file = dir.resolve("labels.png");
    PngImages.writeLabels(file, labels);
    assertThat(MicroscopyImages.read(file).sampleType()).isEqualTo(SampleType.UINT16);
    assertThat(MicroscopyImages.readLabels(file)).isEqualTo(labels);

    assertThatThrownBy(() -> PngImages.writeLabels(dir.resolve("x.png"), new LabelImage(1, 1, new int[] {70_000})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label 70000 exceeds 65535");
    assertThatThrownBy(() -> PngImages.write(dir.resolve("f.png"), new RawImage(FloatImage.zeros(1, 1, 1),
        SampleType.FLOAT32)))
        .hasMessageContaining("PNG stores 8- or 16-bit unsigned samples, not FLOAT32");
  }

  @Test
  void argbFigureRoundTripsAsRgbChannels() throws IOException {
    int[] argb = {0xFF102030, 0xFFFFFFFF, 0xFF000000, 0xFF7F8081};
    Path file = dir.resolve("figure.png");
    PngImages.writeArgb(file, argb, 2, 2);
    RawImage back = MicroscopyImages.read(file);
    assertThat(back.pixels()).isEqualTo(new FloatImage(3, 2, 2,
        new float[] {0x10, 0xFF, 0, 0x7F, 0x20, 0xFF, 0, 0x80, 0x30, 0xFF, 0, 0x81}));
  }

  @Test
  void bmpAndGifAreReadWithRawValues() throws IOException {
    BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 128, 255});
    Path bmp = dir.resolve("grey.bmp");
    ImageIO.write(grey, "bmp", bmp.toFile());
    RawImage fromBmp = MicroscopyImages.read(bmp);
    assertThat(fromBmp.channels()).isEqualTo(1);
    assertThat(fromBmp.pixels().data()).containsExactly(0f, 128f, 255f);

    // A palette image with a colour palette: values are the palette colours, labels the palette indices.
    byte[] r = {0, (byte) 200, 10};
    byte[] g = {0, 100, 20};
    byte[] b = {0, 50, 30};
    BufferedImage indexed =
        new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 3, r, g, b));
    indexed.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {2, 1, 0});
    Path gif = dir.resolve("palette.gif");
    ImageIO.write(indexed, "gif", gif.toFile());
    RawImage fromGif = MicroscopyImages.read(gif);
    assertThat(fromGif.pixels()).isEqualTo(new FloatImage(3, 1, 3,
        new float[] {10, 200, 0, 20, 100, 0, 30, 50, 0}));
    assertThat(MicroscopyImages.readLabels(gif).data()).containsExactly(2, 1, 0);
  }

  @Test
  void jpegIsReadAsRgbWithinCompressionError() throws IOException {
    BufferedImage rgb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        rgb.setRGB(x, y, 0x406080);
      }
    }
    Path jpg = dir.resolve("flat.jpg");
    ImageIO.write(rgb, "jpeg", jpg.toFile());
    RawImage back = MicroscopyImages.read(jpg);
    assertThat(back.channels()).isEqualTo(3);
    assertThat(back.sampleType()).isEqualTo(SampleType.UINT8);
    assertThat(back.pixels().get(0, 8, 8)).isCloseTo(0x40, org.assertj.core.data.Offset.offset(3f));
    assertThat(back.pixels().get(2, 8, 8)).isCloseTo(0x80, org.assertj.core.data.Offset.offset(3f));
  }

  @Test
  void rgbMaskWithDifferentChannelsIsRejectedAsLabels() throws IOException {
    Path file = dir.resolve("colour-mask.png");
    PngImages.writeArgb(file, new int[] {0xFF000000, 0xFFFF0000}, 1, 2);
    assertThatThrownBy(() -> MicroscopyImages.readLabels(file))
        .isInstanceOf(ImageFormatException.class)
        .hasMessage(file + ": mask has 3 colour channels that differ (channel 1 at y=0, x=1 is 0, channel 0 is 255);"
            + " save masks as single-channel label images");
  }
}
