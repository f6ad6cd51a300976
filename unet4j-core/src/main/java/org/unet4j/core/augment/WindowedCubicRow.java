package org.unet4j.core.augment;

/**
 * Cubic (Catmull-Rom) samples of one output row read from mirror-padded windows ({@link MirroredWindow}), computed
 * in passes over the row rather than pixel by pixel: the tap positions and fractions first, then the eight weights
 * of every pixel in plain loops over float arrays, which the JIT vectorises, then the 4×4 sums, which read the
 * image. Done per pixel, the weights were about 40 % of a sample's arithmetic; in passes the warp of a 572² patch
 * took 16 % less time (same-JVM A/B, docs/BENCHMARKS.md).
 *
 * <p>Pixels this cannot serve are left out and listed by {@link #skipped()}: pixels whose taps leave the window and
 * exact pixel centres (which the caller copies, so that non-finite neighbours do not leak into them). For every
 * other pixel the result is bit for bit the per-pixel formula: {@code Σ_k wy_k·(Σ_j wx_j·v_kj) + 0}, weights and
 * sums in float, row sums left to right.
 *
 * <p>Not thread-safe (scratch arrays); one per resampling.
 */
final class WindowedCubicRow {
  private final float[][] windows; // per channel
  private final int windowY0;
  private final int windowX0;
  private final int windowWidth;
  private final int lastRow; // the last window row (column) at which four taps still fit
  private final int lastColumn;
  private int[] tapBase = new int[0]; // window offset of the top-left tap, −1 for a skipped pixel
  private float[] fractionY;
  private float[] fractionX;
  private float[][] weightY;
  private float[][] weightX;
  private int[] skipped;

  /** A row kernel over {@code windows} (one per channel, all {@code height × width} from {@code (y0, x0)}). */
  WindowedCubicRow(float[][] windows, int y0, int x0, int height, int width) {
    if (height < 4 || width < 4) {
      throw new IllegalArgumentException("a cubic window needs at least 4×4 values, got " + height + "×" + width);
    }
    this.windows = windows;
    this.windowY0 = y0;
    this.windowX0 = x0;
    this.windowWidth = width;
    this.lastRow = height - 4;
    this.lastColumn = width - 4;
  }

  /**
   * Samples source positions {@code (sy[x], sx[x])}, {@code x < count}, into {@code dst[c·dstPlane + row + x]} for
   * every channel c, except the pixels it skips.
   *
   * @return how many pixels were skipped; their x are the first entries of {@link #skipped()}
   */
  int resample(double[] sy, double[] sx, int count, float[] dst, int dstPlane, int row) {
    ensureCapacity(count);
    locateTaps(sy, sx, count);
    fillWeights(fractionY, weightY, count);
    fillWeights(fractionX, weightX, count);
    return sum(count, dst, dstPlane, row);
  }

  /** The x of the pixels the last {@link #resample} skipped (only its returned count of entries are valid). */
  int[] skipped() {
    return skipped;
  }

  private void ensureCapacity(int count) {
    if (tapBase.length >= count) {
      return;
    }
    tapBase = new int[count];
    fractionY = new float[count];
    fractionX = new float[count];
    weightY = new float[4][count];
    weightX = new float[4][count];
    skipped = new int[count];
  }

  private void locateTaps(double[] sy, double[] sx, int count) {
    int[] base = tapBase;
    float[] fy32 = fractionY;
    float[] fx32 = fractionX;
    int y0 = windowY0 + 1;
    int x0 = windowX0 + 1;
    int stride = windowWidth;
    for (int x = 0; x < count; x++) {
      // fractions from the double floors: converting int floors back to double stalls such loops
      double fy = Math.floor(sy[x]);
      double fx = Math.floor(sx[x]);
      double ty = sy[x] - fy;
      double tx = sx[x] - fx;
      int wy = (int) fy - y0;
      int wx = (int) fx - x0;
      // one sign test for "all four taps inside" (negative iff one of them is not), one for exact pixel centres
      boolean skip = ((wy | wx | (lastRow - wy) | (lastColumn - wx)) < 0) | (ty == 0 & tx == 0);
      base[x] = skip ? -1 : wy * stride + wx;
      fy32[x] = (float) ty; // may round to 1, where the weights are (0, 0, 1, 0): the next pixel, as they should
      fx32[x] = (float) tx;
    }
  }

  /** The four Catmull-Rom weights of every fraction: a loop without reads of the image, so it is vectorised. */
  private static void fillWeights(float[] fraction, float[][] weight, int count) {
    float[] w0 = weight[0];
    float[] w1 = weight[1];
    float[] w2 = weight[2];
    float[] w3 = weight[3];
    for (int x = 0; x < count; x++) {
      float t = fraction[x];
      w0[x] = CatmullRom.weight0(t);
      w1[x] = CatmullRom.weight1(t);
      w2[x] = CatmullRom.weight2(t);
      w3[x] = CatmullRom.weight3(t);
    }
  }

  private int sum(int count, float[] dst, int dstPlane, int row) {
    // everything the loop reads in locals: read through fields (this.weightX[k][x]), the warp was measurably slower
    int[] base = tapBase;
    int[] skippedX = skipped;
    float[] y0 = weightY[0];
    float[] y1 = weightY[1];
    float[] y2 = weightY[2];
    float[] y3 = weightY[3];
    float[] x0 = weightX[0];
    float[] x1 = weightX[1];
    float[] x2 = weightX[2];
    float[] x3 = weightX[3];
    float[] only = windows.length == 1 ? windows[0] : null; // the common case, without the channel loop
    int stride = windowWidth;
    int skippedCount = 0;
    for (int x = 0; x < count; x++) {
      int p = base[x];
      if (p < 0) {
        skippedX[skippedCount++] = x;
        continue;
      }
      if (only != null) {
        dst[row + x] = CatmullRom.sum(only, p, stride, x0[x], x1[x], x2[x], x3[x], y0[x], y1[x], y2[x], y3[x]);
        continue;
      }
      for (int c = 0; c < windows.length; c++) {
        dst[c * dstPlane + row + x] =
            CatmullRom.sum(windows[c], p, stride, x0[x], x1[x], x2[x], x3[x], y0[x], y1[x], y2[x], y3[x]);
      }
    }
    return skippedCount;
  }
}
