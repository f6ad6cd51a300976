package org.unet4j.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Which thresholds of a probability map the ISBI 2012 scores try; each score reports its best threshold.
 *
 * @param segmentationThresholds thresholds for V_rand, V_info, the foreground-restricted Rand error and the pixel
 *     error (maximum F-score over them)
 * @param warpingThresholds thresholds for the warping error (minimum over them); empty to skip the warping, the
 *     costliest score
 */
public record IsbiProtocol(List<Double> segmentationThresholds, List<Double> warpingThresholds) {

  /** Copies the lists and checks that there is at least one segmentation threshold. */
  public IsbiProtocol {
    segmentationThresholds = List.copyOf(segmentationThresholds);
    warpingThresholds = List.copyOf(warpingThresholds);
    if (segmentationThresholds.isEmpty()) {
      throw new IllegalArgumentException("need at least one segmentation threshold, e.g. 0.5");
    }
  }

  /**
   * The challenge's thresholds for probability maps: 0, 0.1, …, 1 for V_rand/V_info/Rand/pixel error (Fiji {@code
   * getMaximalVRandAfterThinning(0.0, 1.0, 0.1)}) and 0, 0.1, …, 0.9 for the warping error ({@code
   * getMinimumSplitsAndMergersErrorValue(0.0, 0.9, 0.1)}), generated as the scripts do by repeated addition (so the
   * last is 0.9999999999999999, which still counts a probability of exactly 1 as interior).
   */
  public static IsbiProtocol challenge() {
    return new IsbiProtocol(scriptThresholds(1.0, 0.1), scriptThresholds(0.9, 0.1));
  }

  /** A binary (0/1) prediction: the scripts' "binary proposal" setting, the single threshold 0. */
  public static IsbiProtocol binary() {
    return new IsbiProtocol(List.of(0.0), List.of(0.0));
  }

  /** The same thresholds without the warping error. */
  public IsbiProtocol withoutWarping() {
    return new IsbiProtocol(segmentationThresholds, List.of());
  }

  /** {@code 0, step, 2·step, …} while {@code ≤ max}, by repeated addition like the challenge scripts' loops. */
  public static List<Double> scriptThresholds(double max, double step) {
    if (!(step > 0) || max < 0) {
      throw new IllegalArgumentException("thresholds need step > 0 and max ≥ 0, got step " + step + ", max " + max);
    }
    List<Double> thresholds = new ArrayList<>();
    for (double t = 0.0; t <= max; t += step) {
      thresholds.add(t);
    }
    return thresholds;
  }
}
