package org.unet4j.core.augment;

/**
 * What a geometric {@link Augmentation} draws, as probabilities and maximum magnitudes. Immutable; {@link #none()}
 * is the identity, {@link #defaults()} the usual microscopy setting.
 *
 * @param flipProbability probability of flipping each axis (independently), in [0, 1]
 * @param rotations90 whether to rotate by a uniformly drawn number of quarter turns (0–3)
 * @param maxRotationDeg arbitrary rotation angle drawn uniformly from {@code [−max, max]} degrees (0 = off)
 * @param maxShiftPx integer shift per axis drawn uniformly from {@code [−max, max]} px (0 = off)
 * @param elasticProbability probability of applying an elastic deformation, in [0, 1]
 * @param elastic the elastic deformation's grid and σ
 */
public record AugmentationSpec(
    double flipProbability,
    boolean rotations90,
    double maxRotationDeg,
    int maxShiftPx,
    double elasticProbability,
    ElasticDeformation elastic) {

  /** Checks the ranges. */
  public AugmentationSpec {
    requireProbability("flipProbability", flipProbability);
    requireProbability("elasticProbability", elasticProbability);
    if (!(maxRotationDeg >= 0 && maxRotationDeg <= 180)) {
      throw new IllegalArgumentException("maxRotationDeg must be in [0, 180] degrees, got " + maxRotationDeg);
    }
    if (maxShiftPx < 0) {
      throw new IllegalArgumentException("maxShiftPx must be ≥ 0, got " + maxShiftPx);
    }
    if (elastic == null) {
      throw new IllegalArgumentException("elastic must not be null; use ElasticDeformation.paper()");
    }
  }

  /** No augmentation: every sampled transform is the identity. */
  public static AugmentationSpec none() {
    return new AugmentationSpec(0, false, 0, 0, 0, ElasticDeformation.paper());
  }

  /**
   * Flips (p = ½ per axis), quarter turns, and always the paper's elastic deformation (3×3 grid, σ = 10 px); no
   * arbitrary rotation or shift, since random crops already shift and the dihedral group covers orientation
   * without interpolation blur.
   */
  public static AugmentationSpec defaults() {
    return new AugmentationSpec(0.5, true, 0, 0, 1.0, ElasticDeformation.paper());
  }

  /** A copy with another flip probability. */
  public AugmentationSpec withFlipProbability(double p) {
    return new AugmentationSpec(p, rotations90, maxRotationDeg, maxShiftPx, elasticProbability, elastic);
  }

  /** A copy with quarter turns on or off. */
  public AugmentationSpec withRotations90(boolean on) {
    return new AugmentationSpec(flipProbability, on, maxRotationDeg, maxShiftPx, elasticProbability, elastic);
  }

  /** A copy with another maximum rotation angle (degrees). */
  public AugmentationSpec withMaxRotationDeg(double deg) {
    return new AugmentationSpec(flipProbability, rotations90, deg, maxShiftPx, elasticProbability, elastic);
  }

  /** A copy with another maximum shift (px). */
  public AugmentationSpec withMaxShiftPx(int px) {
    return new AugmentationSpec(flipProbability, rotations90, maxRotationDeg, px, elasticProbability, elastic);
  }

  /** A copy with another elastic probability and deformation. */
  public AugmentationSpec withElastic(double probability, ElasticDeformation deformation) {
    return new AugmentationSpec(flipProbability, rotations90, maxRotationDeg, maxShiftPx, probability, deformation);
  }

  private static void requireProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p);
    }
  }
}
