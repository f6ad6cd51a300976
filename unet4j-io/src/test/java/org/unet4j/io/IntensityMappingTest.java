package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntensityMappingTest {

  @Test
  void scalingAgreesWithTheDoubleFormulaToAboutOneUlp() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int trial = 0; trial < 50; trial++) {
      double lo = rng.nextDouble(-1000, 60_000);
      double hi = lo + rng.nextDouble(1e-3, 70_000);
      float[] raw = new float[257];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = trial % 2 == 0 ? rng.nextInt(65_536) : (float) rng.nextDouble(lo - 100, hi + 100);
      }
      float[] out = new float[raw.length];
      IntensityMapping.scale(raw, out, 0, raw.length, lo, hi);
      for (int i = 0; i < raw.length; i++) {
        double want = (raw[i] - lo) / (hi - lo);
        // (x − lo) rounds once in float (relative to the larger of x and lo), then the product once
        double tolerance = 3 * Math.ulp((float) Math.max(Math.abs(raw[i]), Math.abs(lo))) / (hi - lo)
            + 2 * Math.ulp((float) want);
        assertThat((double) out[i]).as("x=%s lo=%s hi=%s", raw[i], lo, hi).isCloseTo(want,
            org.assertj.core.api.Assertions.within(tolerance));
      }
    }
  }

  @Test
  void rangesBeyondFloatAreScaledInDouble() {
    float[] raw = {0f, 1e-40f, 2e-40f};
    float[] out = new float[3];
    IntensityMapping.scale(raw, out, 0, 3, 0, 2e-40); // 1/(hi − lo) overflows a float
    assertThat(out).containsExactly(0f, (float) (1e-40f / 2e-40), (float) (2e-40f / 2e-40));
    IntensityMapping.scale(new float[] {5f}, out, 0, 1, 5, 5); // empty range: everything maps to 0
    assertThat(out[0]).isZero();
  }
}
