/**
 * Overlap-tile inference: splitting large images into valid U-Net tiles and merging the results. Currently
 * holds {@link org.unet4j.core.tiling.MirrorIndex} (the mirror boundary shared with augmentation); the tile
 * planner and mergers come later. May depend on {@code org.unet4j.core.geometry} and
 * {@code org.unet4j.core.image} only.
 */
package org.unet4j.core.tiling;
