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
 * distances per pixel, in exact integer arithmetic), so the cost is about
 * {@code (number of instances) · (cell diameter + 2·cutoff)²}, not {@code (number of instances) · (image size)}:
 * about 7–10 ms single-threaded for 512×512 px with 60 touching cells and σ = 5 px (see {@code bench/data} and
 * docs/BENCHMARKS.md).
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
    float[] weights = borderTerm(instances);
    for (int i = 0; i < weights.length; i++) {
      weights[i] += 1f;
    }
    return new FloatImage(1, instances.height(), instances.width(), weights);
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
    float[] weights = borderTerm(instances);
    for (int i = 0; i < weights.length; i++) {
      weights[i] += classWeightsPerPixel[i];
    }
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
    int n = instances.data().length;
    float[] term = new float[n];
    if (w0 == 0) {
      return term;
    }
    double cutoff = cutoffPx();
    SquaredDistances sq = nearestTwo(instances, cutoff, true);
    if (sq == null) {
      return term;
    }
    int[] nearness = sq.nearness();
    int limit = sq.limitSquared();
    // sqrt of every possible squared distance, looked up instead of computed (the limit is ≈ 27.6σ²).
    double[] root = limit <= 1 << 20 ? new double[limit + 1] : null;
    if (root != null) {
      for (int d = 0; d <= limit; d++) {
        root[d] = Math.sqrt(d);
      }
    }
    int[] labels = instances.data();
    double negInvTwoSigmaSq = -1.0 / (2.0 * sigmaPx * sigmaPx);
    for (int i = 0; i < n; i++) {
      int second = nearness[2 * i + 1];
      if (second == 0 || labels[i] != 0) {
        continue;
      }
      int a = limit + 1 - nearness[2 * i];
      int b = limit + 1 - second;
      double s = root != null ? root[a] + root[b] : Math.sqrt(a) + Math.sqrt(b);
      if (s <= cutoff) {
        term[i] = (float) (w0 * Math.exp(s * s * negInvTwoSigmaSq));
      }
    }
    return term;
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
    SquaredDistances sq = nearestTwo(instances, maxDistancePx, false);
    for (int i = 0; i < n; i++) {
      d1[i] = sq == null ? Float.POSITIVE_INFINITY : sq.distancePx(2 * i);
      d2[i] = sq == null ? Float.POSITIVE_INFINITY : sq.distancePx(2 * i + 1);
    }
    return new NearestInstanceDistances(instances.height(), instances.width(), d1, d2);
  }

  /**
   * The two smallest squared distances {@code d²} per pixel, interleaved ({@code [2i]} nearest, {@code [2i + 1]}
   * second), stored as {@code limitSquared + 1 − d²}: larger means nearer and 0 means "none within the limit", so a
   * freshly allocated (zeroed) array needs no initialisation pass.
   */
  private record SquaredDistances(int[] nearness, int limitSquared) {

    float distancePx(int index) {
      int value = nearness[index];
      return value == 0 ? Float.POSITIVE_INFINITY : (float) Math.sqrt(limitSquared + 1 - value);
    }
  }

  /**
   * Runs one exact distance transform per instance inside its bounding box grown by {@code maxDistancePx} and keeps
   * the two smallest squared distances per pixel. Returns null if there are no instances.
   */
  private static SquaredDistances nearestTwo(LabelImage instances, double maxDistancePx, boolean backgroundOnly) {
    int height = instances.height();
    int width = instances.width();
    long maxSquared = (long) (height - 1) * (height - 1) + (long) (width - 1) * (width - 1);
    if (maxSquared >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "image " + height + "×" + width + " is too large for border weights; split it into tiles below 32768²");
    }
    LabelImage labelled = instances;
    int maxLabel = maxLabelChecked(instances);
    if (maxLabel == 0) {
      return null;
    }
    if (maxLabel > instances.data().length) {
      labelled = ConnectedComponents.relabelConsecutive(instances);
      maxLabel = labelled.maxLabel();
    }
    int[] labels = labelled.data();
    // Bounding boxes per label; labels absent from the image keep minY > maxY.
    int[] minY = new int[maxLabel + 1];
    int[] maxY = new int[maxLabel + 1];
    int[] minX = new int[maxLabel + 1];
    int[] maxX = new int[maxLabel + 1];
    Arrays.fill(minY, Integer.MAX_VALUE);
    Arrays.fill(minX, Integer.MAX_VALUE);
    Arrays.fill(maxY, -1);
    Arrays.fill(maxX, -1);
    // Run by run (a row's consecutive pixels of one label) rather than pixel by pixel: about 1/15 of the updates.
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int x = 0;
      while (x < width) {
        int l = labels[row + x];
        int start = x;
        while (x + 1 < width && labels[row + x + 1] == l) {
          x++;
        }
        if (l != 0) {
          minY[l] = Math.min(minY[l], y);
          maxY[l] = y;
          minX[l] = Math.min(minX[l], start);
          maxX[l] = Math.max(maxX[l], x);
        }
        x++;
      }
    }
    long cutSquared = (long) Math.min(Math.floor(maxDistancePx * maxDistancePx), (double) maxSquared);
    int margin = (int) Math.min(Math.floor(maxDistancePx), Math.max(height, width));

    int n = labels.length;
    int[] nearness = new int[2 * n];
    int encode = (int) cutSquared + 1;
    int[] nearestRow = new int[0];
    LowerEnvelope envelope = new LowerEnvelope(width);

    for (int l = 1; l <= maxLabel; l++) {
      if (maxY[l] < 0) {
        continue;
      }
      int y0 = minY[l];
      int y1 = maxY[l];
      int x0 = minX[l];
      int x1 = maxX[l];
      int boxY0 = Math.max(0, y0 - margin);
      int boxY1 = Math.min(height - 1, y1 + margin);
      int boxX0 = Math.max(0, x0 - margin);
      int boxX1 = Math.min(width - 1, x1 + margin);
      int bw = x1 - x0 + 1;
      int bh = boxY1 - boxY0 + 1;
      if (nearestRow.length < bw * bh) {
        nearestRow = new int[bw * bh];
      }
      // Column pass over the instance's columns only (other columns of the grown box have no feature pixel):
      // nearest row of label l in the same column, -1 if none.
      for (int yy = 0; yy < bh; yy++) {
        int src = (boxY0 + yy) * width + x0;
        int dst = yy * bw;
        int y = boxY0 + yy;
        for (int xx = 0; xx < bw; xx++) {
          nearestRow[dst + xx] = labels[src + xx] == l ? y : (yy > 0 ? nearestRow[dst - bw + xx] : -1);
        }
      }
      for (int yy = bh - 2; yy >= 0; yy--) {
        int dst = yy * bw;
        int y = boxY0 + yy;
        for (int xx = 0; xx < bw; xx++) {
          int below = nearestRow[dst + bw + xx];
          int current = nearestRow[dst + xx];
          if (below >= 0 && (current < 0 || below - y < y - current)) {
            nearestRow[dst + xx] = below;
          }
        }
      }
      // Row pass: lower envelope of the column distances, evaluated along the grown row.
      for (int yy = 0; yy < bh; yy++) {
        int y = boxY0 + yy;
        int src = yy * bw;
        long fMin = Long.MAX_VALUE;
        envelope.clear();
        for (int xx = 0; xx < bw; xx++) {
          int r = nearestRow[src + xx];
          if (r < 0) {
            continue;
          }
          long fx = (long) (y - r) * (y - r);
          fMin = Math.min(fMin, fx);
          // Inside a run of the instance's own pixels a parabola is lowest only at its own pixel (distance 0, set
          // directly below), so only the run's ends enter the envelope.
          if (r == y
              && xx > 0
              && xx < bw - 1
              && nearestRow[src + xx - 1] == y
              && nearestRow[src + xx + 1] == y) {
            continue;
          }
          envelope.add(xx, fx);
        }
        if (envelope.size() == 0 || fMin > cutSquared) {
          continue;
        }
        // No pixel farther than the cutoff from the instance's columns can be within the cutoff.
        int reach = (int) Math.floor(Math.sqrt((double) (cutSquared - fMin)));
        int xStart = Math.max(boxX0, x0 - reach);
        int xEnd = Math.min(boxX1, x1 + reach);
        int row = y * width;
        envelope.rewind();
        for (int x = xStart; x <= xEnd; x++) {
          int i = row + x;
          int label = labels[i];
          if (backgroundOnly && label != 0) {
            continue;
          }
          long d;
          if (label == l) {
            d = 0;
          } else {
            int q = x - x0;
            envelope.nearestVertex(q);
            d = envelope.valueAt(q);
            if (d > cutSquared) {
              continue;
            }
          }
          int near = encode - (int) d;
          int first = nearness[2 * i];
          if (near > first) {
            nearness[2 * i + 1] = first;
            nearness[2 * i] = near;
          } else if (near > nearness[2 * i + 1]) {
            nearness[2 * i + 1] = near;
          }
        }
      }
    }
    return new SquaredDistances(nearness, (int) cutSquared);
  }

  private static int maxLabelChecked(LabelImage instances) {
    int[] data = instances.data();
    int max = 0;
    for (int i = 0; i < data.length; i++) {
      int value = data[i];
      if (value < 0) {
        throw new IllegalArgumentException(
            "instance label " + value + " at (y=" + i / instances.width() + ", x=" + i % instances.width()
                + ") is negative; use 0 for background and positive labels for cells");
      }
      max = Math.max(max, value);
    }
    return max;
  }
}
