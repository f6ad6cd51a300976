package org.unet4j.core.tiling;

import java.io.IOException;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.RegionWriter;

/**
 * Merges by cropping: each tile's {@link Tile#kept} pixels are final as soon as the tile arrives and are written at
 * once, so every image pixel is written exactly once and nothing is buffered beyond one tile.
 */
final class CropMerger implements Merger {
  private final TilePlan plan;
  private final int channels;
  private final RegionWriter writer;
  private float[] buffer = new float[0];
  private int next;

  CropMerger(TilePlan plan, int channels, RegionWriter writer) {
    this.plan = plan;
    this.channels = channels;
    this.writer = writer;
  }

  @Override
  public void add(Tile tile, float[] outputs, int offset) throws IOException {
    TileOrder.check(plan, tile, next);
    Interval2d output = tile.output();
    Interval2d kept = tile.kept();
    int keptSize = kept.height() * kept.width();
    if (buffer.length < channels * keptSize) {
      buffer = new float[channels * keptSize];
    }
    int dy = kept.y0() - output.y0();
    int dx = kept.x0() - output.x0();
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < kept.height(); y++) {
        System.arraycopy(outputs, offset + (c * output.height() + dy + y) * output.width() + dx, buffer,
            (c * kept.height() + y) * kept.width(), kept.width());
      }
    }
    writer.write(kept.y0(), kept.x0(), kept.height(), kept.width(), buffer);
    next++;
  }

  @Override
  public void finish() {
    TileOrder.checkComplete(plan, next);
  }
}
