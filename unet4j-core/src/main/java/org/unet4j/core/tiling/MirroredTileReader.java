package org.unet4j.core.tiling;

import java.io.IOException;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.RegionReader;

/**
 * Reads tile inputs that may reach beyond the image: reads the smallest image region holding every mirrored source
 * pixel of the tile (the tile itself inside the image; at most the whole image when it is smaller than the margin)
 * and gathers it through {@link MirrorIndex}.
 */
final class MirroredTileReader {
  private final RegionReader image;
  private final int channels;
  private final int imageHeight;
  private final int imageWidth;
  private float[] region = new float[0];

  MirroredTileReader(RegionReader image, int channels, int imageHeight, int imageWidth) {
    this.image = image;
    this.channels = channels;
    this.imageHeight = imageHeight;
    this.imageWidth = imageWidth;
  }

  /** Writes the {@code C×h×w} mirrored input of {@code input} into {@code dst} from {@code offset} on. */
  void read(Interval2d input, float[] dst, int offset) throws IOException {
    int[] ys = MirrorIndex.reflectRange(input.y0(), input.height(), imageHeight);
    int[] xs = MirrorIndex.reflectRange(input.x0(), input.width(), imageWidth);
    int y0 = min(ys);
    int x0 = min(xs);
    int height = max(ys) - y0 + 1;
    int width = max(xs) - x0 + 1;
    if (region.length < channels * height * width) {
      region = new float[channels * height * width];
    }
    image.read(y0, x0, height, width, region);
    int tileHeight = input.height();
    int tileWidth = input.width();
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < tileHeight; y++) {
        int source = (c * height + ys[y] - y0) * width - x0;
        int target = offset + (c * tileHeight + y) * tileWidth;
        for (int x = 0; x < tileWidth; x++) {
          dst[target + x] = region[source + xs[x]];
        }
      }
    }
  }

  private static int min(int[] values) {
    int m = Integer.MAX_VALUE;
    for (int v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static int max(int[] values) {
    int m = Integer.MIN_VALUE;
    for (int v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
