package org.unet4j.core.augment;

/**
 * A dense per-pixel displacement, in pixels: pixel {@code (y, x)} of the output grid is displaced by
 * {@code (dy[y·width + x], dx[y·width + x])} before the rest of a {@link SpatialTransform} maps it to the source.
 *
 * <p>The record shares its arrays: treat it as immutable.
 *
 * @param height rows of the output grid
 * @param width columns of the output grid
 * @param dy row displacement per pixel (px), row-major
 * @param dx column displacement per pixel (px), row-major
 */
public record DisplacementField(int height, int width, float[] dy, float[] dx) {

  /** Checks sizes against the array lengths. */
  public DisplacementField {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("displacement field size " + height + "×" + width + " must be positive");
    }
    long n = (long) height * width;
    if (dy.length != n || dx.length != n) {
      throw new IllegalArgumentException(
          "displacement field " + height + "×" + width + " needs " + n + " values per axis, got dy "
              + dy.length + " and dx " + dx.length);
    }
  }

  /** The zero field (identity displacement). */
  public static DisplacementField zero(int height, int width) {
    return new DisplacementField(height, width, new float[height * width], new float[height * width]);
  }

  /** A field displacing every pixel by the same {@code (dy, dx)} px. */
  public static DisplacementField constant(int height, int width, float dy, float dx) {
    float[] ys = new float[height * width];
    float[] xs = new float[height * width];
    java.util.Arrays.fill(ys, dy);
    java.util.Arrays.fill(xs, dx);
    return new DisplacementField(height, width, ys, xs);
  }

  /** Row displacement (px) at {@code (y, x)}. */
  public float dyAt(int y, int x) {
    return dy[y * width + x];
  }

  /** Column displacement (px) at {@code (y, x)}. */
  public float dxAt(int y, int x) {
    return dx[y * width + x];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DisplacementField f
        && height == f.height
        && width == f.width
        && java.util.Arrays.equals(dy, f.dy)
        && java.util.Arrays.equals(dx, f.dx);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * height + width) + java.util.Arrays.hashCode(dy)) + java.util.Arrays.hashCode(dx);
  }

  @Override
  public String toString() {
    return "DisplacementField[" + height + "×" + width + "]";
  }
}
