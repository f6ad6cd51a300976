package org.unet4j.core.geometry;

/**
 * An axis-aligned rectangle of pixels, {@code [y0, y0 + height) × [x0, x0 + width)}, in the project's axis
 * order {@code (y0, x0, height, width)}. The origin may be negative or beyond an image (a tile reaching into
 * the mirror padding); the size is never negative.
 *
 * @param y0 first row (inclusive)
 * @param x0 first column (inclusive)
 * @param height rows (≥ 0)
 * @param width columns (≥ 0)
 */
public record Interval2d(int y0, int x0, int height, int width) {

  /** Checks that the size is not negative. */
  public Interval2d {
    if (height < 0 || width < 0) {
      throw new IllegalArgumentException(
          "interval size " + height + "×" + width + " (H×W) must not be negative");
    }
  }

  /** The interval {@code [0, height) × [0, width)} covering a whole image. */
  public static Interval2d ofSize(int height, int width) {
    return new Interval2d(0, 0, height, width);
  }

  /** One past the last row, {@code y0 + height}. */
  public int y1() {
    return y0 + height;
  }

  /** One past the last column, {@code x0 + width}. */
  public int x1() {
    return x0 + width;
  }

  /** The number of pixels, {@code height·width}. */
  public long area() {
    return (long) height * width;
  }

  /** Whether the interval has no pixels. */
  public boolean isEmpty() {
    return height == 0 || width == 0;
  }

  /** Whether pixel {@code (y, x)} lies inside. */
  public boolean contains(int y, int x) {
    return y >= y0 && y < y1() && x >= x0 && x < x1();
  }

  /** Whether {@code other} lies entirely inside this interval (an empty interval is contained everywhere). */
  public boolean contains(Interval2d other) {
    return other.isEmpty()
        || (other.y0 >= y0 && other.y1() <= y1() && other.x0 >= x0 && other.x1() <= x1());
  }

  /** The same size moved by {@code (dy, dx)} pixels. */
  public Interval2d translate(int dy, int dx) {
    return new Interval2d(y0 + dy, x0 + dx, height, width);
  }
}
