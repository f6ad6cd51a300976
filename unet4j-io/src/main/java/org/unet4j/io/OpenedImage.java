package org.unet4j.io;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
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
  private final boolean tiff;
  private final Map<Integer, Optional<TiffSampleFormat>> tiffFormats = new HashMap<>();

  private OpenedImage(Path file, ImageInputStream stream, ImageReader reader) {
    this.file = file;
    this.stream = stream;
    this.reader = reader;
    boolean isTiff;
    try {
      String format = reader.getFormatName(); // "tiff" from TwelveMonkeys, "tif" from the JDK reader
      isTiff = format.equalsIgnoreCase("tiff") || format.equalsIgnoreCase("tif");
    } catch (IOException | RuntimeException e) {
      isTiff = false; // the decoder will report the problem when a page is read
    }
    this.tiff = isTiff;
  }

  /** Opens {@code file}; fails with a message naming the file if it is missing or no decoder recognises it. */
  static OpenedImage open(Path file) throws IOException {
    return open(file, PREFERRED_VENDOR);
  }

  /**
   * Opens {@code file} for region reads of page {@code page}. TIFFs are opened with the JDK's TIFF reader, which
   * decodes only the strips or tiles a region touches and does not clamp float samples: TwelveMonkeys 3.12 fails on
   * source regions of tiled TIFFs (haraldk/TwelveMonkeys#746, "Coordinate out of bounds") and was ~70× slower on
   * regions of striped ones (measured: 512×512 regions of a 12000×12000 float TIFF, 162 s vs 2.3 s for all 576
   * regions). Encodings the JDK reader gets wrong ({@link TiffSampleFormat#jdkReaderDecodesCorrectly()}: 16-bit
   * floats, predictors on 16/32-bit samples) stay with TwelveMonkeys.
   */
  static OpenedImage openForRegions(Path file, int page) throws IOException {
    OpenedImage opened = open(file);
    if (!opened.tiff || opened.decoderName().startsWith(JDK_TIFF_READER)) {
      return opened;
    }
    TiffSampleFormat format;
    try {
      opened.checkPage(page);
      format = opened.tiffFormat(page);
    } catch (ImageFormatException e) {
      // TwelveMonkeys also refuses the header of a TIFF whose later strips are cut off; the JDK reader decodes the
      // intact strips and re-checks the page and its encoding itself.
      format = null;
    }
    if (format != null && !format.jdkReaderDecodesCorrectly()) {
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

  /** The decoder (tests read its metadata). */
  ImageReader reader() {
    return reader;
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
    tiffFormat(page);
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
    TiffSampleFormat format = tiffFormat(page);
    Decoded decoded = decodeChecked(page, region);
    if (format != null && format.isUnsigned32()) {
      requireBelow2To31(decoded.raster(), page);
    }
    return decoded;
  }

  private Decoded decodeChecked(int page, Rectangle region) throws ImageFormatException {
    try {
      ImageReadParam param = reader.getDefaultReadParam();
      Rectangle request = region;
      if (region != null && needsFullWidthRegions(page) && region.width < reader.getWidth(page)) {
        // TwelveMonkeys 3.12 fails on regions of tiled TIFFs narrower than the image (haraldk/TwelveMonkeys#746)
        // but reads bands of full rows; used only for encodings the JDK reader cannot decode.
        request = new Rectangle(0, region.y, reader.getWidth(page), region.height);
      }
      if (request != null) {
        param.setSourceRegion(request);
      }
      ImageTypeSpecifier raw = reader.getRawImageType(page);
      Decoded decoded;
      if (raw != null && reader.canReadRaster() && isFloat(raw.getSampleModel().getDataType())) {
        // TwelveMonkeys clamps float samples to 0..1 in read() (for Java2D display); readRaster keeps them raw.
        decoded = new Decoded(raw.getColorModel(), reader.readRaster(page, param));
      } else {
        BufferedImage image = reader.read(page, param);
        decoded = new Decoded(image.getColorModel(), image.getRaster());
      }
      if (request == region) {
        return decoded;
      }
      Raster band = decoded.raster();
      return new Decoded(decoded.colorModel(),
          band.createChild(band.getMinX() + region.x, band.getMinY(), region.width, region.height, 0, 0, null));
    } catch (IOException | RuntimeException e) {
      throw failure("cannot decode page " + page + " of", e);
    }
  }

  private boolean needsFullWidthRegions(int page) throws IOException {
    return tiff && decoderName().startsWith(PREFERRED_VENDOR) && reader.isImageTiled(page);
  }

  /**
   * The declared TIFF sample encoding of {@code page} (null for other formats or when the tags are absent), refused
   * with a clear message if the decoders would misread it.
   */
  private TiffSampleFormat tiffFormat(int page) throws ImageFormatException {
    if (!tiff) {
      return null;
    }
    Optional<TiffSampleFormat> known = tiffFormats.get(page);
    if (known == null) {
      try {
        known = Optional.ofNullable(TiffSampleFormat.of(reader.getImageMetadata(page)));
      } catch (IOException | RuntimeException e) {
        throw failure("cannot read the header of", e);
      }
      tiffFormats.put(page, known);
    }
    if (known.isPresent()) {
      known.get().requireSupported(file, page);
    }
    return known.orElse(null);
  }

  /** AWT stores unsigned 32-bit samples in signed ints: a negative one was ≥ 2³¹ in the file. */
  private void requireBelow2To31(Raster raster, int page) throws ImageFormatException {
    int w = raster.getWidth();
    int[] row = new int[w];
    for (int b = 0; b < raster.getNumBands(); b++) {
      for (int y = 0; y < raster.getHeight(); y++) {
        raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, b, row);
        for (int x = 0; x < w; x++) {
          if (row[x] < 0) {
            throw new ImageFormatException(file, file + (page > 0 ? " page " + page : "") + " has the unsigned 32-bit"
                + " value " + Integer.toUnsignedString(row[x]) + " at (y=" + (raster.getMinY() + y) + ", x="
                + (raster.getMinX() + x) + "); unet4j reads 32-bit integers up to 2147483647 only: store the"
                + " image as 32-bit float, or relabel a label image consecutively (1..n) and save it as 16-bit");
          }
        }
      }
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
