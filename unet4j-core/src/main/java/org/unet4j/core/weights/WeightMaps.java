package org.unet4j.core.weights;

import java.util.Objects;
import java.util.Optional;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * The complete weight map of U-Net eq. 2, {@code w(x) = w_c(x) + w0·exp(−(d1 + d2)²/(2σ²))}, together with the
 * mask it belongs to: class balancing ({@link ClassBalanceWeights}), optional separation of touching cells
 * ({@link SeparationBorders}) and the border term ({@link BorderWeightMap}).
 *
 * @param borderWeights {@code w0} and {@code σ} of the border term
 * @param classBalance how {@code w_c} is computed from class frequencies of each mask
 * @param separation if present, touching instances are cut apart before the mask and weights are made
 */
public record WeightMaps(
    BorderWeightMap borderWeights, ClassBalance classBalance, Optional<SeparationBorders> separation) {

  /** Checks for nulls. */
  public WeightMaps {
    Objects.requireNonNull(borderWeights, "borderWeights (use BorderWeightMap.paperDefaults())");
    Objects.requireNonNull(classBalance, "classBalance (use ClassBalance.NONE for no balancing)");
    Objects.requireNonNull(separation, "separation (use Optional.empty() for none)");
  }

  /**
   * {@code w0 = 10}, {@code σ = 5} px, background-relative class balancing ({@link ClassBalance#BACKGROUND_ONE})
   * and separation of touching cells with {@link SeparationBorders#defaults()}.
   */
  public static WeightMaps paperDefaults() {
    return new WeightMaps(
        BorderWeightMap.paperDefaults(), ClassBalance.BACKGROUND_ONE, Optional.of(SeparationBorders.defaults()));
  }

  /**
   * Foreground/background mask and weights from instance labels: the instances are separated (if configured), the
   * mask is 1 on the remaining instance pixels, {@code w_c} comes from that mask's two class frequencies, and the
   * border term from the separated instances.
   *
   * @param instances instance labels, 0 = background, positive values for cells
   */
  public WeightedMask fromInstances(LabelImage instances) {
    LabelImage separated = separation.map(s -> s.separate(instances)).orElse(instances);
    LabelImage mask = separated.foreground();
    float[] classWeights = new ClassBalanceWeights(classBalance, 2).pixelWeights(mask);
    FloatImage weights = borderWeights.computeInPlace(separated, classWeights); // classWeights is ours: no copy
    return new WeightedMask(mask, weights);
  }

  /**
   * Weights for a class-index mask without instance labels: {@code w_c} from the mask's class frequencies, and the
   * border term from the 4-connected components of the non-zero pixels taken as instances (cells that touch in
   * such a mask are one component; the mask is returned unchanged, so no separation is applied).
   *
   * @param classMask class indices in {@code [0, numClasses)}, 0 = background
   */
  public WeightedMask fromClassMask(LabelImage classMask, int numClasses) {
    float[] classWeights = new ClassBalanceWeights(classBalance, numClasses).pixelWeights(classMask);
    LabelImage instances = ConnectedComponents.label(classMask, Connectivity.FOUR);
    FloatImage weights = borderWeights.computeInPlace(instances, classWeights);
    return new WeightedMask(classMask, weights);
  }
}
