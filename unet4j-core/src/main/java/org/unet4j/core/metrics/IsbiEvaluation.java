package org.unet4j.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;

/**
 * Accumulates the ISBI 2012 scores over slices, threshold by threshold, and reports each score at its best threshold
 * ({@link #scores()}). Mutable and mergeable: score slices on several workers and {@link #merge} them.
 *
 * <p>Inputs per slice: the binary truth (non-zero = cell interior, 0 = membrane; its objects are the 4-connected
 * interior components, as the scripts relabel the binary ground truth) and the interior probability map (the
 * challenge's format: 1 = interior, 0 = membrane; channel 0). At each threshold t the proposal's interior is {@code
 * p > t}:
 *
 * <ul>
 *   <li>V_rand and V_info: segments after border thinning ({@link MembraneSegments#thinned}), foreground-restricted
 *       ({@link RandCounts#foregroundRestricted}, {@link InformationCounts#foregroundRestricted}).
 *   <li>Rand error (2012): the same pair counts on the 4-connected components without thinning.
 *   <li>Pixel error (2012): 1 − F-score of the interior pixels.
 *   <li>Warping error (2012): {@link WarpingError}, split plus merger pixels over all pixels.
 * </ul>
 *
 * Cost per slice: O(n log n) per segmentation threshold, plus one warp per warping threshold.
 */
public final class IsbiEvaluation {

  private final IsbiProtocol protocol;
  private final RandCounts[] thinnedRand;
  private final PerImageMean[] thinnedInformation;
  private final RandCounts[] plainRand;
  private final ConfusionCounts[] pixels;
  private final WarpingCounts[] warping;
  private long images;

  /** An empty evaluation with the given thresholds. */
  public IsbiEvaluation(IsbiProtocol protocol) {
    this.protocol = protocol;
    int n = protocol.segmentationThresholds().size();
    thinnedRand = filled(new RandCounts[n], RandCounts.EMPTY);
    thinnedInformation = filled(new PerImageMean[n], PerImageMean.EMPTY);
    plainRand = filled(new RandCounts[n], RandCounts.EMPTY);
    pixels = new ConfusionCounts[n];
    for (int k = 0; k < n; k++) {
      pixels[k] = new ConfusionCounts(2);
    }
    warping = filled(new WarpingCounts[protocol.warpingThresholds().size()], WarpingCounts.EMPTY);
  }

  private static <T> T[] filled(T[] array, T value) {
    Arrays.fill(array, value);
    return array;
  }

  /** The thresholds used. */
  public IsbiProtocol protocol() {
    return protocol;
  }

  /**
   * Scores one slice at every threshold and adds it.
   *
   * @param truth binary truth, non-zero = interior
   * @param interiorProbability interior probability, channel 0
   * @throws IllegalArgumentException if the sizes differ
   */
  public IsbiEvaluation add(LabelImage truth, FloatImage interiorProbability) {
    if (truth.height() != interiorProbability.height() || truth.width() != interiorProbability.width()) {
      throw new IllegalArgumentException(
          "truth is " + truth.height() + "×" + truth.width() + " but the probability map is "
              + interiorProbability.height() + "×" + interiorProbability.width() + " (H×W); they must match");
    }
    LabelImage truthInterior = truth.foreground();
    LabelImage truthSegments = ConnectedComponents.label(truthInterior, Connectivity.FOUR);
    List<Double> thresholds = protocol.segmentationThresholds();
    for (int k = 0; k < thresholds.size(); k++) {
      double t = thresholds.get(k);
      ContingencyTable thinned =
          ContingencyTable.ofTruthForeground(truthSegments, MembraneSegments.thinned(interiorProbability, t));
      thinnedRand[k] = thinnedRand[k].merge(RandCounts.foregroundRestricted(thinned));
      thinnedInformation[k] = thinnedInformation[k].add(InformationCounts.foregroundRestricted(thinned).vInfo());
      LabelImage components = MembraneSegments.connectedComponents(interiorProbability, t);
      plainRand[k] = plainRand[k].merge(
          RandCounts.foregroundRestricted(ContingencyTable.ofTruthForeground(truthSegments, components)));
      pixels[k].add(truthInterior, components.foreground());
    }
    List<Double> warpingThresholds = protocol.warpingThresholds();
    for (int k = 0; k < warpingThresholds.size(); k++) {
      warping[k] = warping[k].merge(WarpingError.warp(truth, interiorProbability, warpingThresholds.get(k)).counts());
    }
    images++;
    return this;
  }

  /** Adds the slices of another evaluation with the same protocol. */
  public IsbiEvaluation merge(IsbiEvaluation other) {
    if (!other.protocol.equals(protocol)) {
      throw new IllegalArgumentException("cannot merge evaluations with different thresholds");
    }
    for (int k = 0; k < thinnedRand.length; k++) {
      thinnedRand[k] = thinnedRand[k].merge(other.thinnedRand[k]);
      thinnedInformation[k] = thinnedInformation[k].merge(other.thinnedInformation[k]);
      plainRand[k] = plainRand[k].merge(other.plainRand[k]);
      pixels[k].merge(other.pixels[k]);
    }
    for (int k = 0; k < warping.length; k++) {
      warping[k] = warping[k].merge(other.warping[k]);
    }
    images += other.images;
    return this;
  }

  /**
   * Each score at its best threshold: the first maximum of an F-score (NaN scores never win) or the first minimum of
   * the warping error; NaN when no slice was added (or no warping threshold was given).
   */
  public IsbiScores scores() {
    List<Double> thresholds = protocol.segmentationThresholds();
    List<Double> warpingThresholds = protocol.warpingThresholds();
    double[] vRand = new double[thresholds.size()];
    double[] vInfo = new double[thresholds.size()];
    double[] randF = new double[thresholds.size()];
    double[] pixelF = new double[thresholds.size()];
    for (int k = 0; k < thresholds.size(); k++) {
      vRand[k] = thinnedRand[k].vRand();
      vInfo[k] = thinnedInformation[k].mean();
      randF[k] = plainRand[k].vRand();
      pixelF[k] = pixels[k].total() == 0 ? Double.NaN : pixels[k].dice(1);
    }
    double[] splitsAndMergers = new double[warping.length];
    for (int k = 0; k < warping.length; k++) {
      splitsAndMergers[k] = warping[k].splitsAndMergersError();
    }
    int bestRand = best(vRand, true);
    int bestInfo = best(vInfo, true);
    int bestPlain = best(randF, true);
    int bestPixel = best(pixelF, true);
    int bestWarp = best(splitsAndMergers, false);
    List<IsbiThresholdScores> curve = new ArrayList<>();
    List<Double> all = new ArrayList<>(thresholds);
    for (double t : warpingThresholds) {
      if (!all.contains(t)) {
        all.add(t);
      }
    }
    all.sort(Double::compare);
    for (double t : all) {
      int k = thresholds.indexOf(t);
      int w = warpingThresholds.indexOf(t);
      curve.add(new IsbiThresholdScores(
          t, k < 0 ? Double.NaN : vRand[k], k < 0 ? Double.NaN : vInfo[k], k < 0 ? Double.NaN : randF[k],
          k < 0 ? Double.NaN : pixelF[k], w < 0 ? Double.NaN : splitsAndMergers[w]));
    }
    return new IsbiScores(
        images, at(vRand, bestRand), at(thresholds, bestRand), at(vInfo, bestInfo), at(thresholds, bestInfo),
        1 - at(randF, bestPlain), at(thresholds, bestPlain), 1 - at(pixelF, bestPixel), at(thresholds, bestPixel),
        at(splitsAndMergers, bestWarp), at(warpingThresholds, bestWarp),
        bestWarp < 0 ? WarpingCounts.EMPTY : warping[bestWarp], curve);
  }

  /** Index of the first maximum (or minimum) among the non-NaN values, −1 if all are NaN. */
  private static int best(double[] values, boolean maximum) {
    int best = -1;
    for (int k = 0; k < values.length; k++) {
      if (Double.isNaN(values[k])) {
        continue;
      }
      if (best < 0 || (maximum ? values[k] > values[best] : values[k] < values[best])) {
        best = k;
      }
    }
    return best;
  }

  private static double at(double[] values, int k) {
    return k < 0 ? Double.NaN : values[k];
  }

  private static double at(List<Double> values, int k) {
    return k < 0 ? Double.NaN : values.get(k);
  }
}
