package org.unet4j.core.weights;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The border term {@code (float) (w0 · exp(−(√a + √b)² / (2σ²)))} of {@link BorderWeightMap} for every pair of
 * integer squared distances {@code a ≤ b} with {@code √a + √b ≤ cutoff}, computed once per parameter set with the
 * very expressions of the per-pixel formula, so a lookup returns the same float bit for bit. Distances between pixel
 * centres are square roots of integers, and the pairs within the cutoff are few (about {@code cutoff⁴/12}: 40 000
 * for σ = 5 px), so the table replaces one {@code Math.exp} per background pixel near two cells.
 *
 * <p>Immutable. The most recently used table is kept for the next weight map with the same parameters.
 */
final class BorderTermTable {

  /** Parameter sets needing more entries than this (σ above about 8 px) are not tabulated. */
  static final int MAX_ENTRIES = 1 << 18;

  private static final AtomicReference<BorderTermTable> LAST = new AtomicReference<>();

  private final double w0;
  private final double sigmaPx;
  private final int limitSquared;
  /** Row a holds b = a … lastB[a] at rowStart[a] + (b − a); rows beyond lastB.length − 1 are empty. */
  private final int[] rowStart;
  private final int[] lastB;
  private final float[] values;

  private BorderTermTable(double w0, double sigmaPx, double cutoffPx, int limitSquared, int entries) {
    this.w0 = w0;
    this.sigmaPx = sigmaPx;
    this.limitSquared = limitSquared;
    double[] root = roots(limitSquared);
    double negInvTwoSigmaSq = -1.0 / (2.0 * sigmaPx * sigmaPx);
    int rows = 0;
    while (rows <= limitSquared && root[rows] + root[rows] <= cutoffPx) {
      rows++;
    }
    rowStart = new int[rows];
    lastB = new int[rows];
    values = new float[entries];
    int next = 0;
    for (int a = 0; a < rows; a++) {
      rowStart[a] = next;
      int b = a;
      while (b <= limitSquared && root[a] + root[b] <= cutoffPx) {
        double s = root[a] + root[b];
        values[next++] = (float) (w0 * Math.exp(s * s * negInvTwoSigmaSq));
        b++;
      }
      lastB[a] = b - 1;
    }
  }

  /**
   * The table for {@code map} and squared distances up to {@code limitSquared}, or null if it would need more than
   * {@link #MAX_ENTRIES} entries.
   */
  static BorderTermTable of(BorderWeightMap map, int limitSquared) {
    BorderTermTable last = LAST.get();
    if (last != null && last.w0 == map.w0() && last.sigmaPx == map.sigmaPx() && last.limitSquared == limitSquared) {
      return last;
    }
    int entries = countEntries(map.cutoffPx(), limitSquared);
    if (entries < 0) {
      return null;
    }
    BorderTermTable table = new BorderTermTable(map.w0(), map.sigmaPx(), map.cutoffPx(), limitSquared, entries);
    LAST.set(table);
    return table;
  }

  /**
   * The border term for squared distances {@code a ≤ b ≤ limitSquared} to the nearest and second-nearest
   * instance; 0 beyond the cutoff.
   */
  float term(int a, int b) {
    return a < rowStart.length && b <= lastB[a] ? values[rowStart[a] + b - a] : 0f;
  }

  /** The number of pairs within the cutoff, or −1 if above {@link #MAX_ENTRIES}. */
  private static int countEntries(double cutoffPx, int limitSquared) {
    if (cutoffPx * cutoffPx * cutoffPx * cutoffPx / 12 > 2.0 * MAX_ENTRIES) {
      return -1; // clearly too many: no need to count
    }
    double[] root = roots(limitSquared);
    long entries = 0;
    for (int a = 0; a <= limitSquared && root[a] + root[a] <= cutoffPx; a++) {
      int b = a;
      while (b <= limitSquared && root[a] + root[b] <= cutoffPx) {
        b++;
      }
      entries += b - a;
    }
    return entries > MAX_ENTRIES ? -1 : (int) entries;
  }

  private static double[] roots(int limitSquared) {
    double[] root = new double[limitSquared + 1];
    for (int d = 0; d <= limitSquared; d++) {
      root[d] = Math.sqrt(d);
    }
    return root;
  }
}
