package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.tiling.MirrorIndex;

/**
 * The resampling kernels against per-pixel reference implementations (straightforward formulas reading every tap
 * through {@link MirrorIndex}), bit for bit, on random images and random transforms: flips,
 * quarter turns, arbitrary rotations, shifts far beyond the image, elastic and constant fields, several channels,
 * images smaller than the 4×4 cubic neighbourhood, and sub-regions of the output.
 */
class ResamplingEqualityTest {

  /**
   * The cubic sample at source (sy, sx), every tap read through {@link MirrorIndex}: Catmull-Rom weights and sums in
   * float arithmetic, "+ 0" at the end (never −0.0), exact copies at pixel centres.
   */
  static float referenceCubic(FloatImage img, int c, double sy, double sx) {
    int h = img.height();
    int w = img.width();
    float[] src = img.data();
    int o = c * h * w;
    int iy = (int) Math.floor(sy);
    int ix = (int) Math.floor(sx);
    double ty = sy - iy;
    double tx = sx - ix;
    if (ty == 0 && tx == 0) {
      return src[o + MirrorIndex.reflect(iy, h) * w + MirrorIndex.reflect(ix, w)];
    }
    float[] wy = weights((float) ty);
    float[] wx = weights((float) tx);
    float v = 0;
    for (int k = 0; k < 4; k++) {
      int row = o + MirrorIndex.reflect(iy - 1 + k, h) * w;
      float r = 0;
      for (int j = 0; j < 4; j++) {
        float term = wx[j] * src[row + MirrorIndex.reflect(ix - 1 + j, w)];
        r = j == 0 ? term : r + term;
      }
      v += wy[k] * r;
    }
    return v;
  }

  private static float[] weights(float t) {
    return new float[] {
      ((-0.5f * t + 1.0f) * t - 0.5f) * t,
      (1.5f * t - 2.5f) * t * t + 1.0f,
      ((-1.5f * t + 2.0f) * t + 0.5f) * t,
      (0.5f * t - 0.5f) * t * t
    };
  }

  /** A random image with runs of zeros of both signs (where the sign of a zero result can differ). */
  static FloatImage randomImage(SplittableRandom rng, int c, int h, int w) {
    float[] v = new float[c * h * w];
    for (int i = 0; i < v.length; i++) {
      double u = rng.nextDouble();
      v[i] = u < 0.2 ? 0f : u < 0.4 ? -0f : (float) (rng.nextGaussian() * 3);
    }
    return new FloatImage(c, h, w, v);
  }

  static SpatialTransform randomTransform(SplittableRandom rng, int outH, int outW, int srcH, int srcW) {
    SpatialTransform t = SpatialTransform.identity(outH, outW);
    if (rng.nextBoolean()) {
      t = t.flipY();
    }
    if (rng.nextBoolean()) {
      t = t.flipX();
    }
    t = t.rotate90(rng.nextInt(4));
    if (rng.nextInt(4) == 0) {
      t = t.rotate(rng.nextDouble() * 2 * Math.PI);
    }
    int reach = 2 * Math.max(srcH, srcW);
    t = t.translate(rng.nextInt(-reach, reach + 1) + (rng.nextBoolean() ? 0 : rng.nextDouble()),
        rng.nextInt(-reach, reach + 1));
    switch (rng.nextInt(4)) {
      case 0 -> t = t.withDisplacement(
          new ElasticDeformation(3, 1 + rng.nextDouble() * 15).sample(rng, outH, outW));
      case 1 -> t = t.withDisplacement(
          DisplacementField.constant(outH, outW, rng.nextInt(-3, 4) * 0.5f, rng.nextInt(-3, 4) * 0.25f));
      case 2 -> t = t.withDisplacement(randomField(rng, outH, outW));
      default -> { }
    }
    return t;
  }

  /** A rough field, so that some taps fall outside a window bounded from the field's sampled range. */
  private static DisplacementField randomField(SplittableRandom rng, int h, int w) {
    float[] dy = new float[h * w];
    float[] dx = new float[h * w];
    for (int i = 0; i < dy.length; i++) {
      dy[i] = (float) (rng.nextGaussian() * 4);
      dx[i] = (float) (rng.nextGaussian() * 4);
    }
    return new DisplacementField(h, w, dy, dx);
  }

  @Test
  void cubicEqualsThePerPixelMirroredReference() {
    SplittableRandom rng = new SplittableRandom(20261202);
    for (int trial = 0; trial < 300; trial++) {
      int srcH = 1 + rng.nextInt(40);
      int srcW = 1 + rng.nextInt(40);
      int outH = 1 + rng.nextInt(50);
      int outW = 1 + rng.nextInt(50);
      int channels = 1 + rng.nextInt(2);
      FloatImage img = randomImage(rng, channels, srcH, srcW);
      SpatialTransform t = randomTransform(rng, outH, outW, srcH, srcW);
      int ry = rng.nextInt(outH);
      int rx = rng.nextInt(outW);
      Interval2d region = new Interval2d(ry, rx, 1 + rng.nextInt(outH - ry), 1 + rng.nextInt(outW - rx));
      FloatImage out = t.apply(img, Interpolation.CUBIC, region);
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < region.height(); y++) {
          for (int x = 0; x < region.width(); x++) {
            int oy = region.y0() + y;
            int ox = region.x0() + x;
            float expected = referenceCubic(img, c, t.sourceY(oy, ox), t.sourceX(oy, ox));
            float actual = out.get(c, y, x);
            assertThat(Float.floatToRawIntBits(actual))
                .as("trial %d, %s, channel %d, pixel (%d, %d): %s vs %s", trial, t, c, oy, ox, actual, expected)
                .isEqualTo(Float.floatToRawIntBits(expected));
          }
        }
      }
    }
  }

  @Test
  void cubicOfAPaperSizedPatchEqualsTheReference() {
    // the benchmark's shape: a 572² window with the paper's field over a 512² image, reaching past its borders
    SplittableRandom rng = new SplittableRandom(7);
    FloatImage img = randomImage(rng, 1, 512, 512);
    for (int trial = 0; trial < 3; trial++) {
      SpatialTransform t = new Augmentation(AugmentationSpec.defaults()).sample(rng, 572, 572)
          .translate(rng.nextInt(-92, 33), rng.nextInt(-92, 33));
      FloatImage out = t.apply(img, Interpolation.CUBIC);
      for (int y = 0; y < 572; y++) {
        for (int x = 0; x < 572; x++) {
          float expected = referenceCubic(img, 0, t.sourceY(y, x), t.sourceX(y, x));
          assertThat(Float.floatToRawIntBits(out.get(0, y, x))).isEqualTo(Float.floatToRawIntBits(expected));
        }
      }
    }
  }

  /** Nearest and linear through the fused target pass against direct per-pixel formulas. */
  @Test
  void targetEqualsThePerPixelMirroredReference() {
    SplittableRandom rng = new SplittableRandom(99);
    for (int trial = 0; trial < 200; trial++) {
      int srcH = 1 + rng.nextInt(40);
      int srcW = 1 + rng.nextInt(40);
      int outH = 1 + rng.nextInt(50);
      int outW = 1 + rng.nextInt(50);
      FloatImage weights = randomImage(rng, 1, srcH, srcW);
      int[] labels = new int[srcH * srcW];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = rng.nextInt(5);
      }
      LabelImage mask = new LabelImage(srcH, srcW, labels);
      SpatialTransform t = randomTransform(rng, outH, outW, srcH, srcW);
      int ry = rng.nextInt(outH);
      int rx = rng.nextInt(outW);
      Interval2d region = new Interval2d(ry, rx, 1 + rng.nextInt(outH - ry), 1 + rng.nextInt(outW - rx));
      SpatialTransform.LabelAndWeights target = t.applyToTarget(mask, weights, region);
      for (int y = 0; y < region.height(); y++) {
        for (int x = 0; x < region.width(); x++) {
          double sy = t.sourceY(region.y0() + y, region.x0() + x);
          double sx = t.sourceX(region.y0() + y, region.x0() + x);
          int ny = MirrorIndex.reflect(nearestInteger(sy), srcH);
          int nx = MirrorIndex.reflect(nearestInteger(sx), srcW);
          assertThat(target.mask().get(y, x)).isEqualTo(mask.get(ny, nx));
          assertThat(Float.floatToRawIntBits(target.weights().get(0, y, x)))
              .isEqualTo(Float.floatToRawIntBits(referenceLinear(weights, sy, sx)));
        }
      }
    }
  }

  /** Round half up by the fraction (floor(v + 0.5) would round the sum first). */
  static int nearestInteger(double v) {
    double floor = Math.floor(v);
    return (int) floor + (v - floor >= 0.5 ? 1 : 0);
  }

  @Test
  void nearestNeighbourRoundsHalvesUpWithoutRoundingTheSum() {
    double belowHalf = Math.nextDown(0.5); // + 0.5 would round to 1.0
    assertThat(SpatialTransform.roundHalfUp(belowHalf)).isZero();
    assertThat(SpatialTransform.roundHalfUp(0.5)).isEqualTo(1);
    assertThat(SpatialTransform.roundHalfUp(-0.5)).isZero();
    assertThat(SpatialTransform.roundHalfUp(Math.nextDown(-0.5))).isEqualTo(-1);
    assertThat(SpatialTransform.roundHalfUp(-belowHalf)).isZero();
    assertThat(SpatialTransform.roundHalfUp(2.5)).isEqualTo(3);
    assertThat(SpatialTransform.roundHalfUp(-7.0)).isEqualTo(-7);
    assertThat(SpatialTransform.roundHalfUp(Math.nextDown(3.5))).isEqualTo(3);
  }

  static float referenceLinear(FloatImage img, double sy, double sx) {
    int h = img.height();
    int w = img.width();
    int iy = (int) Math.floor(sy);
    int ix = (int) Math.floor(sx);
    double ty = sy - iy;
    double tx = sx - ix;
    int y0 = MirrorIndex.reflect(iy, h);
    int y1 = MirrorIndex.reflect(iy + 1, h);
    int x0 = MirrorIndex.reflect(ix, w);
    int x1 = MirrorIndex.reflect(ix + 1, w);
    if (ty == 0 && tx == 0) {
      return img.get(0, y0, x0);
    }
    double top = img.get(0, y0, x0) + tx * (img.get(0, y0, x1) - img.get(0, y0, x0));
    double bottom = img.get(0, y1, x0) + tx * (img.get(0, y1, x1) - img.get(0, y1, x0));
    return (float) (top + ty * (bottom - top));
  }
}
