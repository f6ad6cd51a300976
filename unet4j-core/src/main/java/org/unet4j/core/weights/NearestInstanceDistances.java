package org.unet4j.core.weights;

/**
 * For every pixel, the distances {@code d1 ≤ d2} in px (between pixel centres) to the nearest pixel of the nearest
 * and of the second-nearest instance (U-Net eq. 2). On a pixel of instance A, {@code d1 = 0} (A itself) and
 * {@code d2} is the distance to the nearest other instance.
 *
 * <p>A distance is {@link Float#POSITIVE_INFINITY} when there is no such instance within the search radius used to
 * compute it (or none at all: {@code d2 = +∞} everywhere in an image with fewer than two instances).
 *
 * @param height rows
 * @param width columns
 * @param d1Px row-major distances to the nearest instance
 * @param d2Px row-major distances to the second-nearest instance
 */
public record NearestInstanceDistances(int height, int width, float[] d1Px, float[] d2Px) {

  /** Checks the array lengths. */
  public NearestInstanceDistances {
    long n = (long) height * width;
    if (d1Px.length != n || d2Px.length != n) {
      throw new IllegalArgumentException(
          "d1 has " + d1Px.length + " and d2 " + d2Px.length + " values but " + height + "×" + width + " needs " + n);
    }
  }
}
