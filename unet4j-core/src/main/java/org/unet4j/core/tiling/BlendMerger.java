package org.unet4j.core.tiling;

import java.io.IOException;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.RegionWriter;

/**
 * Merges overlapping tiles by weighted averaging, {@code p(x) = Σ_t w_t(x)·p_t(x) / Σ_t w_t(x)} with the separable
 * window of the plan's {@link MergeRule} (every weight is positive, so every covered pixel is defined).
 *
 * <p>Memory: sums are kept for one band of {@code tile height} rows across the image; when a tile row is complete,
 * the rows no later tile row reaches are written and the band moves down. So the buffer is
 * {@code (K + 1)·tileHeight·imageWidth} floats, independent of the image height.
 */
final class BlendMerger implements Merger {
  private static final int CHUNK_VALUES = 1 << 20;

  private final TilePlan plan;
  private final int channels;
  private final RegionWriter writer;
  private final float[] weightsY;
  private final float[] weightsX;
  private final int bandRows;
  private final int width;
  private final float[] sums;
  private final float[] weightSums;
  private float[] chunk = new float[0];
  private int bandStart;
  private int next;

  BlendMerger(TilePlan plan, int channels, RegionWriter writer) {
    this.plan = plan;
    this.channels = channels;
    this.writer = writer;
    this.weightsY = profile(plan.mergeRule(), plan.tileOutputHeightPx(), plan.overlapPx());
    this.weightsX = profile(plan.mergeRule(), plan.tileOutputWidthPx(), plan.overlapPx());
    this.bandRows = plan.tileOutputHeightPx();
    this.width = plan.imageWidth();
    this.sums = new float[channels * bandRows * width];
    this.weightSums = new float[bandRows * width];
  }

  /**
   * The 1-D weight across {@code n} output pixels: Gaussian {@code exp(−(i + ½ − n/2)²/(2σ²))} with {@code σ = n/8},
   * or the linear ramp {@code min(1, (min(i, n−1−i) + 1)/(overlap + 1))}.
   */
  static float[] profile(MergeRule rule, int n, int overlapPx) {
    float[] w = new float[n];
    double sigma = n / 8.0;
    for (int i = 0; i < n; i++) {
      w[i] =
          rule == MergeRule.GAUSSIAN
              ? (float) Math.exp(-Math.pow(i + 0.5 - n / 2.0, 2) / (2 * sigma * sigma))
              : Math.min(1f, (Math.min(i, n - 1 - i) + 1f) / (overlapPx + 1f));
    }
    return w;
  }

  @Override
  public void add(Tile tile, float[] outputs, int offset) throws IOException {
    TileOrder.check(plan, tile, next);
    Interval2d output = tile.output();
    Interval2d kept = tile.kept();
    int plane = output.height() * output.width();
    for (int y = kept.y0(); y < kept.y1(); y++) {
      int oy = y - output.y0();
      int bandRow = (y - bandStart) * width;
      for (int x = kept.x0(); x < kept.x1(); x++) {
        int ox = x - output.x0();
        float w = weightsY[oy] * weightsX[ox];
        weightSums[bandRow + x] += w;
        int source = offset + oy * output.width() + ox;
        for (int c = 0; c < channels; c++) {
          sums[c * bandRows * width + bandRow + x] += w * outputs[source + c * plane];
        }
      }
    }
    next++;
    if (tile.column() == plan.columns() - 1) {
      boolean lastRow = tile.row() == plan.rows() - 1;
      flushUntil(lastRow ? plan.imageHeight() : plan.tiles().get(next).kept().y0());
    }
  }

  @Override
  public void finish() {
    TileOrder.checkComplete(plan, next);
  }

  /** Writes rows {@code [bandStart, end)} and moves the band to start at {@code end}. */
  private void flushUntil(int end) throws IOException {
    int rowsPerChunk = Math.max(1, CHUNK_VALUES / (channels * width));
    for (int y0 = bandStart; y0 < end; y0 += rowsPerChunk) {
      int rows = Math.min(rowsPerChunk, end - y0);
      if (chunk.length < channels * rows * width) {
        chunk = new float[channels * rows * width];
      }
      for (int c = 0; c < channels; c++) {
        for (int i = 0; i < rows * width; i++) {
          int band = (y0 - bandStart) * width + i;
          chunk[c * rows * width + i] = sums[c * bandRows * width + band] / weightSums[band];
        }
      }
      writer.write(y0, 0, rows, width, chunk);
    }
    int shift = end - bandStart;
    int keep = bandRows - shift;
    for (int c = 0; c < channels; c++) {
      int base = c * bandRows * width;
      System.arraycopy(sums, base + shift * width, sums, base, Math.max(0, keep) * width);
      java.util.Arrays.fill(sums, base + Math.max(0, keep) * width, base + bandRows * width, 0f);
    }
    System.arraycopy(weightSums, shift * width, weightSums, 0, Math.max(0, keep) * width);
    java.util.Arrays.fill(weightSums, Math.max(0, keep) * width, bandRows * width, 0f);
    bandStart = end;
  }
}
