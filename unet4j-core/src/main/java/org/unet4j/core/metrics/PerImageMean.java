package org.unet4j.core.metrics;

/**
 * A mergeable mean of per-image scores, the "mean over images" a dataset is often summarised by (as opposed to the
 * pooled score of merged counts; the two differ whenever images differ in size or content). NaN scores (an image
 * with nothing to score) are left out of the mean and counted apart.
 *
 * @param sum sum of the finite scores
 * @param images images with a finite score
 * @param skipped images whose score was NaN
 */
public record PerImageMean(double sum, long images, long skipped) {

  /** No image yet. */
  public static final PerImageMean EMPTY = new PerImageMean(0, 0, 0);

  /** Adds one image's score (NaN counts as skipped). */
  public PerImageMean add(double score) {
    return Double.isNaN(score) ? new PerImageMean(sum, images, skipped + 1) : new PerImageMean(sum + score, images + 1, skipped);
  }

  /** Combines two partial means. */
  public PerImageMean merge(PerImageMean other) {
    return new PerImageMean(sum + other.sum, images + other.images, skipped + other.skipped);
  }

  /** The mean of the finite scores; NaN when there is none. */
  public double mean() {
    return images == 0 ? Double.NaN : sum / images;
  }
}
