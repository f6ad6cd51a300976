package org.unet4j.io;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An {@link ImageSource} over one page of an image file, decoding only the requested region through
 * {@code ImageReadParam.setSourceRegion}: for striped or tiled TIFF files only the strips or tiles that intersect the
 * region are decoded, so memory stays proportional to the region. (PNG/JPEG decoders may decode more.)
 *
 * <p>TIFFs are decoded by the JDK's TIFF reader here (TwelveMonkeys 3.12 cannot read regions of tiled files and is
 * far slower on regions of striped ones); other formats by the usual decoder.
 *
 * <p>Keeps the file open until {@link #close()}. Not thread-safe.
 */
public final class FileImageSource implements ImageSource, AutoCloseable {
  private final OpenedImage opened;
  private final int page;
  private final int height;
  private final int width;
  private final int channels;
  private final SampleType sampleType;

  private FileImageSource(OpenedImage opened, int page) throws IOException {
    this.opened = opened;
    this.page = page;
    this.height = opened.height(page);
    this.width = opened.width(page);
    RawImage corner = Rasters.toRawImage(opened.decode(page, new Rectangle(0, 0, 1, 1)), opened.file());
    this.channels = corner.channels();
    this.sampleType = corner.sampleType();
  }

  /**
   * Opens page {@code page} of {@code file}.
   *
   * @throws ImageFormatException if the file cannot be decoded or has no such page
   */
  public static FileImageSource open(Path file, int page) throws IOException {
    OpenedImage opened = OpenedImage.openForRegions(file, page);
    try {
      return new FileImageSource(opened, page);
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int channels() {
    return channels;
  }

  /** How the samples are stored in the file. */
  public SampleType sampleType() {
    return sampleType;
  }

  @Override
  public void read(int y0, int x0, int h, int w, float[] dst) throws IOException {
    ImageSource.checkRegion(this, y0, x0, h, w, dst.length);
    OpenedImage.Decoded decoded = opened.decode(page, new Rectangle(x0, y0, w, h));
    if (decoded.raster().getWidth() != w || decoded.raster().getHeight() != h) {
      throw new ImageFormatException(opened.file(), opened.file() + ": decoder returned "
          + decoded.raster().getHeight() + "×" + decoded.raster().getWidth() + " for a " + h + "×" + w + " region");
    }
    Rasters.copyChannels(decoded.colorModel(), decoded.raster(), dst, 0);
  }

  @Override
  public void close() throws IOException {
    opened.close();
  }
}
