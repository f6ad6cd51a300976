package org.unet4j.core.geometry;

/**
 * Integer arithmetic on pixel intervals: rounding-up division and growing/intersecting {@link Interval2d}s. One
 * tested place for it, so no caller divides before rounding.
 */
public final class Intervals {

  private Intervals() {}

  /**
   * {@code ⌈a / b⌉} for {@code a ≥ 0, b > 0}, without going through floating point. Example: a 1000-px image
   * needs {@code ceilDiv(1000, 388) = 3} output tiles of 388 px.
   *
   * @throws IllegalArgumentException if {@code a < 0} or {@code b ≤ 0}
   */
  public static int ceilDiv(int a, int b) {
    if (a < 0 || b <= 0) {
      throw new IllegalArgumentException("ceilDiv needs a ≥ 0 and b > 0, got a = " + a + ", b = " + b);
    }
    return (int) (((long) a + b - 1) / b);
  }

  /**
   * The interval grown by {@code marginPx} on every side (shrunk if negative): a U-Net output tile expanded by
   * the network margin gives its input tile (388 px + 2·92 px = 572 px).
   *
   * @throws IllegalArgumentException if a negative margin would make the size negative
   */
  public static Interval2d expand(Interval2d interval, int marginPx) {
    int height = interval.height() + 2 * marginPx;
    int width = interval.width() + 2 * marginPx;
    if (height < 0 || width < 0) {
      throw new IllegalArgumentException(
          "cannot shrink " + interval + " by " + -marginPx + " px per side: the size would be negative");
    }
    return new Interval2d(interval.y0() - marginPx, interval.x0() - marginPx, height, width);
  }

  /**
   * The pixels in both intervals. Disjoint intervals give an empty interval (size 0) whose origin is the
   * clamped corner, so the result is always a valid {@link Interval2d}.
   */
  public static Interval2d intersect(Interval2d a, Interval2d b) {
    int y0 = Math.max(a.y0(), b.y0());
    int x0 = Math.max(a.x0(), b.x0());
    int y1 = Math.min(a.y1(), b.y1());
    int x1 = Math.min(a.x1(), b.x1());
    return new Interval2d(y0, x0, Math.max(0, y1 - y0), Math.max(0, x1 - x0));
  }
}
