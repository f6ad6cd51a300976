package org.unet4j.io;

import java.io.IOException;
import java.nio.file.Path;
import org.unet4j.core.image.LabelImage;

/**
 * Reads microscopy images with their raw sample values: TIFF (8/16/32-bit integer and 32-bit float, grey or RGB,
 * single page or multipage stacks; uncompressed, LZW, Deflate, PackBits) through the TwelveMonkeys plugin,
 * and PNG, JPEG, GIF and BMP through the JDK's ImageIO.
 *
 * <p>Values are never rescaled: a 16-bit pixel of 40000 reads as 40000.0f. Alpha channels are dropped; palette images
 * are expanded through their palette (to grey when the palette is grey). Use {@link #readLabels} for masks, which
 * keeps exact integers and palette indices.
 */
public final class MicroscopyImages {
  private MicroscopyImages() {}

  /** Reads the first page of {@code file}. Same as {@code read(file, 0)}. */
  public static RawImage read(Path file) throws IOException {
    return read(file, 0);
  }

  /**
   * Reads page {@code page} (0-based) of {@code file}.
   *
   * @throws ImageFormatException if the file is missing, unrecognised, truncated or corrupt, has no such page, or
   *     stores an unsupported sample format; the message names the file and the decoder's cause
   */
  public static RawImage read(Path file, int page) throws IOException {
    try (OpenedImage opened = OpenedImage.open(file)) {
      return Rasters.toRawImage(opened.decode(page, null), file);
    }
  }

  /** Number of pages in {@code file} (1 for PNG/JPEG/BMP and single-page TIFF). */
  public static int pageCount(Path file) throws IOException {
    try (OpenedImage opened = OpenedImage.open(file)) {
      return opened.pageCount();
    }
  }

  /**
   * How page {@code page} of {@code file} stores its samples, read from the header without decoding the pixels.
   *
   * @throws ImageFormatException as {@link #read(Path, int)}
   */
  public static SampleType sampleType(Path file, int page) throws IOException {
    try (OpenedImage opened = OpenedImage.open(file)) {
      return opened.sampleType(page);
    }
  }

  /** Reads the first page of {@code file} as labels. Same as {@code readLabels(file, 0)}. */
  public static LabelImage readLabels(Path file) throws IOException {
    return readLabels(file, 0);
  }

  /**
   * Reads page {@code page} of {@code file} as exact integer labels: the stored values of the first channel (palette
   * indices for palette images, not colours). An RGB mask is accepted only if its three channels are equal; float
   * data only if every value is a whole number ≥ 0.
   *
   * @throws ImageFormatException as {@link #read(Path, int)}, and for negative, fractional or colour labels
   */
  public static LabelImage readLabels(Path file, int page) throws IOException {
    try (OpenedImage opened = OpenedImage.open(file)) {
      return Rasters.toLabels(opened.decode(page, null), file);
    }
  }
}
