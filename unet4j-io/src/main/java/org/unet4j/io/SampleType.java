package org.unet4j.io;

/**
 * The storage type of one sample in an image file, kept next to the decoded values so that callers can tell 8-bit
 * from 16-bit data (for example to pick a fixed normalisation range) without guessing from the values.
 */
public enum SampleType {
  /** Unsigned 8-bit (also used for 1- to 7-bit data, whose values stay in {@code 0..2^bits−1}). */
  UINT8(8, 0, 255),
  /** Unsigned 16-bit, values {@code 0..65535}. */
  UINT16(16, 0, 65_535),
  /** Signed 16-bit, values {@code −32768..32767}. */
  INT16(16, -32_768, 32_767),
  /**
   * 32-bit integer. Decoded as Java {@code int}; unsigned 32-bit TIFF values ≥ 2³¹ come out negative. As floats the
   * values are exact only up to 2²⁴ = 16 777 216.
   */
  INT32(32, Integer.MIN_VALUE, Integer.MAX_VALUE),
  /** IEEE 32-bit float; {@link #minValue()}/{@link #maxValue()} are the conventional 0..1 intensity range. */
  FLOAT32(32, 0, 1),
  /** IEEE 64-bit float (decoded to 32-bit float); conventional range 0..1. */
  FLOAT64(64, 0, 1);

  private final int bitsPerSample;
  private final double minValue;
  private final double maxValue;

  SampleType(int bitsPerSample, double minValue, double maxValue) {
    this.bitsPerSample = bitsPerSample;
    this.minValue = minValue;
    this.maxValue = maxValue;
  }

  /** Bits per sample in the file (8, 16, 32 or 64). */
  public int bitsPerSample() {
    return bitsPerSample;
  }

  /** The smallest representable value, the low end of the default fixed normalisation range. */
  public double minValue() {
    return minValue;
  }

  /**
   * The largest representable value (255, 65535, …), the high end of the default fixed normalisation range; 1 for
   * floating-point types.
   */
  public double maxValue() {
    return maxValue;
  }

  /** Whether samples are integers (every type but {@link #FLOAT32} and {@link #FLOAT64}). */
  public boolean isInteger() {
    return this != FLOAT32 && this != FLOAT64;
  }
}
