package org.unet4j.io;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * An image file opened with a decoder (TwelveMonkeys first when it recognises the file), kept open so that several
 * pages or regions can be decoded without re-parsing the header. Every decoder failure is rethrown as an
 * {@link ImageFormatException} naming the file.
 */
final class OpenedImage implements AutoCloseable {
  private static final String PREFERRED_VENDOR = "com.twelvemonkeys.";
  private static final String JDK_TIFF_READER = "com.sun.imageio.plugins.tiff.";

  static {
    // Plugins on a context class loader (Fiji, app servers) are not seen by ImageIO's default scan.
    ImageIO.scanForPlugins();
  }

  private final Path file;
  private final ImageInputStream stream;
  private final ImageReader reader;

  private OpenedImage(Path file, ImageInputStream stream, ImageReader reader) {
    this.file = file;
    this.stream = stream;
    this.reader = reader;
  }

  /** Opens {@code file}; fails with a message naming the file if it is missing or no decoder recognises it. */
  static OpenedImage open(Path file) throws IOException {
    return open(file, PREFERRED_VENDOR);
  }

  /**
   * Opens {@code file} for region reads. TIFFs are opened with the JDK's TIFF reader, which decodes only the strips
   * or tiles a region touches and does not clamp float samples: TwelveMonkeys 3.12 fails on source regions of tiled
   * TIFFs (haraldk/TwelveMonkeys#746, "Coordinate out of bounds") and was ~70× slower on regions of striped ones
   * (measured: 512×512 regions of a 12000×12000 float TIFF, 162 s vs 2.3 s for all 576 regions).
   */
  static OpenedImage openForRegions(Path file) throws IOException {
    OpenedImage opened = open(file);
    boolean tiff;
    try {
      tiff = opened.reader.getFormatName().equalsIgnoreCase("tiff");
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw opened.failure("cannot read the header of", e);
    }
    if (!tiff || opened.decoderName().startsWith(JDK_TIFF_READER)) {
      return opened;
    }
    opened.close();
    return open(file, JDK_TIFF_READER);
  }

  private static OpenedImage open(Path file, String preferredPrefix) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ImageFormatException(file, "image file " + file + " does not exist or is not a regular file");
    }
    ImageInputStream stream = ImageIO.createImageInputStream(file.toFile());
    if (stream == null) {
      throw new ImageFormatException(file, "cannot open " + file + " for reading");
    }
    ImageReader chosen = null;
    Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
    while (readers.hasNext()) {
      ImageReader candidate = readers.next();
      if (chosen == null || candidate.getClass().getName().startsWith(preferredPrefix)) {
        chosen = candidate;
      }
    }
    if (chosen == null) {
      stream.close();
      throw new ImageFormatException(file, "no image decoder recognises " + file
          + " (" + Files.size(file) + " bytes); supported formats: TIFF, PNG, JPEG, GIF, BMP");
    }
    chosen.setInput(stream, false, true);
    return new OpenedImage(file, stream, chosen);
  }

  Path file() {
    return file;
  }

  /** Decoder class name, for diagnostics and tests. */
  String decoderName() {
    return reader.getClass().getName();
  }

  /** Number of pages (images) in the file. */
  int pageCount() throws ImageFormatException {
    try {
      return reader.getNumImages(true);
    } catch (IOException | RuntimeException e) {
      throw failure("cannot count the pages of", e);
    }
  }

  int width(int page) throws ImageFormatException {
    checkPage(page);
    try {
      return reader.getWidth(page);
    } catch (IOException | RuntimeException e) {
      throw failure("cannot read the header of", e);
    }
  }

  int height(int page) throws ImageFormatException {
    checkPage(page);
    try {
      return reader.getHeight(page);
    } catch (IOException | RuntimeException e) {
      throw failure("cannot read the header of", e);
    }
  }

  /** The stored sample type of page {@code page}, from the header only. */
  SampleType sampleType(int page) throws ImageFormatException {
    checkPage(page);
    try {
      ImageTypeSpecifier raw = reader.getRawImageType(page);
      if (raw == null) {
        return Rasters.toRawImage(decode(page, new Rectangle(0, 0, 1, 1)), file).sampleType();
      }
      return raw.getColorModel() instanceof java.awt.image.IndexColorModel
          ? SampleType.UINT8 : Rasters.sampleTypeOf(raw.getSampleModel(), file);
    } catch (IOException | RuntimeException e) {
      throw failure("cannot read the header of", e);
    }
  }

  /** Decoded pixels with the colour model that interprets them; the raster's origin may be non-zero. */
  record Decoded(ColorModel colorModel, Raster raster) {}

  /** Decodes page {@code page}, only the pixels inside {@code region} when it is not null. */
  Decoded decode(int page, Rectangle region) throws ImageFormatException {
    checkPage(page);
    try {
      ImageReadParam param = reader.getDefaultReadParam();
      if (region != null) {
        param.setSourceRegion(region);
      }
      ImageTypeSpecifier raw = reader.getRawImageType(page);
      if (raw != null && reader.canReadRaster() && isFloat(raw.getSampleModel().getDataType())) {
        // TwelveMonkeys clamps float samples to 0..1 in read() (for Java2D display); readRaster keeps them raw.
        return new Decoded(raw.getColorModel(), reader.readRaster(page, param));
      }
      BufferedImage image = reader.read(page, param);
      return new Decoded(image.getColorModel(), image.getRaster());
    } catch (IOException | RuntimeException e) {
      throw failure("cannot decode page " + page + " of", e);
    }
  }

  private static boolean isFloat(int dataType) {
    return dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE;
  }

  private void checkPage(int page) throws ImageFormatException {
    int count = pageCount();
    if (page < 0 || page >= count) {
      throw new ImageFormatException(file, file + " has " + count + " page" + (count == 1 ? "" : "s")
          + " (0.." + (count - 1) + "); page " + page + " does not exist");
    }
  }

  private ImageFormatException failure(String what, Exception cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new ImageFormatException(file, what + " " + file + " (file truncated or corrupt?): " + reason, cause);
  }

  @Override
  public void close() throws IOException {
    reader.dispose();
    stream.close();
  }
}
