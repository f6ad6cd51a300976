package org.unet4j.core.tiling;

import org.unet4j.core.geometry.UNetGeometry;

/** Fake {@link TileModel}s whose outputs are known exactly, for testing tiling without an engine. */
final class FakeTileModels {
  private FakeTileModels() {}

  /** Output = the input's centre (the input shrunk by the margin), channel by channel: the tiler must be lossless. */
  static TileModel centreCrop(UNetGeometry geometry, int channels) {
    return window(geometry, channels, 0, false);
  }

  /**
   * Output at (y, x) = Σ over the window |dy|, |dx| ≤ radius of {@code (1 + dy + 3·dx + 5)·in(y + m + dy, x + m +
   * dx)}, an asymmetric filter: mirrored context in the wrong orientation or from the wrong place changes the
   * result. Exact in float for small integer inputs.
   */
  static TileModel asymmetricWindow(UNetGeometry geometry, int channels, int radius) {
    return window(geometry, channels, radius, false);
  }

  /** As {@link #centreCrop}, plus the column index of each pixel within its output tile (not flip invariant). */
  static TileModel centreCropPlusColumn(UNetGeometry geometry, int channels) {
    return window(geometry, channels, 0, true);
  }

  /** The prediction of a fake model, as a lambda. */
  interface Prediction {
    float[] predict(float[] tiles, int count, int heightPx, int widthPx);
  }

  /** A model with {@code channels} in and out, the given margin and prediction. */
  static TileModel of(int channels, int marginPx, Prediction prediction) {
    return new TileModel() {
      @Override
      public int inChannels() {
        return channels;
      }

      @Override
      public int outChannels() {
        return channels;
      }

      @Override
      public int marginPx() {
        return marginPx;
      }

      @Override
      public float[] predict(float[] tiles, int count, int heightPx, int widthPx) {
        return prediction.predict(tiles, count, heightPx, widthPx);
      }
    };
  }

  static float weight(int dy, int dx) {
    return 1 + dy + 3 * dx + 5;
  }

  private static TileModel window(UNetGeometry geometry, int channels, int radius, boolean addColumn) {
    int m = geometry.marginPx();
    return of(channels, m, (tiles, count, heightPx, widthPx) -> {
      geometry.requireValidInput(heightPx);
      geometry.requireValidInput(widthPx);
      if (radius > m && geometry.padding() == org.unet4j.core.model.Padding.VALID) {
        throw new IllegalStateException("the window must fit in the margin");
      }
      int outH = heightPx - 2 * m;
      int outW = widthPx - 2 * m;
      float[] out = new float[count * channels * outH * outW];
      for (int p = 0; p < count * channels; p++) {
        for (int y = 0; y < outH; y++) {
          for (int x = 0; x < outW; x++) {
            float sum = 0;
            if (radius == 0) {
              sum = tiles[(p * heightPx + y + m) * widthPx + x + m];
            } else {
              for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                  sum += weight(dy, dx) * tiles[(p * heightPx + y + m + dy) * widthPx + x + m + dx];
                }
              }
            }
            out[(p * outH + y) * outW + x] = addColumn ? sum + x : sum;
          }
        }
      }
      return out;
    });
  }
}
