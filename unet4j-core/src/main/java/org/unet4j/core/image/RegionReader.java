package org.unet4j.core.image;

import java.io.IOException;

/**
 * Reads rectangular regions of a C×H×W image, so that images larger than memory can be processed region by region.
 * The shape of {@code org.unet4j.io.ImageSource#read}: a file source is passed as {@code source::read}.
 */
@FunctionalInterface
public interface RegionReader {

  /**
   * Reads rows {@code y0..y0+height−1} and columns {@code x0..x0+width−1} of every channel into {@code dst},
   * channel-major: value {@code (c, y, x)} goes to {@code dst[(c·height + y − y0)·width + x − x0]}.
   *
   * @throws IndexOutOfBoundsException if the region is empty or leaves the image
   * @throws IOException if decoding fails
   */
  void read(int y0, int x0, int height, int width, float[] dst) throws IOException;

  /** A reader over an in-memory image. */
  static RegionReader of(FloatImage image) {
    return (y0, x0, height, width, dst) -> {
      RegionBounds.check(y0, x0, height, width, image.height(), image.width());
      for (int c = 0; c < image.channels(); c++) {
        for (int y = 0; y < height; y++) {
          System.arraycopy(image.data(), (c * image.height() + y0 + y) * image.width() + x0, dst,
              (c * height + y) * width, width);
        }
      }
    };
  }
}
