package org.unet4j.testing;

import java.util.SplittableRandom;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * Bright discs on a dark, noisy background with their binary mask: the simplest image a U-Net must learn, for
 * training tests. Seeded and deterministic.
 */
public final class DiscImages {

  private DiscImages() {}

  /**
   * An image of {@code discs} discs of radius 4–9 px at random positions (they may overlap), grey value 0.8 inside
   * and 0.2 outside, plus Gaussian noise of σ = {@code noiseSigma}.
   *
   * @return the image with its class mask (1 = disc) and uniform weights
   */
  public static TrainingSample generate(int heightPx, int widthPx, int discs, double noiseSigma, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] mask = new int[heightPx * widthPx];
    for (int k = 0; k < discs; k++) {
      double radius = 4 + 5 * random.nextDouble();
      double cy = random.nextDouble() * heightPx;
      double cx = random.nextDouble() * widthPx;
      for (int y = 0; y < heightPx; y++) {
        for (int x = 0; x < widthPx; x++) {
          if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= radius * radius) {
            mask[y * widthPx + x] = 1;
          }
        }
      }
    }
    float[] image = new float[mask.length];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) ((mask[i] == 1 ? 0.8 : 0.2) + noiseSigma * gaussian(random));
    }
    return TrainingSample.withUniformWeights(
        new FloatImage(1, heightPx, widthPx, image), new LabelImage(heightPx, widthPx, mask));
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
