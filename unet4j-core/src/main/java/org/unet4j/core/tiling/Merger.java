package org.unet4j.core.tiling;

import java.io.IOException;
import org.unet4j.core.image.RegionWriter;

/**
 * Combines tile outputs into the result image and hands finished regions to a {@link RegionWriter} as soon as no
 * later tile can change them, so memory stays bounded by a band of tiles, not the image.
 *
 * <p>Tiles must be added in the plan's order. Use {@link #forPlan} to get the merger a plan calls for.
 */
public interface Merger {

  /**
   * Merges one tile's output.
   *
   * @param tile a tile of the plan, the next one in plan order
   * @param outputs an array holding the tile's {@code K×h×w} output (channel-major) from {@code offset} on
   * @param offset index of the tile's first value in {@code outputs}
   * @throws IllegalStateException if tiles come out of plan order
   * @throws IOException if the writer fails
   */
  void add(Tile tile, float[] outputs, int offset) throws IOException;

  /**
   * Writes what is still pending; after it every image pixel has been written.
   *
   * @throws IllegalStateException if tiles of the plan are missing
   */
  void finish() throws IOException;

  /** The merger {@code plan}'s {@link TilePlan#mergeRule()} calls for, writing {@code channels}-channel regions. */
  static Merger forPlan(TilePlan plan, int channels, RegionWriter writer) {
    return plan.mergeRule() == MergeRule.CROP
        ? new CropMerger(plan, channels, writer)
        : new BlendMerger(plan, channels, writer);
  }
}
