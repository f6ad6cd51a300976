package org.unet4j.core.weights;

/**
 * The lower envelope of parabolas {@code (q − p)² + f(p)} with vertices at increasing integer positions {@code p},
 * the 1-D step of the Felzenszwalb–Huttenlocher distance transform. A reusable scratch object (not thread-safe).
 *
 * <p>All arithmetic is in {@code long}: the intersection {@code s = (g_q − g_p) / (2(q − p))} with
 * {@code g = f + p²} is kept as a fraction and compared by cross-multiplication, so there is no rounding and no
 * division (which would sit on the critical path of every insertion).
 */
final class LowerEnvelope {

  private final int[] vertex;
  private final long[] height;
  /** {@code g = f + p²} of each parabola, the term its intersections are computed from. */
  private final long[] offset;
  /**
   * Left boundary of parabola k is {@code boundaryNum[k] / boundaryDen[k]}, with {@code boundaryDen[k] > 0} for
   * k ≥ 1; parabola 0 starts at −∞, written −1/0.
   */
  private final long[] boundaryNum;
  private final long[] boundaryDen;
  private int count;
  private int cursor;

  LowerEnvelope(int capacity) {
    vertex = new int[capacity];
    height = new long[capacity];
    offset = new long[capacity];
    boundaryNum = new long[capacity + 1]; // + 1 for the sentinel of rewind()
    boundaryDen = new long[capacity + 1];
    clear();
  }

  /** Empties the envelope. */
  void clear() {
    count = 0;
    cursor = 0;
    boundaryNum[0] = -1;
    boundaryDen[0] = 0;
  }

  /** Number of parabolas in the envelope. */
  int size() {
    return count;
  }

  /** Adds the parabola with vertex at {@code q} (greater than every vertex added before) and height {@code f}. */
  void add(int q, long f) {
    long g = f + (long) q * q;
    int k = count - 1;
    if (k >= 0) {
      // Parabola k is hidden if the new one overtakes it at or before its own left boundary; parabola 0 never is
      // (its boundary −1/0, set by clear(), stands for −∞ and fails the test), so the loop needs no test of k.
      while ((g - offset[k]) * boundaryDen[k] <= boundaryNum[k] * (2L * (q - vertex[k]))) {
        k--;
      }
      boundaryNum[k + 1] = g - offset[k];
      boundaryDen[k + 1] = 2L * (q - vertex[k]);
    }
    vertex[k + 1] = q;
    height[k + 1] = f;
    offset[k + 1] = g;
    count = k + 2;
  }

  /** The vertex of parabola {@code k} of the envelope ({@code 0 ≤ k < size()}, left to right). */
  int vertex(int k) {
    return vertex[k];
  }

  /** The height {@code f} of parabola {@code k} of the envelope ({@code 0 ≤ k < size()}). */
  long height(int k) {
    return height[k];
  }

  /** Rewinds the evaluation cursor; call after the last {@link #add}, before evaluating at increasing positions. */
  void rewind() {
    cursor = 0;
    // A boundary no position passes, after the last parabola: the cursor's walk needs no test of the count.
    boundaryNum[count] = Long.MAX_VALUE;
    boundaryDen[count] = 1;
  }

  /**
   * Moves the cursor to the lowest parabola at position {@code q}; positions must not decrease between calls
   * (since the last {@link #rewind()}). The envelope must not be empty.
   *
   * @return the vertex of that parabola
   */
  int nearestVertex(int q) {
    int k = cursor;
    while (boundaryNum[k + 1] < q * boundaryDen[k + 1]) {
      k++;
    }
    cursor = k;
    return vertex[k];
  }

  /**
   * Writes the envelope's values at {@code q = from … to} to {@code out[0 … to − from]}, moving the cursor of
   * {@link #nearestVertex(int)} along: {@code from} must not be below the last position since {@link #rewind()}.
   * The envelope must not be empty, and every value must fit in an {@code int}.
   */
  void evaluate(int from, int to, int[] out) {
    int k = cursor;
    for (int q = from; q <= to; q++) {
      while (boundaryNum[k + 1] < q * boundaryDen[k + 1]) {
        k++;
      }
      int dq = q - vertex[k];
      out[q - from] = dq * dq + (int) height[k];
    }
    cursor = k;
  }

  /**
   * Merges the envelope's values at {@code q = from … to} into two running minima, as nearness
   * {@code encode − value}: per column {@code x = q + shift}, {@code nearest[x]} keeps the largest nearness and
   * {@code second[x]} the second largest. The same walk as {@link #evaluate}, fused with the merge so the values
   * need not go through an array (this is the innermost loop of the border weights).
   */
  void mergeInto(int from, int to, int shift, int encode, int[] nearest, int[] second) {
    int k = cursor;
    for (int q = from; q <= to; q++) {
      while (boundaryNum[k + 1] < q * boundaryDen[k + 1]) {
        k++;
      }
      int dq = q - vertex[k];
      TwoNearestInstances.merge(q + shift, encode - (dq * dq + (int) height[k]), nearest, second);
    }
    cursor = k;
  }

  /** The envelope's value at {@code q}, for the parabola found by the last {@link #nearestVertex(int)}. */
  long valueAt(int q) {
    long dq = q - vertex[cursor];
    return dq * dq + height[cursor];
  }
}
