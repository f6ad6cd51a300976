package org.unet4j.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.unet4j.core.image.LabelImage;

/**
 * Writes PNG files (8/16-bit grey or RGB, label masks, figures) with the JDK's PNG writer, through a temporary file
 * renamed onto the target only when complete.
 */
public final class PngImages {
  private PngImages() {}

  /**
   * Writes {@code image} as grey (1 channel) or RGB (3 channels) with 8 or 16 bits per sample.
   *
   * @throws IllegalArgumentException if the sample type is neither {@link SampleType#UINT8} nor
   *     {@link SampleType#UINT16}, the channel count is not 1 or 3, or a value does not fit the type
   */
  public static void write(Path file, RawImage image) throws IOException {
    if (image.sampleType() != SampleType.UINT8 && image.sampleType() != SampleType.UINT16) {
      throw new IllegalArgumentException("PNG stores 8- or 16-bit unsigned samples, not " + image.sampleType()
          + "; write " + file + " as TIFF instead");
    }
    write(file, Rasters.toBufferedImage(image.pixels(), image.sampleType()));
  }

  /**
   * Writes {@code labels} as an 8-bit grey PNG if every label ≤ 255, else 16-bit.
   *
   * @throws IllegalArgumentException if a label is negative or exceeds 65535
   */
  public static void writeLabels(Path file, LabelImage labels) throws IOException {
    SampleType type = Rasters.labelTypeFor(java.util.List.of(labels));
    write(file, Rasters.labelsToBufferedImage(labels, type));
  }

  /**
   * Writes a figure given as packed {@code 0xAARRGGBB} pixels, row-major, {@code height·width} values; stored as RGB
   * if every pixel is opaque, else as RGBA.
   */
  public static void writeArgb(Path file, int[] argb, int height, int width) throws IOException {
    if (height < 1 || width < 1 || argb.length != (long) height * width) {
      throw new IllegalArgumentException(argb.length + " pixels do not make a " + height + "×" + width + " image");
    }
    boolean opaque = true;
    for (int p : argb) {
      opaque &= (p >>> 24) == 0xFF;
    }
    BufferedImage image =
        new BufferedImage(width, height, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    write(file, image);
  }

  /** Writes any image the JDK's PNG writer accepts. */
  public static void write(Path file, BufferedImage image) throws IOException {
    AtomicFiles.write(file, temporary -> {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(temporary.toFile())) {
        writer.setOutput(out);
        writer.write(image);
      } finally {
        writer.dispose();
      }
    });
  }
}
