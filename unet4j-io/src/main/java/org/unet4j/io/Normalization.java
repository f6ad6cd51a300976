package org.unet4j.io;

import java.io.IOException;
import java.util.Arrays;
import org.unet4j.core.image.FloatImage;

/**
 * How raw intensities are mapped to network input, channel by channel: {@code out = (x − lo) / (hi − lo)} with
 * {@code lo, hi} from the image's own percentiles ({@link Percentile}), from a fixed range ({@link FixedRange}), or
 * no mapping at all ({@link None}).
 *
 * <p>Values outside {@code [lo, hi]} are not clipped (they map below 0 or above 1), as in CSBDeep's percentile
 * normalisation. A channel with {@code hi == lo} becomes all 0.
 */
public sealed interface Normalization {

  /** The default per-image normalisation: percentiles 1 % and 99.8 % of each channel map to 0 and 1. */
  static Normalization percentile() {
    return new Percentile(1.0, 99.8);
  }

  /**
   * The full range of {@code type} mapped to [0, 1]: 0..255 for 8-bit, 0..65535 for 16-bit (never 255), the type's
   * signed range for INT16/INT32, and 0..1 (identity) for float data.
   */
  static Normalization fixedRange(SampleType type) {
    return new FixedRange(type.minValue(), type.maxValue());
  }

  /** Maps every channel of {@code raw} to a new image; {@code raw} is not modified. */
  FloatImage apply(FloatImage raw);

  /**
   * The map this normalisation applies to {@code image}, computed from region reads in bounded memory (two passes
   * for {@link Percentile}), so that {@code mappingFor(source).applyTo(source)} gives exactly the values {@link
   * #apply} gives on the loaded image, for images too large to load.
   *
   * @throws IOException if reading fails
   */
  IntensityMapping mappingFor(ImageSource image) throws IOException;

  /**
   * Per-image, per-channel percentile scaling.
   *
   * <p>The p-th percentile of n values sorted as v₀ ≤ … ≤ vₙ₋₁ is the linear interpolation at position
   * {@code p/100·(n−1)} (NumPy's default "linear" method). It is exact: computed by a counting histogram when every
   * value is an integer in 0..65535, else by sorting a copy. NaN values are ignored.
   *
   * @param lowPercent percentile mapped to 0, in [0, 100)
   * @param highPercent percentile mapped to 1, in (lowPercent, 100]
   */
  record Percentile(double lowPercent, double highPercent) implements Normalization {
    /** Checks {@code 0 ≤ lowPercent < highPercent ≤ 100}. */
    public Percentile {
      if (!(lowPercent >= 0 && lowPercent < highPercent && highPercent <= 100)) {
        throw new IllegalArgumentException("percentiles must satisfy 0 ≤ low < high ≤ 100, got low=" + lowPercent
            + ", high=" + highPercent);
      }
    }

    @Override
    public FloatImage apply(FloatImage raw) {
      float[] out = new float[raw.data().length];
      int plane = raw.planeSize();
      for (int c = 0; c < raw.channels(); c++) {
        double[] bounds = percentiles(raw.data(), c * plane, plane, lowPercent, highPercent);
        IntensityMapping.scale(raw.data(), out, c * plane, plane, bounds[0], bounds[1]);
      }
      return new FloatImage(raw.channels(), raw.height(), raw.width(), out);
    }

    /**
     * The two percentiles {@code lowPercent} and {@code highPercent} of {@code values[from, from+length)}; both NaN if
     * every value is NaN.
     */
    public static double[] percentiles(float[] values, int from, int length, double lowPercent,
        double highPercent) {
      long[] counts = uint16Histogram(values, from, length);
      if (counts != null) {
        return new double[] {
          OrderStatistics.interpolate(k -> OrderStatistics.indexOfRank(counts, k), length, lowPercent),
          OrderStatistics.interpolate(k -> OrderStatistics.indexOfRank(counts, k), length, highPercent)};
      }
      float[] sorted = Arrays.copyOfRange(values, from, from + length);
      Arrays.sort(sorted); // NaN sorts last
      int n = sorted.length;
      while (n > 0 && Float.isNaN(sorted[n - 1])) {
        n--;
      }
      if (n == 0) {
        return new double[] {Double.NaN, Double.NaN};
      }
      return new double[] {
        OrderStatistics.interpolate(k -> sorted[(int) k], n, lowPercent),
        OrderStatistics.interpolate(k -> sorted[(int) k], n, highPercent)};
    }

    @Override
    public IntensityMapping mappingFor(ImageSource image) throws IOException {
      double[][] bounds = StreamingPercentiles.of(image, lowPercent, highPercent);
      double[] low = new double[bounds.length];
      double[] high = new double[bounds.length];
      for (int c = 0; c < bounds.length; c++) {
        low[c] = bounds[c][0];
        high[c] = bounds[c][1];
      }
      return new IntensityMapping(low, high);
    }

    /** Counts per value if every value is an integer in 0..65535, else null. */
    private static long[] uint16Histogram(float[] values, int from, int length) {
      // Below ~64 k values sorting is as fast as clearing the histogram.
      if (length < 65_536) {
        return null;
      }
      long[] counts = new long[65_536];
      for (int i = from; i < from + length; i++) {
        float v = values[i];
        if (!(v >= 0 && v <= 65_535 && v == (int) v)) {
          return null;
        }
        counts[(int) v]++;
      }
      return counts;
    }
  }

  /**
   * A fixed range {@code [min, max]} mapped to [0, 1] for every channel and image (reproducible across images; use
   * {@link Normalization#fixedRange(SampleType)} for the full range of a bit depth).
   *
   * @param min value mapped to 0
   * @param max value mapped to 1, {@code > min}
   */
  record FixedRange(double min, double max) implements Normalization {
    /** Checks {@code min < max}, both finite. */
    public FixedRange {
      if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
        throw new IllegalArgumentException("fixed range needs finite min < max, got min=" + min + ", max=" + max);
      }
    }

    @Override
    public FloatImage apply(FloatImage raw) {
      float[] out = new float[raw.data().length];
      IntensityMapping.scale(raw.data(), out, 0, out.length, min, max);
      return new FloatImage(raw.channels(), raw.height(), raw.width(), out);
    }

    @Override
    public IntensityMapping mappingFor(ImageSource image) {
      return IntensityMapping.uniform(image.channels(), min, max);
    }
  }

  /** Raw values passed through unchanged (for data already in a suitable range). */
  record None() implements Normalization {
    @Override
    public FloatImage apply(FloatImage raw) {
      return raw.copy();
    }

    @Override
    public IntensityMapping mappingFor(ImageSource image) {
      return IntensityMapping.identity(image.channels());
    }
  }
}
