package org.unet4j.core.augment;

import org.unet4j.core.tiling.MirrorIndex;

/**
 * A rectangle of source pixel coordinates (it may reach beyond the image) with the mirror-padded values of one
 * channel: the 4×4 taps of a cubic sample inside it are plain array reads, with no mirror lookup and no border
 * branch. Values are exact copies, so a kernel reading them computes what it would on the source. (A double copy,
 * which would save the float→double conversion per tap, was slower in the patch benchmark: twice the memory.)
 *
 * <p>Rows {@code y0 … y0 + height − 1} and columns {@code x0 … x0 + width − 1}, row-major.
 */
final class MirroredWindow {

  /** Windows larger than this many values are not built (the caller falls back to mirrored reads). */
  static final long MAX_VALUES = 1L << 24;

  final int y0;
  final int x0;
  final int height;
  final int width;
  final float[] values;

  private MirroredWindow(int y0, int x0, int height, int width, float[] values) {
    this.y0 = y0;
    this.x0 = x0;
    this.height = height;
    this.width = width;
    this.values = values;
  }

  /**
   * The window {@code [y0, y0 + height) × [x0, x0 + width)} of channel plane {@code src[offset … offset + h·w)}.
   */
  static MirroredWindow of(float[] src, int offset, int h, int w, int y0, int x0, int height, int width) {
    float[] values = new float[height * width];
    int[] column = new int[width];
    for (int k = 0; k < width; k++) {
      column[k] = MirrorIndex.reflect(x0 + k, w);
    }
    // columns inside the image are copied as one run (a loop the JIT vectorises), the mirrored rest by index
    int insideFrom = Math.max(0, -x0);
    int insideTo = Math.min(width, w - x0); // exclusive
    for (int r = 0; r < height; r++) {
      int srcRow = offset + MirrorIndex.reflect(y0 + r, h) * w;
      int dst = r * width;
      for (int k = 0; k < Math.min(insideFrom, width); k++) {
        values[dst + k] = src[srcRow + column[k]];
      }
      if (insideFrom < insideTo) {
        int from = srcRow + x0 + insideFrom;
        int to = dst + insideFrom;
        for (int k = 0; k < insideTo - insideFrom; k++) {
          values[to + k] = src[from + k];
        }
      }
      for (int k = Math.max(insideTo, insideFrom); k < width; k++) {
        values[dst + k] = src[srcRow + column[k]];
      }
    }
    return new MirroredWindow(y0, x0, height, width, values);
  }
}
