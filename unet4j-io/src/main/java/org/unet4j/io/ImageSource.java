package org.unet4j.io;

import java.io.IOException;

/**
 * A C×H×W image that can be read region by region, so that images larger than memory can be processed tile by tile.
 * Values are raw (not normalised).
 */
public interface ImageSource {
  /** Rows. */
  int height();

  /** Columns. */
  int width();

  /** Channels. */
  int channels();

  /**
   * Reads rows {@code y0..y0+h−1} and columns {@code x0..x0+w−1} of every channel into {@code dst}, channel-major:
   * value {@code (c, y, x)} goes to {@code dst[(c·h + (y−y0))·w + (x−x0)]}.
   *
   * @throws IndexOutOfBoundsException if the region is empty or leaves the image, or {@code dst} is shorter than
   *     {@code channels()·h·w}
   * @throws IOException if decoding fails
   */
  void read(int y0, int x0, int h, int w, float[] dst) throws IOException;

  /** Checks a region against an image of the given size and a destination array; shared by implementations. */
  static void checkRegion(ImageSource image, int y0, int x0, int h, int w, int arrayLength) {
    if (h < 1 || w < 1 || y0 < 0 || x0 < 0 || (long) y0 + h > image.height() || (long) x0 + w > image.width()) {
      throw new IndexOutOfBoundsException("region y=" + y0 + "+" + h + ", x=" + x0 + "+" + w
          + " is empty or leaves the " + image.height() + "×" + image.width() + " image");
    }
    if (arrayLength < (long) image.channels() * h * w) {
      throw new IndexOutOfBoundsException("array of " + arrayLength + " values is too small for " + image.channels()
          + "×" + h + "×" + w);
    }
  }
}
