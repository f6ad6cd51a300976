package org.unet4j.core.tiling;

/**
 * Mirror boundary: maps any integer index to a valid index in {@code [0, n)} by reflecting about the first and
 * last pixel <em>without repeating the edge pixel</em> (numpy {@code mode='reflect'}, imglib2
 * {@code Boundary.SINGLE}, OpenCV {@code BORDER_REFLECT_101}). This is the overlap-tile padding of the U-Net
 * paper: the missing context at the image border is extrapolated by mirroring.
 *
 * <pre>
 * n = 4 (valid indices 0 1 2 3), period 2n − 2 = 6:
 *   index   −6 −5 −4 −3 −2 −1 │ 0  1  2  3 │ 4  5  6  7  8  9
 *   mirror   0  1  2  3  2  1 │ 0  1  2  3 │ 2  1  0  1  2  3
 * </pre>
 *
 * <p>The mapping is periodic with period {@code 2n − 2} and even ({@code f(−i) = f(i)}), so offsets far beyond
 * the image (e.g. a 572-px tile around a 10-px image) still land inside it.
 *
 * <p><b>n = 1</b> maps every index to 0 (the period would be 0). The architecture draft proposed rejecting
 * {@code n = 1}; we accept it because a 1-px-wide image (a line scan, a tiny test image) then pads to a constant,
 * which is the only sensible mirror of a single pixel.
 */
public final class MirrorIndex {

  private MirrorIndex() {}

  /**
   * The index in {@code [0, size)} that mirror padding reads for {@code index}.
   *
   * <p>Formula: with {@code p = 2·size − 2} and {@code r = index mod p} (non-negative), the result is {@code r}
   * if {@code r < size}, else {@code p − r}. Inside the image ({@code 0 ≤ index < size}) it is the identity.
   *
   * @param index any integer index (pixels; may be negative or far beyond the image)
   * @param size the number of valid indices (≥ 1)
   * @throws IllegalArgumentException if {@code size < 1}
   */
  public static int reflect(int index, int size) {
    if (index >= 0 && index < size) {
      return index;
    }
    if (size < 1) {
      throw new IllegalArgumentException("mirror padding needs a size of at least 1 px, got " + size);
    }
    if (size == 1) {
      return 0;
    }
    // One reflection (the usual case of a crop or warp reaching past an edge) needs no division.
    if (index < 0 && index > -size) {
      return -index;
    }
    long period = 2L * size - 2; // long: overflows int for sizes above 2^30, and index − (−p) could too
    if (index >= size && index <= period) {
      return (int) (period - index);
    }
    long r = Math.floorMod((long) index, period);
    return (int) (r < size ? r : period - r);
  }

  /**
   * The mirrored indices for the consecutive range {@code [start, start + length)}: element {@code k} is
   * {@code reflect(start + k, size)}. Useful as a lookup table for a row or column of a padded crop.
   *
   * @param start first index (may be negative)
   * @param length number of indices (≥ 0)
   * @param size the number of valid indices (≥ 1)
   */
  public static int[] reflectRange(int start, int length, int size) {
    if (length < 0) {
      throw new IllegalArgumentException("range length must be ≥ 0, got " + length);
    }
    int[] out = new int[length];
    for (int k = 0; k < length; k++) {
      out[k] = reflect(start + k, size);
    }
    return out;
  }
}
