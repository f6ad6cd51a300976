package org.unet4j.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * Writes TIFF files (single page or multipage stacks) with the JDK's TIFF writer (TwelveMonkeys 3.12 cannot encode
 * 32-bit float or 16-bit RGB); TwelveMonkeys reads them back. Every write goes to a
 * temporary file in the target's directory that is renamed onto the target only when complete, so an error never
 * leaves a half-written file.
 */
public final class TiffImages {
  // The JDK's TIFF writer (Java 9+) encodes every sample type; TwelveMonkeys 3.12 cannot write 32-bit float or
  // 16-bit RGB ("Not implemented for data type"), so it is only the fallback here. Reading still prefers TwelveMonkeys.
  private static final String PREFERRED_WRITER = "com.sun.imageio.plugins.tiff.";

  private TiffImages() {}

  /**
   * Writes {@code image} as one page stored as its {@link RawImage#sampleType()}.
   *
   * @throws IllegalArgumentException if the image has neither 1 nor 3 channels, or an integer type gets a value it
   *     cannot hold exactly
   */
  public static void write(Path file, RawImage image, TiffCompression compression) throws IOException {
    writeStack(file, List.of(image), compression);
  }

  /** Writes {@code pages} as a multipage TIFF, page i = {@code pages.get(i)}; rules as {@link #write}. */
  public static void writeStack(Path file, List<RawImage> pages, TiffCompression compression) throws IOException {
    List<BufferedImage> encoded = new ArrayList<>(pages.size());
    for (RawImage page : pages) {
      encoded.add(Rasters.toBufferedImage(page.pixels(), page.sampleType()));
    }
    writePages(file, encoded, compression);
  }

  /**
   * Writes {@code image} as 32-bit float, one page per channel (so probabilities of K classes become a K-page stack
   * that Fiji opens as a stack).
   */
  public static void writeFloat(Path file, FloatImage image, TiffCompression compression) throws IOException {
    List<BufferedImage> encoded = new ArrayList<>(image.channels());
    for (int c = 0; c < image.channels(); c++) {
      encoded.add(Rasters.toBufferedImage(image.channel(c), SampleType.FLOAT32));
    }
    writePages(file, encoded, compression);
  }

  /**
   * Writes {@code labels} as an unsigned 8-bit TIFF if every label ≤ 255, else 16-bit.
   *
   * @throws IllegalArgumentException if a label is negative or exceeds 65535
   */
  public static void writeLabels(Path file, LabelImage labels, TiffCompression compression) throws IOException {
    writeLabelStack(file, List.of(labels), compression);
  }

  /** Writes label pages as one multipage TIFF with one bit depth (8 if every label of every page ≤ 255, else 16). */
  public static void writeLabelStack(Path file, List<LabelImage> pages, TiffCompression compression)
      throws IOException {
    SampleType type = Rasters.labelTypeFor(pages);
    List<BufferedImage> encoded = new ArrayList<>(pages.size());
    for (LabelImage page : pages) {
      encoded.add(Rasters.labelsToBufferedImage(page, type));
    }
    writePages(file, encoded, compression);
  }

  private static void writePages(Path file, List<BufferedImage> pages, TiffCompression compression)
      throws IOException {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("a TIFF needs at least one page; nothing to write to " + file);
    }
    AtomicFiles.write(file, temporary -> {
      ImageWriter writer = tiffWriter();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(temporary.toFile())) {
        writer.setOutput(out);
        ImageWriteParam param = writer.getDefaultWriteParam();
        configureCompression(param, compression, writer);
        writer.prepareWriteSequence(null);
        for (BufferedImage page : pages) {
          writer.writeToSequence(new IIOImage(page, null, null), param);
        }
        writer.endWriteSequence();
      } finally {
        writer.dispose();
      }
    });
  }

  static void configureCompression(ImageWriteParam param, TiffCompression compression, ImageWriter writer)
      throws IOException {
    if (compression == TiffCompression.NONE) {
      param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
      return;
    }
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    String type = compression.imageIoName();
    if (!Arrays.asList(param.getCompressionTypes()).contains(type)) {
      throw new IOException("the TIFF writer " + writer.getClass().getName() + " cannot write " + compression
          + " compression (it offers " + Arrays.toString(param.getCompressionTypes()) + ")");
    }
    param.setCompressionType(type);
  }

  /** The JDK's TIFF writer if present, else any registered TIFF writer. */
  static ImageWriter tiffWriter() throws IOException {
    ImageWriter chosen = null;
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
    while (writers.hasNext()) {
      ImageWriter candidate = writers.next();
      if (chosen == null || candidate.getClass().getName().startsWith(PREFERRED_WRITER)) {
        chosen = candidate;
      }
    }
    if (chosen == null) {
      throw new IOException("no TIFF writer registered with ImageIO; is imageio-tiff on the class path?");
    }
    return chosen;
  }
}
