package org.unet4j.io;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact percentiles of each channel of an image read strip by strip, in bounded memory, equal to {@link
 * Normalization.Percentile#percentiles} on the whole image.
 *
 * <p>Two passes of a radix selection over the floats' order-preserving 32-bit keys: the first counts the high 16 key
 * bits, which locates the bucket of every needed order statistic; the second counts the low 16 bits inside those
 * buckets only, which pins the exact value. Memory: {@code 65 536} counts per channel plus one per needed bucket
 * (at most 4 per channel), and one strip of about 4 M values. NaN values are ignored.
 */
final class StreamingPercentiles {
  private static final int BUCKETS = 1 << 16;
  private static final int STRIP_VALUES = 1 << 22;

  private StreamingPercentiles() {}

  /** {@code result[c] = {low percentile, high percentile}} of channel {@code c} ({@code NaN, NaN} if all NaN). */
  static double[][] of(ImageSource image, double lowPercent, double highPercent) throws IOException {
    return of(image, lowPercent, highPercent, STRIP_VALUES);
  }

  /** As {@link #of(ImageSource, double, double)}, reading strips of about {@code stripValues} values. */
  static double[][] of(ImageSource image, double lowPercent, double highPercent, int stripValues)
      throws IOException {
    int channels = image.channels();
    long[][] high = new long[channels][BUCKETS];
    long[] counts = new long[channels];
    forEachValue(image, stripValues, (c, key) -> {
      high[c][key >>> 16]++;
      counts[c]++;
    });
    // the order statistics each channel needs: below and above both percentile positions
    long[][] ranks = new long[channels][];
    Map<Long, long[]> lowCounts = new HashMap<>(); // (channel, high bits) → counts of the low 16 bits
    for (int c = 0; c < channels; c++) {
      long n = counts[c];
      if (n == 0) {
        continue;
      }
      ranks[c] = new long[] {below(lowPercent, n), above(lowPercent, n), below(highPercent, n), above(highPercent, n)};
      for (long rank : ranks[c]) {
        int bucket = OrderStatistics.indexOfRank(high[c], rank);
        lowCounts.computeIfAbsent(bucketKey(c, bucket), k -> new long[BUCKETS]);
      }
    }
    if (!lowCounts.isEmpty()) {
      forEachValue(image, stripValues, (c, key) -> {
        long[] low = lowCounts.get(bucketKey(c, key >>> 16));
        if (low != null) {
          low[key & 0xFFFF]++;
        }
      });
    }
    double[][] result = new double[channels][];
    for (int c = 0; c < channels; c++) {
      if (ranks[c] == null) {
        result[c] = new double[] {Double.NaN, Double.NaN};
        continue;
      }
      long[] rank = ranks[c];
      double[] value = new double[4];
      for (int i = 0; i < 4; i++) {
        int bucket = OrderStatistics.indexOfRank(high[c], rank[i]);
        long before = 0;
        for (int b = 0; b < bucket; b++) {
          before += high[c][b];
        }
        int lowBits = OrderStatistics.indexOfRank(lowCounts.get(bucketKey(c, bucket)), rank[i] - before);
        value[i] = valueOf(((long) bucket << 16) | lowBits);
      }
      long n = counts[c];
      result[c] = new double[] {
        OrderStatistics.interpolate(k -> k == rank[0] ? value[0] : value[1], n, lowPercent),
        OrderStatistics.interpolate(k -> k == rank[2] ? value[2] : value[3], n, highPercent)};
    }
    return result;
  }

  private static long below(double percent, long n) {
    return (long) Math.floor(percent / 100.0 * (n - 1));
  }

  private static long above(double percent, long n) {
    return Math.min(below(percent, n) + 1, n - 1);
  }

  private static long bucketKey(int channel, int bucket) {
    return ((long) channel << 16) | bucket;
  }

  /**
   * The order-preserving unsigned key of a float: negative floats have their magnitude bits flipped, then the sign
   * bit is flipped, so unsigned key order is float order (−0 before +0, as {@code Arrays.sort}).
   */
  static int keyOf(float value) {
    int bits = Float.floatToRawIntBits(value);
    int signed = bits < 0 ? bits ^ 0x7FFF_FFFF : bits;
    return signed ^ 0x8000_0000;
  }

  static float valueOf(long key) {
    int signed = (int) key ^ 0x8000_0000;
    return Float.intBitsToFloat(signed < 0 ? signed ^ 0x7FFF_FFFF : signed);
  }

  private interface KeyConsumer {
    void accept(int channel, int key);
  }

  private static void forEachValue(ImageSource image, int stripValues, KeyConsumer consumer) throws IOException {
    int width = image.width();
    int channels = image.channels();
    int rows = (int) Math.max(1, Math.min(image.height(), stripValues / ((long) channels * width)));
    float[] strip = new float[channels * rows * width];
    for (int y0 = 0; y0 < image.height(); y0 += rows) {
      int h = Math.min(rows, image.height() - y0);
      image.read(y0, 0, h, width, strip);
      for (int c = 0; c < channels; c++) {
        for (int i = c * h * width; i < (c + 1) * h * width; i++) {
          float v = strip[i];
          if (!Float.isNaN(v)) {
            consumer.accept(c, keyOf(v));
          }
        }
      }
    }
  }
}
