package org.unet4j.core.augment;

import java.util.SplittableRandom;

/**
 * Draws random geometric transforms from an {@link AugmentationSpec}; sampling is split from application, so one
 * drawn {@link SpatialTransform} warps image, mask and weights identically.
 *
 * <p>The drawn transform, as successive operations on the output: flip y (p = {@code flipProbability}), flip x
 * (same p), {@code k} quarter turns ({@code k} uniform in 0–3), rotation by an angle uniform in
 * {@code [−maxRotationDeg, maxRotationDeg]}, integer shift uniform in {@code [−maxShiftPx, maxShiftPx]} per axis,
 * and with probability {@code elasticProbability} an elastic field. Random draws happen in that order and only for
 * enabled components, so {@link AugmentationSpec#none()} draws nothing and gives the identity.
 *
 * <p>Immutable and thread-safe (all randomness comes from the caller's generator).
 */
public final class Augmentation {

  private final AugmentationSpec spec;

  /** An augmentation drawing from {@code spec}. */
  public Augmentation(AugmentationSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null; use AugmentationSpec.none() for no augmentation");
    }
    this.spec = spec;
  }

  /** The configuration. */
  public AugmentationSpec spec() {
    return spec;
  }

  /**
   * Draws a transform whose output is a {@code height × width} grid centred on the centre of a
   * {@code height × width} source; {@link SpatialTransform#translate translate} it to sample elsewhere (a crop).
   */
  public SpatialTransform sample(SplittableRandom rng, int height, int width) {
    SpatialTransform t = SpatialTransform.identity(height, width);
    if (spec.flipProbability() > 0) {
      if (rng.nextDouble() < spec.flipProbability()) {
        t = t.flipY();
      }
      if (rng.nextDouble() < spec.flipProbability()) {
        t = t.flipX();
      }
    }
    if (spec.rotations90()) {
      t = t.rotate90(rng.nextInt(4));
    }
    if (spec.maxRotationDeg() > 0) {
      double deg = (2 * rng.nextDouble() - 1) * spec.maxRotationDeg();
      t = t.rotate(Math.toRadians(deg));
    }
    if (spec.maxShiftPx() > 0) {
      int dy = rng.nextInt(-spec.maxShiftPx(), spec.maxShiftPx() + 1);
      int dx = rng.nextInt(-spec.maxShiftPx(), spec.maxShiftPx() + 1);
      t = t.translate(dy, dx);
    }
    if (spec.elasticProbability() > 0
        && spec.elastic().sigmaPx() > 0
        && rng.nextDouble() < spec.elasticProbability()) {
      // the same draws and field as withDisplacement(elastic.sample(…)), evaluated row by row by the warps
      t = t.withElasticGrid(spec.elastic().sampleGrid(rng, height, width));
    }
    return t;
  }

  /** {@link #sample(SplittableRandom, int, int)} with a fresh generator seeded with {@code seed}. */
  public SpatialTransform sample(long seed, int height, int width) {
    return sample(new SplittableRandom(seed), height, width);
  }
}
