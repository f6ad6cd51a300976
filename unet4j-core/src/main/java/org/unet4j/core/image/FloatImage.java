package org.unet4j.core.image;

import java.util.Arrays;

/**
 * A multi-channel float image stored channel-major: value {@code (c, y, x)} sits at {@code data[(c·height + y)·width
 * + x]}. Axis order is always {@code (C, y, x)}; sizes are in pixels.
 *
 * <p>The record shares its array: treat it as immutable after construction (copy with {@link #copy()} before
 * writing).
 *
 * @param channels number of channels (≥ 1)
 * @param height rows (y)
 * @param width columns (x)
 * @param data {@code channels·height·width} values
 */
public record FloatImage(int channels, int height, int width, float[] data) {

  /** Checks the sizes against the array length. */
  public FloatImage {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "image size " + channels + "×" + height + "×" + width + " (C×H×W) must be positive in every axis");
    }
    if (data.length != (long) channels * height * width) {
      throw new IllegalArgumentException(
          "data has " + data.length + " values but " + channels + "×" + height + "×" + width + " needs "
              + (long) channels * height * width);
    }
  }

  /** A zero image of the given size. */
  public static FloatImage zeros(int channels, int height, int width) {
    return new FloatImage(channels, height, width, new float[channels * height * width]);
  }

  /** The value at channel {@code c}, row {@code y}, column {@code x}. */
  public float get(int c, int y, int x) {
    return data[(c * height + y) * width + x];
  }

  /** Sets the value at channel {@code c}, row {@code y}, column {@code x} (only on images you own). */
  public void set(int c, int y, int x, float value) {
    data[(c * height + y) * width + x] = value;
  }

  /** Pixels per channel. */
  public int planeSize() {
    return height * width;
  }

  /** A deep copy. */
  public FloatImage copy() {
    return new FloatImage(channels, height, width, data.clone());
  }

  /** One channel as a single-channel image (a copy). */
  public FloatImage channel(int c) {
    float[] plane = Arrays.copyOfRange(data, c * planeSize(), (c + 1) * planeSize());
    return new FloatImage(1, height, width, plane);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatImage other
        && channels == other.channels
        && height == other.height
        && width == other.width
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "FloatImage[" + channels + "×" + height + "×" + width + "]";
  }
}
