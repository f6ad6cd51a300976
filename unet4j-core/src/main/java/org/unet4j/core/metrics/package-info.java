/**
 * Segmentation metrics as mergeable sufficient statistics plus pure functions; every ratio documents its empty-set
 * rule (NaN when there is nothing to score, unless a convention of the field says otherwise).
 *
 * <ul>
 *   <li>Pixels: {@link org.unet4j.core.metrics.ConfusionCounts} (IoU, Dice, pixel error per class), {@link
 *       org.unet4j.core.metrics.PixelScores}; pooled by merging counts, per-image means with {@link
 *       org.unet4j.core.metrics.PerImageMean}.
 *   <li>Segments: {@link org.unet4j.core.metrics.ContingencyTable} → {@link org.unet4j.core.metrics.RandCounts}
 *       (Rand index, V_rand) and {@link org.unet4j.core.metrics.InformationCounts} (VI, V_info).
 *   <li>ISBI 2012: {@link org.unet4j.core.metrics.MembraneSegments} (boundary map → segments, border thinning),
 *       {@link org.unet4j.core.metrics.WarpingError} (Jain et al. 2010), {@link
 *       org.unet4j.core.metrics.IsbiEvaluation} (best threshold of each score).
 *   <li>Instances: {@link org.unet4j.core.metrics.InstanceMatching} (one-to-one matching, AP, F1, PQ; Cell Tracking
 *       Challenge SEG).
 * </ul>
 *
 * Depends on {@code org.unet4j.core.image} and {@code org.unet4j.core.weights} (connected components).
 */
package org.unet4j.core.metrics;
