/**
 * Training-time data augmentation and patch sampling: geometric transforms as sampled
 * {@link org.unet4j.core.augment.SpatialTransform}s (flips, quarter turns, rotation, shift, the paper's elastic
 * deformation) applied identically to image, mask and weights with mirror boundaries; grey-value jitter for the
 * image only; random, seed-deterministic training patches of a model's tile sizes
 * ({@link org.unet4j.core.augment.PatchSampler}) and an order-preserving background loader
 * ({@link org.unet4j.core.augment.PatchQueue}). Sampling is split from application: every random component takes
 * an explicit seed or {@link java.util.SplittableRandom}.
 *
 * <p>May depend on {@code org.unet4j.core.image}, {@code org.unet4j.core.geometry} and
 * {@code org.unet4j.core.tiling.MirrorIndex}; never on DJL.
 */
package org.unet4j.core.augment;
