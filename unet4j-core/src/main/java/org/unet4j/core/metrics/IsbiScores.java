package org.unet4j.core.metrics;

import java.util.List;

/**
 * The ISBI 2012 EM segmentation challenge scores of one or more slices, each at its best threshold (Arganda-Carreras
 * et al., Front. Neuroanat. 9:142, 2015; the Fiji scripts of the challenge). Over several slices, pair and pixel
 * counts are pooled (V_rand, Rand and pixel F-scores, warping) and V_info is the mean of the per-slice scores, as
 * the scripts do.
 *
 * @param images slices scored
 * @param vRand the new leaderboard's main score: maximal foreground-restricted Rand F-score after border thinning
 * @param vRandThreshold the threshold giving {@code vRand}
 * @param vInfo maximal foreground-restricted information-theoretic score after border thinning
 * @param vInfoThreshold the threshold giving {@code vInfo}
 * @param randError the 2012 leaderboard's (and the U-Net paper's) "Rand error": 1 − maximal foreground-restricted
 *     Rand F-score, without thinning
 * @param randErrorThreshold the threshold giving {@code randError}
 * @param pixelError the 2012 leaderboard's pixel error: 1 − maximal F-score of the interior pixels
 * @param pixelErrorThreshold the threshold giving {@code pixelError}
 * @param warpingError the 2012 leaderboard's warping error: minimal splits-and-mergers warping error (NaN if not
 *     computed)
 * @param warpingThreshold the threshold giving {@code warpingError}
 * @param warping the warping counts at {@code warpingThreshold} (splits, mergers, all remaining mismatches)
 * @param curve the scores at every threshold
 */
public record IsbiScores(
    long images, double vRand, double vRandThreshold, double vInfo, double vInfoThreshold, double randError,
    double randErrorThreshold, double pixelError, double pixelErrorThreshold, double warpingError,
    double warpingThreshold, WarpingCounts warping, List<IsbiThresholdScores> curve) {

  /** Copies the curve. */
  public IsbiScores {
    curve = List.copyOf(curve);
  }
}
