package org.unet4j.cli;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.unet4j.core.augment.AugmentationSpec;
import org.unet4j.core.augment.ElasticDeformation;
import org.unet4j.core.augment.IntensityJitter;

/**
 * The augmentations named on the command line ({@code --augment elastic,flip,rot90,intensity}), turned into the
 * geometric spec and the grey-value jitter the patch sampler applies.
 *
 * @param geometry flips, rotations, shift and elastic deformation
 * @param intensity grey-value changes
 */
record AugmentChoice(AugmentationSpec geometry, IntensityJitter intensity) {

  /** The names {@link #parse} accepts. */
  static final String NAMES = "elastic, flip, rot90, rotate, shift, intensity, all, none";

  /**
   * Parses a comma-separated list: {@code elastic} (paper: 3×3 grid, σ = 10 px), {@code flip}, {@code rot90},
   * {@code rotate} (any angle), {@code shift} (±16 px), {@code intensity} (gamma, contrast, brightness, noise),
   * {@code all} (all of them) or {@code none}.
   */
  static AugmentChoice parse(String text) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    if (names.remove("all")) {
      names.addAll(Set.of("elastic", "flip", "rot90", "rotate", "shift", "intensity"));
    }
    names.remove("none");
    AugmentationSpec geometry = AugmentationSpec.none();
    IntensityJitter intensity = IntensityJitter.none();
    for (String name : names) {
      switch (name) {
        case "elastic" -> geometry = geometry.withElastic(1.0, ElasticDeformation.paper());
        case "flip" -> geometry = geometry.withFlipProbability(0.5);
        case "rot90" -> geometry = geometry.withRotations90(true);
        case "rotate" -> geometry = geometry.withMaxRotationDeg(180);
        case "shift" -> geometry = geometry.withMaxShiftPx(16);
        case "intensity" -> intensity = IntensityJitter.defaults();
        default -> throw new IllegalArgumentException(
            "--augment has unknown '" + name + "'; use a comma-separated list of " + NAMES);
      }
    }
    return new AugmentChoice(geometry, intensity);
  }
}
