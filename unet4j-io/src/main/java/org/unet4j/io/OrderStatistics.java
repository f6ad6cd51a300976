package org.unet4j.io;

/** The percentile rule shared by in-memory and streaming normalisation (NumPy's default "linear" method). */
final class OrderStatistics {
  private OrderStatistics() {}

  /** The value of 0-based rank {@code k} among n sorted values. */
  interface Sorted {
    double valueAt(long k);
  }

  /**
   * The index of the histogram bin holding the value of 0-based rank {@code rank}: the first bin whose cumulative
   * count exceeds it (for a histogram of values 0..n, the value itself).
   *
   * @throws IllegalStateException if the histogram holds no more than {@code rank} values
   */
  static int indexOfRank(long[] counts, long rank) {
    long seen = 0;
    for (int b = 0; b < counts.length; b++) {
      seen += counts[b];
      if (seen > rank) {
        return b;
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond the " + seen + " counted values");
  }

  /**
   * The {@code percent}-th percentile of {@code n} sorted values {@code v₀ ≤ … ≤ vₙ₋₁}: linear interpolation at
   * position {@code percent/100·(n−1)}.
   */
  static double interpolate(Sorted sorted, long n, double percent) {
    double position = percent / 100.0 * (n - 1);
    long below = (long) Math.floor(position);
    long above = Math.min(below + 1, n - 1);
    double low = sorted.valueAt(below);
    double fraction = position - below;
    return fraction == 0 ? low : low + fraction * (sorted.valueAt(above) - low);
  }
}
