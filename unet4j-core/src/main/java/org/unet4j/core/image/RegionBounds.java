package org.unet4j.core.image;

/** The bounds check shared by the in-memory region reader and writer. */
final class RegionBounds {
  private RegionBounds() {}

  static void check(int y0, int x0, int height, int width, int imageHeight, int imageWidth) {
    if (height < 1 || width < 1 || y0 < 0 || x0 < 0 || (long) y0 + height > imageHeight
        || (long) x0 + width > imageWidth) {
      throw new IndexOutOfBoundsException("region y=" + y0 + "+" + height + ", x=" + x0 + "+" + width
          + " is empty or leaves the " + imageHeight + "×" + imageWidth + " image");
    }
  }
}
