/**
 * Per-pixel loss weights for U-Net training (Ronneberger et al. 2015, eq. 2): {@code w(x) = w_c(x) + w0 ·
 * exp(−(d1(x) + d2(x))² / (2σ²))}, and the image operations they need.
 *
 * <p>The data path is: instance labels → {@link org.unet4j.core.weights.SeparationBorders} (optional: cut touching
 * cells apart) → {@link org.unet4j.core.weights.ClassBalanceWeights} ({@code w_c}) and
 * {@link org.unet4j.core.weights.BorderWeightMap} (the border term, from exact distances to the two nearest
 * instances, one Felzenszwalb–Huttenlocher transform per instance as in
 * {@link org.unet4j.core.weights.EuclideanDistanceTransform}) → {@link org.unet4j.core.weights.WeightMaps}, which
 * combines them. {@link org.unet4j.core.weights.ConnectedComponents} turns binary masks into instance labels (for
 * training from class masks and for instance output at inference).
 *
 * <p>Everything works on flat row-major arrays ({@code index = y·width + x}); distances are in pixels, measured
 * between pixel centres. Allowed dependencies: {@code java.base} and {@code org.unet4j.core.image} only.
 */
package org.unet4j.core.weights;
