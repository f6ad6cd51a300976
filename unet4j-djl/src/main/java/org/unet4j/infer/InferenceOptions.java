package org.unet4j.infer;

import java.util.Objects;
import org.unet4j.core.tiling.MergeRule;
import org.unet4j.core.tiling.TestTimeAugmentation;

/**
 * How {@link Segmenter} tiles and batches an image.
 *
 * @param tileSizePx edge of the square tile input in px, a valid input size of the net; 0 picks the largest tile
 *     that fits {@code memoryBudgetBytes} ({@link TileSizing})
 * @param batchSize tiles per forward pass (≥ 1)
 * @param ttaVariants flips and 90° rotations averaged per tile, 1 (off) to 8 ({@link TestTimeAugmentation})
 * @param memoryBudgetBytes native memory a forward pass may use when choosing the tile; 0 = {@link
 *     TileSizing#defaultBudgetBytes()}
 * @param overlapPx minimum overlap of SAME-net tiles in px; −1 = {@link
 *     org.unet4j.core.tiling.TilePlanner#defaultOverlapPx the default} (ignored for VALID nets, whose aligned tiles
 *     need no overlap)
 * @param blend weighting of overlapping SAME-net tiles, {@link MergeRule#GAUSSIAN} or {@link MergeRule#LINEAR_RAMP}
 * @param foldBatchNorm run a copy of the net with each batch norm folded into its convolution ({@link
 *     org.unet4j.model.BatchNormFolding}; the same function up to float rounding, faster), made when the segmenter
 *     is created; false runs the block itself, so that later changes to its parameters are seen (validation during
 *     training)
 */
public record InferenceOptions(
    int tileSizePx,
    int batchSize,
    int ttaVariants,
    long memoryBudgetBytes,
    int overlapPx,
    MergeRule blend,
    boolean foldBatchNorm) {

  /** Checks every field, with messages naming the fix. */
  public InferenceOptions {
    Objects.requireNonNull(blend, "blend");
    if (tileSizePx < 0) {
      throw new IllegalArgumentException("tile size " + tileSizePx + " px must be positive (or 0 for automatic)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1 tile");
    }
    if (ttaVariants < 1 || ttaVariants > TestTimeAugmentation.MAX_VARIANTS) {
      throw new IllegalArgumentException(
          "test-time augmentation averages 1 to 8 variants, not " + ttaVariants);
    }
    if (memoryBudgetBytes < 0) {
      throw new IllegalArgumentException("memory budget " + memoryBudgetBytes + " bytes must be ≥ 0 (0 = default)");
    }
    if (overlapPx < -1) {
      throw new IllegalArgumentException("overlap " + overlapPx + " px must be ≥ 0 (or −1 for the default)");
    }
    if (blend == MergeRule.CROP) {
      throw new IllegalArgumentException("blend must be GAUSSIAN or LINEAR_RAMP; cropping is what VALID nets use");
    }
  }

  /**
   * Automatic tile size, one tile per batch, no test-time augmentation, default budget and overlap, Gaussian,
   * batch norm folded.
   */
  public static InferenceOptions defaults() {
    return new InferenceOptions(0, 1, 1, 0, -1, MergeRule.GAUSSIAN, true);
  }

  /** A copy with another tile size (0 = automatic). */
  public InferenceOptions withTileSizePx(int px) {
    return new InferenceOptions(
        px, batchSize, ttaVariants, memoryBudgetBytes, overlapPx, blend, foldBatchNorm);
  }

  /** A copy with another batch size. */
  public InferenceOptions withBatchSize(int tiles) {
    return new InferenceOptions(
        tileSizePx, tiles, ttaVariants, memoryBudgetBytes, overlapPx, blend, foldBatchNorm);
  }

  /** A copy averaging {@code variants} flips/rotations. */
  public InferenceOptions withTtaVariants(int variants) {
    return new InferenceOptions(
        tileSizePx, batchSize, variants, memoryBudgetBytes, overlapPx, blend, foldBatchNorm);
  }

  /** A copy with another native memory budget (0 = default). */
  public InferenceOptions withMemoryBudgetBytes(long bytes) {
    return new InferenceOptions(tileSizePx, batchSize, ttaVariants, bytes, overlapPx, blend, foldBatchNorm);
  }

  /** A copy with another SAME-net overlap (−1 = the default). */
  public InferenceOptions withOverlapPx(int px) {
    return new InferenceOptions(
        tileSizePx, batchSize, ttaVariants, memoryBudgetBytes, px, blend, foldBatchNorm);
  }

  /** A copy with another SAME-net blending window. */
  public InferenceOptions withBlend(MergeRule rule) {
    return new InferenceOptions(
        tileSizePx, batchSize, ttaVariants, memoryBudgetBytes, overlapPx, rule, foldBatchNorm);
  }

  /** A copy that folds batch norm (true) or runs the block as it is (false). */
  public InferenceOptions withFoldBatchNorm(boolean fold) {
    return new InferenceOptions(
        tileSizePx, batchSize, ttaVariants, memoryBudgetBytes, overlapPx, blend, fold);
  }
}
