package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.FloatImage;

/**
 * The row-by-row elastic field against the dense interpolation as it was computed before (a verbatim copy of the
 * old {@code ElasticDeformation.fromGrid} loop below), bit for bit, and warps with a grid against warps with its
 * dense field.
 */
class ElasticGridTest {

  /** The old dense Catmull-Rom field, kept as the reference (same arithmetic, written independently per pixel). */
  static DisplacementField legacyField(int g, double[] gridDy, double[] gridDx, int height, int width) {
    float[] dy = new float[height * width];
    float[] dx = new float[height * width];
    for (int y = 0; y < height; y++) {
      double u = height > 1 ? (double) y * (g - 1) / (height - 1) : 0;
      int i = Math.min((int) Math.floor(u), g - 2);
      double[] wy = weights(u - i);
      double[] rowDy = new double[g];
      double[] rowDx = new double[g];
      for (int j = 0; j < g; j++) {
        for (int k = 0; k < 4; k++) {
          int gi = Math.max(0, Math.min(g - 1, i - 1 + k)) * g + j;
          rowDy[j] += wy[k] * gridDy[gi];
          rowDx[j] += wy[k] * gridDx[gi];
        }
      }
      for (int x = 0; x < width; x++) {
        double v = width > 1 ? (double) x * (g - 1) / (width - 1) : 0;
        int ix = Math.min((int) Math.floor(v), g - 2);
        double[] wx = weights(v - ix);
        double vy = 0;
        double vx = 0;
        for (int k = 0; k < 4; k++) {
          int gj = Math.max(0, Math.min(g - 1, ix - 1 + k));
          vy += wx[k] * rowDy[gj];
          vx += wx[k] * rowDx[gj];
        }
        dy[y * width + x] = (float) vy;
        dx[y * width + x] = (float) vx;
      }
    }
    return new DisplacementField(height, width, dy, dx);
  }

  private static double[] weights(double t) {
    return new double[] {
      ((-0.5 * t + 1.0) * t - 0.5) * t,
      (1.5 * t - 2.5) * t * t + 1.0,
      ((-1.5 * t + 2.0) * t + 0.5) * t,
      (0.5 * t - 0.5) * t * t
    };
  }

  @Test
  void denseFieldAndEveryRowRangeEqualTheLegacyInterpolation() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 100; trial++) {
      int g = 2 + rng.nextInt(4);
      int h = 1 + rng.nextInt(60);
      int w = 1 + rng.nextInt(60);
      double[] gy = new double[g * g];
      double[] gx = new double[g * g];
      for (int k = 0; k < g * g; k++) {
        gy[k] = rng.nextGaussian() * 10;
        gx[k] = rng.nextGaussian() * 10;
      }
      DisplacementField expected = legacyField(g, gy, gx, h, w);
      ElasticGrid grid = new ElasticGrid(g, gy, gx, h, w);
      assertThat(grid.dense()).isEqualTo(expected);
      assertThat(ElasticDeformation.fromGrid(g, gy, gx, h, w)).isEqualTo(expected);
      ElasticGrid.Row row = grid.new Row(w);
      for (int y = 0; y < h; y++) {
        int x0 = rng.nextInt(w);
        int count = 1 + rng.nextInt(w - x0);
        row.evaluate(y, x0, count);
        for (int k = 0; k < count; k++) {
          assertThat(Float.floatToRawIntBits(row.dy[k])).isEqualTo(Float.floatToRawIntBits(expected.dyAt(y, x0 + k)));
          assertThat(Float.floatToRawIntBits(row.dx[k])).isEqualTo(Float.floatToRawIntBits(expected.dxAt(y, x0 + k)));
        }
      }
    }
  }

  @Test
  void sampleGridDrawsWhatSampleDraws() {
    ElasticDeformation e = ElasticDeformation.paper();
    assertThat(e.sampleGrid(new SplittableRandom(5), 40, 30).dense())
        .isEqualTo(e.sample(new SplittableRandom(5), 40, 30));
  }

  @Test
  void warpsWithTheGridEqualWarpsWithItsDenseField() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      int h = 5 + rng.nextInt(40);
      int w = 5 + rng.nextInt(40);
      FloatImage img = ResamplingEqualityTest.randomImage(rng, 1, h, w);
      ElasticGrid grid = new ElasticDeformation(3, 1 + 10 * rng.nextDouble()).sampleGrid(rng, h, w);
      SpatialTransform base = SpatialTransform.identity(h, w).rotate90(rng.nextInt(4)).translate(rng.nextInt(-9, 10), 3);
      SpatialTransform withGrid = base.withElasticGrid(grid);
      SpatialTransform withDense = base.withDisplacement(grid.dense());
      Interval2d region = new Interval2d(1, 2, h - 2, w - 3);
      for (Interpolation interpolation : Interpolation.values()) {
        assertThat(withGrid.apply(img, interpolation)).isEqualTo(withDense.apply(img, interpolation));
        assertThat(withGrid.apply(img, interpolation, region)).isEqualTo(withDense.apply(img, interpolation, region));
      }
      assertThat(withGrid.displacement()).contains(grid.dense());
    }
  }
}
