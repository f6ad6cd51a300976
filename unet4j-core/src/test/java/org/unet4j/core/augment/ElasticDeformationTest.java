package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElasticDeformationTest {

  /** Catmull-Rom in its textbook polynomial form (independent of the weight form in the code). */
  static double catmullRom(double p0, double p1, double p2, double p3, double t) {
    return 0.5
        * (2 * p1
            + (-p0 + p2) * t
            + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
            + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t);
  }

  /** Reference field value for a 3×3 grid on a 9×9 field: grid points at pixels 0, 4, 8. */
  static double reference(double[][] grid, int y, int x) {
    double uy = y / 4.0;
    double ux = x / 4.0;
    int iy = Math.min((int) uy, 1);
    int ix = Math.min((int) ux, 1);
    double[] col = new double[3];
    for (int j = 0; j < 3; j++) {
      col[j] =
          catmullRom(grid[clamp(iy - 1)][j], grid[iy][j], grid[iy + 1][j], grid[clamp(iy + 2)][j], uy - iy);
    }
    return catmullRom(col[clamp(ix - 1)], col[ix], col[ix + 1], col[clamp(ix + 2)], ux - ix);
  }

  static int clamp(int i) {
    return Math.max(0, Math.min(2, i));
  }

  @Test
  void fixedSeedGivesTheGoldenField() {
    DisplacementField f = ElasticDeformation.paper().sample(new SplittableRandom(42), 9, 9);

    // independent recomputation: the documented draw order (row-major grid, dy before dx), σ = 10
    SplittableRandom rng = new SplittableRandom(42);
    double[][] gy = new double[3][3];
    double[][] gx = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        gy[i][j] = 10 * rng.nextGaussian();
        gx[i][j] = 10 * rng.nextGaussian();
      }
    }
    for (int y = 0; y < 9; y++) {
      for (int x = 0; x < 9; x++) {
        assertThat((double) f.dyAt(y, x)).as("dy(%d,%d)", y, x).isCloseTo(reference(gy, y, x), within(1e-4));
        assertThat((double) f.dxAt(y, x)).as("dx(%d,%d)", y, x).isCloseTo(reference(gx, y, x), within(1e-4));
      }
    }
    // the field passes exactly through the drawn grid values
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(f.dyAt(4 * i, 4 * j)).isEqualTo((float) gy[i][j]);
        assertThat(f.dxAt(4 * i, 4 * j)).isEqualTo((float) gx[i][j]);
      }
    }
    // hard-coded golden values (JDK 17 SplittableRandom.nextGaussian), guarding the draw order and the scheme
    assertThat(f.dyAt(0, 0)).isCloseTo(-7.171652f, within(1e-5f));
    assertThat(f.dxAt(8, 8)).isCloseTo(24.004845f, within(1e-5f));
    assertThat(f.dyAt(2, 6)).isCloseTo(6.286101f, within(1e-5f));
    assertThat(f.dxAt(2, 6)).isCloseTo(-0.18585931f, within(1e-5f));
    assertThat(f.dyAt(1, 3)).isCloseTo(7.6472406f, within(1e-5f));
    assertThat(f.dxAt(7, 5)).isCloseTo(4.753012f, within(1e-5f));
  }

  @Test
  void displacementAtGridPointsHasStandardDeviationSigma() {
    ElasticDeformation e = ElasticDeformation.paper();
    SplittableRandom rng = new SplittableRandom(2024);
    double sum = 0;
    double sumSq = 0;
    int count = 0;
    for (int s = 0; s < 3000; s++) {
      DisplacementField f = e.sample(rng, 5, 5); // grid points at pixels 0, 2, 4
      for (int y = 0; y < 5; y += 2) {
        for (int x = 0; x < 5; x += 2) {
          for (float v : new float[] {f.dyAt(y, x), f.dxAt(y, x)}) {
            sum += v;
            sumSq += (double) v * v;
            count++;
          }
        }
      }
    }
    double mean = sum / count;
    double std = Math.sqrt(sumSq / count - mean * mean);
    assertThat(mean).isCloseTo(0, within(0.3)); // σ/√54000 ≈ 0.04
    assertThat(std).isCloseTo(10, within(0.3));
  }

  @Test
  void constantGridGivesAConstantFieldAndZeroSigmaTheZeroField() {
    double[] five = new double[16];
    double[] minusTwo = new double[16];
    java.util.Arrays.fill(five, 5);
    java.util.Arrays.fill(minusTwo, -2);
    DisplacementField f = ElasticDeformation.fromGrid(4, five, minusTwo, 31, 17);
    for (int i = 0; i < f.dy().length; i++) {
      assertThat(f.dy()[i]).isCloseTo(5f, within(1e-5f));
      assertThat(f.dx()[i]).isCloseTo(-2f, within(1e-5f));
    }
    DisplacementField zero = new ElasticDeformation(3, 0).sample(new SplittableRandom(1), 6, 7);
    assertThat(zero).isEqualTo(DisplacementField.zero(6, 7));
  }

  @Test
  void fieldIsSmoothBetweenNeighbours() {
    // a 3×3 grid over 572 px: neighbouring pixels differ by a tiny fraction of σ (no tearing)
    DisplacementField f = ElasticDeformation.paper().sample(new SplittableRandom(3), 572, 572);
    float maxStep = 0;
    for (int y = 0; y < 572; y++) {
      for (int x = 1; x < 572; x++) {
        maxStep = Math.max(maxStep, Math.abs(f.dxAt(y, x) - f.dxAt(y, x - 1)));
        maxStep = Math.max(maxStep, Math.abs(f.dyAt(x, y) - f.dyAt(x - 1, y)));
      }
    }
    assertThat(maxStep).isLessThan(0.5f);
  }

  @Test
  void worksForOnePixelFieldsAndRejectsBadParameters() {
    DisplacementField line = ElasticDeformation.paper().sample(new SplittableRandom(5), 1, 9);
    SplittableRandom rng = new SplittableRandom(5);
    assertThat(line.dyAt(0, 0)).isEqualTo((float) (10 * rng.nextGaussian())); // row 0 of the grid
    assertThatThrownBy(() -> new ElasticDeformation(1, 10)).hasMessageContaining("got 1");
    assertThatThrownBy(() -> new ElasticDeformation(3, -1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> ElasticDeformation.fromGrid(3, new double[8], new double[9], 4, 4))
        .hasMessageContaining("9 values per axis");
  }
}
