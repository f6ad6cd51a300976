package org.unet4j.core.weights;

import java.util.SplittableRandom;
import org.unet4j.core.image.LabelImage;

/**
 * Test data: disc-like cells on a jittered grid. A pixel belongs to the nearest seed if it lies within
 * {@code radiusPx} of it, so neighbouring cells touch along straight contact lines where their discs overlap.
 */
final class TouchingCells {

  private TouchingCells() {}

  /**
   * @param rows grid rows of seeds
   * @param columns grid columns of seeds
   * @param radiusPx disc radius; about 0.6 × the grid spacing makes most neighbours touch
   */
  static LabelImage generate(int height, int width, int rows, int columns, double radiusPx, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int count = rows * columns;
    double[] cy = new double[count];
    double[] cx = new double[count];
    double spacingY = (double) height / rows;
    double spacingX = (double) width / columns;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int k = r * columns + c;
        cy[k] = (r + 0.5) * spacingY + (random.nextDouble() - 0.5) * 0.3 * spacingY;
        cx[k] = (c + 0.5) * spacingX + (random.nextDouble() - 0.5) * 0.3 * spacingX;
      }
    }
    int[] labels = new int[height * width];
    double radiusSquared = radiusPx * radiusPx;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double best = radiusSquared;
        int label = 0;
        for (int k = 0; k < count; k++) {
          double d = (y - cy[k]) * (y - cy[k]) + (x - cx[k]) * (x - cx[k]);
          if (d <= best) {
            best = d;
            label = k + 1;
          }
        }
        labels[y * width + x] = label;
      }
    }
    return new LabelImage(height, width, labels);
  }

  /** Pixels within {@code radiusPx} of {@code (cy, cx)} get {@code label} (overwriting). */
  static void paintDisc(LabelImage image, double cy, double cx, double radiusPx, int label) {
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= radiusPx * radiusPx) {
          image.set(y, x, label);
        }
      }
    }
  }
}
