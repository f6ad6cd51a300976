package org.unet4j.core.synthetic;

import java.util.SplittableRandom;
import org.unet4j.core.tiling.MirrorIndex;
import org.unet4j.core.weights.EuclideanDistanceTransform;

/**
 * The ideal (noise-free, unblurred) grey values of a cell layout, by the formulas of {@link CellAppearance} and
 * {@link ContrastMode}.
 */
final class Specimen {
  private static final double FINE_TEXTURE_SCALE_PX = 0.8;
  private static final double FINE_TEXTURE_SHARE = 0.6;
  private static final double BACKGROUND_TEXTURE_SCALE_PX = 8;
  private static final double RELIEF_PRE_SMOOTHING_PX = 0.7;
  // exp(−12) ≈ 6·10⁻⁶ of a contrast is far below any noise: skip the exponential beyond it.
  private static final double NEGLIGIBLE_EXPONENT = 12;

  private Specimen() {}

  /**
   * The specimen image of {@code layout}, row-major. Draws the noise fields it needs from {@code rng}, in this order:
   * cell texture blobs and granules (unless {@code textureStrength} is 0), then background haze (unless
   * {@code backgroundTextureSd} is 0).
   */
  static float[] render(CellLayout layout, CellAppearance look, SplittableRandom rng) {
    int height = layout.labels().height();
    int width = layout.labels().width();
    int[] labels = layout.labels().data();
    boolean textured = look.textureStrength() > 0;
    float[] blobs = textured ? GaussianBlur.unitNoise(rng, height, width, look.textureScalePx()) : null;
    float[] granules = textured ? GaussianBlur.unitNoise(rng, height, width, FINE_TEXTURE_SCALE_PX) : null;
    float[] haze = look.backgroundTextureSd() > 0
        ? GaussianBlur.unitNoise(rng, height, width, BACKGROUND_TEXTURE_SCALE_PX) : new float[labels.length];
    float[] distance = EuclideanDistanceTransform.distances(boundaryPixels(labels, height, width), height, width);

    double textureNorm = 1 / Math.sqrt(1 + FINE_TEXTURE_SHARE * FINE_TEXTURE_SHARE);
    double rimDenominator = 2 * look.boundaryWidthPx() * look.boundaryWidthPx();
    float[] cellSignal = new float[labels.length];
    float[] halo = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int label = labels[i];
      double d = distance[i];
      if (label == 0) {
        // d ≥ 1 here: the nearest boundary pixel is a cell pixel, and the outline lies half a pixel before it.
        if (look.haloContrast() != 0 && d - 1 < NEGLIGIBLE_EXPONENT * look.haloWidthPx()) {
          halo[i] = (float) (look.haloContrast() * Math.exp(-(d - 1) / look.haloWidthPx()));
        }
        continue;
      }
      double depthPx = d + 0.5;
      double dome = depthPx < NEGLIGIBLE_EXPONENT * look.edgeSoftnessPx()
          ? 1 - Math.exp(-depthPx / look.edgeSoftnessPx()) : 1;
      double texture = textured ? (blobs[i] + FINE_TEXTURE_SHARE * granules[i]) * textureNorm : 0;
      double signal = look.cellContrast() * layout.brightness()[label] * dome
          * (1 + look.nucleusContrast() * layout.nucleus()[i])
          * Math.max(0, 1 + look.textureStrength() * texture);
      double rimExponent = d * d / rimDenominator;
      double rim = rimExponent < NEGLIGIBLE_EXPONENT ? look.boundaryContrast() * Math.exp(-rimExponent) : 0;
      cellSignal[i] = (float) (signal + rim);
    }
    float[] grey = look.contrastMode() == ContrastMode.RELIEF ? relief(cellSignal, height, width) : cellSignal;
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (float) (look.backgroundLevel() + look.backgroundTextureSd() * haze[i] + grey[i] + halo[i]);
    }
    return grey;
  }

  /**
   * Labelled pixels with a 4-neighbour of another label (background included); the image edge is no boundary, so a
   * cell cut by the border keeps its full signal there.
   */
  static boolean[] boundaryPixels(int[] labels, int height, int width) {
    boolean[] boundary = new boolean[labels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        int label = labels[i];
        boundary[i] = label != 0
            && ((y > 0 && labels[i - width] != label)
                || (y + 1 < height && labels[i + width] != label)
                || (x > 0 && labels[i - 1] != label)
                || (x + 1 < width && labels[i + 1] != label));
      }
    }
    return boundary;
  }

  /**
   * DIC shading: the derivative of the (slightly smoothed) height map along the shear direction from the upper left
   * to the lower right, as a central difference over one diagonal step on each side: {@code (h(y+1, x+1) −
   * h(y−1, x−1)) / 2}; edges of the image are mirrored.
   */
  private static float[] relief(float[] heightMap, int height, int width) {
    float[] smooth = GaussianBlur.blur(heightMap, height, width, RELIEF_PRE_SMOOTHING_PX);
    float[] out = new float[smooth.length];
    for (int y = 0; y < height; y++) {
      int below = MirrorIndex.reflect(y + 1, height) * width;
      int above = MirrorIndex.reflect(y - 1, height) * width;
      for (int x = 0; x < width; x++) {
        int right = MirrorIndex.reflect(x + 1, width);
        int left = MirrorIndex.reflect(x - 1, width);
        out[y * width + x] = 0.5f * (smooth[below + right] - smooth[above + left]);
      }
    }
    return out;
  }
}
