package org.unet4j.core.tiling;

/**
 * The 8 flips and 90° rotations of a rectangle (the dihedral group D4), each as an optional transpose followed by
 * optional flips, applied to stacks of {@code H×W} planes.
 *
 * <p>For a transformed plane of size {@code H'×W'} ({@code W×H} if the element transposes), value {@code (y, x)} is
 * read from the original at {@code (sy, sx)}: with {@code y1 = flipY ? H'−1−y : y} and {@code x1 = flipX ? W'−1−x :
 * x}, {@code (sy, sx) = transpose ? (x1, y1) : (y1, x1)}. Rotations: {@code ROTATE_90 = transpose + flipY}
 * (counter-clockwise), {@code ROTATE_270 = transpose + flipX}.
 */
public enum DihedralTransform {
  /** No change. */
  IDENTITY(false, false, false),
  /** Mirror left ↔ right. */
  FLIP_X(false, false, true),
  /** Mirror top ↔ bottom. */
  FLIP_Y(false, true, false),
  /** Rotation by 180°. */
  ROTATE_180(false, true, true),
  /** Mirror about the main diagonal. */
  TRANSPOSE(true, false, false),
  /** Rotation by 90° counter-clockwise. */
  ROTATE_90(true, true, false),
  /** Rotation by 90° clockwise. */
  ROTATE_270(true, false, true),
  /** Mirror about the anti-diagonal. */
  ANTI_TRANSPOSE(true, true, true);

  private final boolean transpose;
  private final boolean flipY;
  private final boolean flipX;

  DihedralTransform(boolean transpose, boolean flipY, boolean flipX) {
    this.transpose = transpose;
    this.flipY = flipY;
    this.flipX = flipX;
  }

  /** Whether height and width swap. */
  public boolean transposes() {
    return transpose;
  }

  /**
   * The transformed planes: {@code planes} planes of {@code height×width} become planes of {@code height×width} (or
   * {@code width×height} if the element transposes).
   */
  public float[] apply(float[] source, int planes, int height, int width) {
    float[] out = new float[planes * height * width];
    int[] map = sourceIndex(height, width);
    int plane = height * width;
    for (int p = 0; p < planes; p++) {
      int base = p * plane;
      for (int i = 0; i < plane; i++) {
        out[base + i] = source[base + map[i]];
      }
    }
    return out;
  }

  /**
   * Undoes this element on {@code transformed} (planes of the transformed size, whose original size is {@code
   * height×width}) and adds the result to {@code sums}.
   */
  public void addInverse(float[] transformed, int planes, int height, int width, double[] sums) {
    int[] map = sourceIndex(height, width);
    int plane = height * width;
    for (int p = 0; p < planes; p++) {
      int base = p * plane;
      for (int i = 0; i < plane; i++) {
        sums[base + map[i]] += transformed[base + i];
      }
    }
  }

  /** For each transformed pixel (row-major), the row-major index of its source pixel in a {@code height×width} plane. */
  private int[] sourceIndex(int height, int width) {
    int outHeight = transpose ? width : height;
    int outWidth = transpose ? height : width;
    int[] map = new int[height * width];
    for (int y = 0; y < outHeight; y++) {
      int y1 = flipY ? outHeight - 1 - y : y;
      for (int x = 0; x < outWidth; x++) {
        int x1 = flipX ? outWidth - 1 - x : x;
        map[y * outWidth + x] = transpose ? x1 * width + y1 : y1 * width + x1;
      }
    }
    return map;
  }
}
