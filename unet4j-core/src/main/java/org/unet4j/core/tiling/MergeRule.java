package org.unet4j.core.tiling;

/** How the outputs of the tiles of a plan become one image. */
public enum MergeRule {
  /**
   * Each tile writes only its {@link Tile#kept} pixels, which partition the image: every pixel comes from exactly one
   * tile. Right for VALID nets, whose outputs are exact everywhere (no padding inside the net).
   */
  CROP,
  /**
   * Overlapping outputs are averaged with a separable Gaussian weight centred on each tile (σ = 1/8 of the tile edge,
   * as nnU-Net and MONAI do), so pixels near a tile edge, where a SAME net sees zero padding, count least.
   */
  GAUSSIAN,
  /**
   * Overlapping outputs are averaged with a separable weight that rises linearly across the overlap from each tile
   * edge ({@code (d + 1)/(overlap + 1)} at distance {@code d} px from the edge, 1 further in).
   */
  LINEAR_RAMP
}
