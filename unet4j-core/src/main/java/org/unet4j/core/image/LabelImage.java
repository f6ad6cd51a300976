package org.unet4j.core.image;

import java.util.Arrays;

/**
 * An integer label image, row-major: value {@code (y, x)} sits at {@code data[y·width + x]}. Used for class
 * indices (0 = background) and for instance labels (0 = background, 1..n = objects).
 *
 * <p>The record shares its array: treat it as immutable after construction.
 *
 * @param height rows (y)
 * @param width columns (x)
 * @param data {@code height·width} labels
 */
public record LabelImage(int height, int width, int[] data) {

  /** Checks the sizes against the array length. */
  public LabelImage {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("label image size " + height + "×" + width + " (H×W) must be positive");
    }
    if (data.length != (long) height * width) {
      throw new IllegalArgumentException(
          "data has " + data.length + " labels but " + height + "×" + width + " needs " + (long) height * width);
    }
  }

  /** An all-zero label image. */
  public static LabelImage zeros(int height, int width) {
    return new LabelImage(height, width, new int[height * width]);
  }

  /** The label at row {@code y}, column {@code x}. */
  public int get(int y, int x) {
    return data[y * width + x];
  }

  /** Sets the label at row {@code y}, column {@code x} (only on images you own). */
  public void set(int y, int x, int label) {
    data[y * width + x] = label;
  }

  /** The largest label value (0 for an empty image). */
  public int maxLabel() {
    int max = 0;
    for (int v : data) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** A binary mask: 1 where the label is non-zero, else 0. */
  public LabelImage foreground() {
    int[] mask = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      mask[i] = (data[i] | -data[i]) >>> 31; // 1 unless 0, without a branch (so the loop vectorises)
    }
    return new LabelImage(height, width, mask);
  }

  /** A deep copy. */
  public LabelImage copy() {
    return new LabelImage(height, width, data.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelImage other
        && height == other.height
        && width == other.width
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * height + width) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "LabelImage[" + height + "×" + width + "]";
  }
}
