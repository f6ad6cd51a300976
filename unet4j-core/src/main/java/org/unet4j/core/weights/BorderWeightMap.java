package org.unet4j.core.weights;

import java.util.Arrays;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * The border term of U-Net eq. 2, which makes the network learn the thin background gaps between touching cells:
 *
 * <pre>
 *   w(x) = w_c(x) + w0 · exp(−(d1(x) + d2(x))² / (2σ²))
 * </pre>
 *
 * where {@code d1}, {@code d2} are the Euclidean distances (px, between pixel centres) from pixel {@code x} to the
 * nearest pixel of the nearest and of the second-nearest instance (see {@link NearestInstanceDistances}). A
 * background pixel next to a cell has distance 1 to it.
 *
 * <p><b>Which pixels.</b> The term is added on <em>background</em> pixels only (label 0), as in the common
 * implementations of the paper (for example the lmb/Falk U-Net tooling and the widely used {@code unet_weight_map}
 * recipes); instance pixels get {@code w_c} alone. With fewer than two instances the term is 0 everywhere.
 *
 * <p><b>Cutoff.</b> The term is computed exactly where {@code d1 + d2 ≤ }{@link #cutoffPx()}
 * {@code = σ·sqrt(2·ln(10⁶))} (≈ 5.26σ) and set to 0 beyond, where its exact value is below {@code 10⁻⁶·w0}. That
 * lets the distances to each instance be computed only inside the instance's bounding box grown by the cutoff
 * (one exact Felzenszwalb–Huttenlocher distance transform per instance, keeping the two smallest squared
 * distances per background pixel, in exact integer arithmetic: {@link TwoNearestInstances}), so the cost is about
 * {@code (number of instances) · (cell diameter + 2·cutoff)²}, not {@code (number of instances) · (image size)}.
 * The term itself is looked up per pair of squared distances ({@link BorderTermTable}). For 512×512 px with 60
 * touching cells and σ = 5 px this takes a few ms on one thread (see {@code bench/data} and docs/BENCHMARKS.md).
 *
 * @param w0 border weight {@code w0} (paper: 10), ≥ 0
 * @param sigmaPx border width {@code σ} in px (paper: 5), &gt; 0
 */
public record BorderWeightMap(double w0, double sigmaPx) {

  /** The paper's {@code w0 = 10}. */
  public static final double DEFAULT_W0 = 10.0;

  /** The paper's {@code σ = 5} px. */
  public static final double DEFAULT_SIGMA_PX = 5.0;

  /** The border term is dropped (set to 0) where its exact value would be below this fraction of {@code w0}. */
  public static final double NEGLIGIBLE_FRACTION = 1e-6;

  /** Checks the parameters. */
  public BorderWeightMap {
    if (!(w0 >= 0) || Double.isInfinite(w0)) {
      throw new IllegalArgumentException("w0 " + w0 + " must be a finite number ≥ 0 (paper: 10)");
    }
    if (!(sigmaPx > 0) || Double.isInfinite(sigmaPx)) {
      throw new IllegalArgumentException("sigmaPx " + sigmaPx + " must be a finite number > 0 (paper: 5)");
    }
  }

  /** {@code w0 = 10}, {@code σ = 5} px, as in the paper. */
  public static BorderWeightMap paperDefaults() {
    return new BorderWeightMap(DEFAULT_W0, DEFAULT_SIGMA_PX);
  }

  /**
   * The distance {@code d1 + d2} in px beyond which the border term is set to 0: {@code σ·sqrt(2·ln(1/}
   * {@link #NEGLIGIBLE_FRACTION}{@code ))}, the point where {@code exp(−(d1 + d2)²/(2σ²))} falls to
   * {@code 10⁻⁶} (26.3 px for σ = 5).
   */
  public double cutoffPx() {
    return sigmaPx * Math.sqrt(2.0 * Math.log(1.0 / NEGLIGIBLE_FRACTION));
  }

  /**
   * The full weight map {@code w(x) = 1 + border term}, i.e. eq. 2 without class balancing ({@code w_c ≡ 1}).
   *
   * @param instances instance labels, 0 = background, any positive values for cells
   * @return a 1×H×W image
   */
  public FloatImage compute(LabelImage instances) {
    float[] weights = new float[instances.data().length];
    Arrays.fill(weights, 1f);
    return new FloatImage(1, instances.height(), instances.width(), addBorderTerm(instances, weights));
  }

  /**
   * The full weight map {@code w(x) = w_c(x) + border term} of eq. 2.
   *
   * @param instances instance labels, 0 = background, any positive values for cells
   * @param classWeightsPerPixel {@code w_c(x)}, row-major, one per pixel (see {@link ClassBalanceWeights})
   * @return a 1×H×W image
   */
  public FloatImage compute(LabelImage instances, float[] classWeightsPerPixel) {
    if (classWeightsPerPixel.length != instances.data().length) {
      throw new IllegalArgumentException(
          "got " + classWeightsPerPixel.length + " class weights for a " + instances.height() + "×"
              + instances.width() + " instance image");
    }
    return computeInPlace(instances, classWeightsPerPixel.clone());
  }

  /** {@link #compute(LabelImage, float[])} adding to {@code classWeightsPerPixel} itself (a fresh array nobody else holds). */
  FloatImage computeInPlace(LabelImage instances, float[] classWeightsPerPixel) {
    if (classWeightsPerPixel.length != instances.data().length) {
      throw new IllegalArgumentException(
          "got " + classWeightsPerPixel.length + " class weights for a " + instances.height() + "×"
              + instances.width() + " instance image");
    }
    float[] weights = addBorderTerm(instances, classWeightsPerPixel);
    return new FloatImage(1, instances.height(), instances.width(), weights);
  }

  /**
   * The border term alone, {@code w0 · exp(−(d1 + d2)² / (2σ²))} on background pixels with
   * {@code d1 + d2 ≤ cutoffPx()}, 0 elsewhere.
   *
   * @param instances instance labels, 0 = background, any positive values for cells
   * @return a new row-major array of {@code height·width} values
   * @throws IllegalArgumentException if a label is negative
   */
  public float[] borderTerm(LabelImage instances) {
    return addBorderTerm(instances, new float[instances.data().length]);
  }

  /** Adds the border term to {@code weights} (row-major, one per pixel) and returns it. */
  private float[] addBorderTerm(LabelImage instances, float[] weights) {
    if (w0 == 0) {
      return weights;
    }
    double cutoff = cutoffPx();
    // A background pixel has d1 ≥ 1, so d1 + d2 ≤ cutoff needs d1 ≤ d2 ≤ cutoff − 1: no farther distance matters.
    TwoNearestInstances two = new TwoNearestInstances(instances, Math.max(0, cutoff - 1), true);
    if (two.isEmpty()) {
      return weights;
    }
    int limit = two.limitSquared();
    int width = instances.width();
    BorderTermTable table = BorderTermTable.of(this, limit);
    if (table != null) {
      // Background-only search: instance pixels have no second nearest (0), so no label check is needed here.
      two.forEachRow((y, nearest, second) -> {
        int row = y * width;
        for (int x = 0; x < width; x++) {
          if (second[x] != 0) {
            float term = table.term(limit + 1 - nearest[x], limit + 1 - second[x]);
            if (term != 0) {
              weights[row + x] += term;
            }
          }
        }
      });
      return weights;
    }
    // σ too large to tabulate: the same formula per pixel
    double negInvTwoSigmaSq = -1.0 / (2.0 * sigmaPx * sigmaPx);
    two.forEachRow((y, nearest, second) -> {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        if (second[x] == 0) {
          continue;
        }
        double s = Math.sqrt(limit + 1 - nearest[x]) + Math.sqrt(limit + 1 - second[x]);
        if (s <= cutoff) {
          weights[row + x] += (float) (w0 * Math.exp(s * s * negInvTwoSigmaSq));
        }
      }
    });
    return weights;
  }

  /**
   * Exact distances {@code d1}, {@code d2} from every pixel (background and instance) to the nearest and
   * second-nearest instance, up to {@code maxDistancePx}.
   *
   * @param instances instance labels, 0 = background, any positive values for cells
   * @param maxDistancePx search radius in px; a distance beyond it is reported as +∞ (pass
   *     {@link Double#POSITIVE_INFINITY} for no limit — then the cost grows with instances × image size)
   */
  public static NearestInstanceDistances nearestInstanceDistances(LabelImage instances, double maxDistancePx) {
    if (!(maxDistancePx >= 0)) {
      throw new IllegalArgumentException("maxDistancePx " + maxDistancePx + " must be ≥ 0 (or +∞ for no limit)");
    }
    int n = instances.data().length;
    float[] d1 = new float[n];
    float[] d2 = new float[n];
    TwoNearestInstances two = new TwoNearestInstances(instances, maxDistancePx, false);
    int width = instances.width();
    two.forEachRow((y, nearest, second) -> {
      for (int x = 0; x < width; x++) {
        d1[y * width + x] = two.distancePx(nearest[x]);
        d2[y * width + x] = two.distancePx(second[x]);
      }
    });
    return new NearestInstanceDistances(instances.height(), instances.width(), d1, d2);
  }
}
