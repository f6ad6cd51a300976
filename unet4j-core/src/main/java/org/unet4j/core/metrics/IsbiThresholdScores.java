package org.unet4j.core.metrics;

/**
 * The ISBI 2012 scores at one threshold of the probability map (pooled or averaged over the images as {@link
 * IsbiScores} describes); NaN where a score was not computed at this threshold.
 *
 * @param threshold interior where the probability is {@code > threshold}
 * @param vRand Rand F-score after border thinning
 * @param vInfo information-theoretic score after border thinning
 * @param randFScore foreground-restricted Rand F-score without thinning (the 2012 leaderboard's)
 * @param pixelFScore F-score of the interior pixels
 * @param splitsAndMergersError warping error counting split and merger pixels
 */
public record IsbiThresholdScores(
    double threshold, double vRand, double vInfo, double randFScore, double pixelFScore,
    double splitsAndMergersError) {}
