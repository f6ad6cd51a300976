/**
 * Overlap-tile inference (the paper's Fig. 2), independent of any deep-learning engine: {@link
 * org.unet4j.core.tiling.TilePlanner} splits an image into valid tiles ({@link org.unet4j.core.tiling.TilePlan} of
 * {@link org.unet4j.core.tiling.Tile}s), a {@link org.unet4j.core.tiling.TileModel} predicts batches of tiles, a
 * {@link org.unet4j.core.tiling.Merger} ({@code CropMerger} for VALID nets, {@code BlendMerger} for SAME nets) joins
 * the outputs, and {@link org.unet4j.core.tiling.TiledRunner} drives the three. {@link
 * org.unet4j.core.tiling.MirrorIndex} supplies the mirrored context beyond the image border, shared with
 * augmentation; {@link org.unet4j.core.tiling.TestTimeAugmentation} averages flipped and rotated predictions.
 *
 * <pre>
 *   image ──RegionReader──► MirroredTileReader ──► TileModel (batches) ──► Merger ──RegionWriter──► result
 * </pre>
 *
 * <p>May depend on {@code org.unet4j.core.geometry}, {@code org.unet4j.core.image} and {@code
 * org.unet4j.core.model} only.
 */
package org.unet4j.core.tiling;
