package org.unet4j.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.tiling.MirrorIndex;

class GaussianBlurTest {

  @Test
  void kernelIsANormalisedSampledGaussian() {
    float[] k = GaussianBlur.kernel(1.0);
    assertThat(k).hasSize(2 * 4 + 1); // radius ⌈3.5⌉ = 4
    double sum = 0;
    for (float w : k) {
      sum += w;
    }
    assertThat(sum).isCloseTo(1, within(1e-6));
    // neighbouring weights fall off by exp(−(2t+1)/2σ²)
    assertThat((double) k[5] / k[4]).isCloseTo(Math.exp(-0.5), within(1e-6));
    assertThat((double) k[6] / k[5]).isCloseTo(Math.exp(-1.5), within(1e-6));
  }

  @Test
  void blurEqualsABruteForceMirroredConvolution() {
    int h = 13;
    int w = 9;
    double sigma = 1.7;
    SplittableRandom rng = new SplittableRandom(3);
    float[] image = new float[h * w];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) rng.nextDouble();
    }
    float[] k = GaussianBlur.kernel(sigma);
    int r = k.length / 2;
    float[] blurred = GaussianBlur.blur(image, h, w, sigma);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double expected = 0;
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            int sy = MirrorIndex.reflect(y + dy, h);
            int sx = MirrorIndex.reflect(x + dx, w);
            expected += k[dy + r] * k[dx + r] * image[sy * w + sx];
          }
        }
        assertThat((double) blurred[y * w + x]).isCloseTo(expected, within(1e-5));
      }
    }
    assertThat(GaussianBlur.blur(image, h, w, 0)).isEqualTo(image).isNotSameAs(image);
  }

  @Test
  void unitNoiseHasUnitStandardDeviationAndTheRequestedSmoothness() {
    for (double scale : new double[] {0.8, 2.5, 8}) {
      float[] noise = GaussianBlur.unitNoise(new SplittableRandom(5), 256, 256, scale);
      double sd = SyntheticCellsTest.sd(noise);
      assertThat(SyntheticCellsTest.mean(noise)).isCloseTo(0, within(0.1));
      // the coarse grid of wide textures loses a few per cent
      assertThat(sd).isCloseTo(1, within(scale >= 4 ? 0.15 : 0.05));
      // correlation of horizontal neighbours of a Gaussian-smoothed field ≈ exp(−1/(4σ²))
      double products = 0;
      for (int y = 0; y < 256; y++) {
        for (int x = 0; x + 1 < 256; x++) {
          products += noise[y * 256 + x] * noise[y * 256 + x + 1];
        }
      }
      double correlation = products / (256 * 255) / (sd * sd);
      assertThat(correlation).isCloseTo(Math.exp(-1 / (4 * scale * scale)), within(0.05));
    }
  }

  @Test
  void constantStaysConstant() {
    float[] image = new float[20 * 30];
    Arrays.fill(image, 0.25f);
    for (float v : GaussianBlur.blur(image, 20, 30, 3)) {
      assertThat((double) v).isCloseTo(0.25, within(1e-6));
    }
  }
}
