package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.tiling.MirrorIndex;

class SpatialTransformTest {

  static FloatImage randomImage(long seed, int c, int h, int w) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[c * h * w];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rng.nextGaussian() * 3);
    }
    v[0] = -0.0f; // the identity must keep the sign of zero
    return new FloatImage(c, h, w, v);
  }

  static LabelImage randomLabels(long seed, int h, int w, int... values) {
    SplittableRandom rng = new SplittableRandom(seed);
    int[] v = new int[h * w];
    for (int i = 0; i < v.length; i++) {
      v[i] = values[rng.nextInt(values.length)];
    }
    return new LabelImage(h, w, v);
  }

  /** Direct mirror-padded read: the independent reference for integer source coordinates. */
  static float mirrored(FloatImage img, int c, int y, int x) {
    return img.get(c, MirrorIndex.reflect(y, img.height()), MirrorIndex.reflect(x, img.width()));
  }

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void zeroDisplacementIsTheIdentityBitForBit(Interpolation interpolation) {
    FloatImage img = randomImage(1, 2, 13, 17);
    SpatialTransform t = SpatialTransform.identity(13, 17);
    assertThat(t.apply(img, interpolation)).isEqualTo(img); // equals compares float bits (Arrays.equals)
    assertThat(t.withDisplacement(DisplacementField.zero(13, 17)).apply(img, interpolation)).isEqualTo(img);
    assertThat(Float.floatToRawIntBits(t.apply(img, interpolation).data()[0])).isEqualTo(0x80000000);
  }

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void integerConstantDisplacementIsAnIntegerShiftWithMirroredBorders(Interpolation interpolation) {
    FloatImage img = randomImage(2, 1, 11, 9);
    int dy = 3;
    int dx = -5;
    FloatImage out =
        SpatialTransform.identity(11, 9).withDisplacement(DisplacementField.constant(11, 9, dy, dx)).apply(img, interpolation);
    for (int y = 0; y < 11; y++) {
      for (int x = 0; x < 9; x++) {
        assertThat(out.get(0, y, x)).isEqualTo(mirrored(img, 0, y + dy, x + dx));
      }
    }
  }

  @Test
  void fractionalShiftWithLinearIsTheBilinearFormula() {
    FloatImage img = randomImage(3, 1, 8, 8);
    FloatImage out =
        SpatialTransform.identity(8, 8)
            .withDisplacement(DisplacementField.constant(8, 8, 0.25f, 0.5f))
            .apply(img, Interpolation.LINEAR);
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 7; x++) {
        double expected =
            0.75 * (0.5 * img.get(0, y, x) + 0.5 * img.get(0, y, x + 1))
                + 0.25 * (0.5 * img.get(0, y + 1, x) + 0.5 * img.get(0, y + 1, x + 1));
        assertThat((double) out.get(0, y, x)).isCloseTo(expected, within(1e-5));
      }
    }
  }

  @Test
  void cubicReproducesALinearRampAndMatchesTheKeysKernel() {
    int n = 12;
    FloatImage ramp = FloatImage.zeros(1, n, n);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        ramp.set(0, y, x, 0.5f * y - 0.25f * x + 2);
      }
    }
    SpatialTransform shifted =
        SpatialTransform.identity(n, n).withDisplacement(DisplacementField.constant(n, n, 0.3f, -0.6f));
    FloatImage out = shifted.apply(ramp, Interpolation.CUBIC);
    for (int y = 1; y < n - 2; y++) {
      for (int x = 2; x < n - 2; x++) {
        assertThat((double) out.get(0, y, x)).isCloseTo(0.5 * (y + 0.3) - 0.25 * (x - 0.6) + 2, within(1e-5));
      }
    }
    // 1-D Keys kernel at t = ½: weights (−1/16, 9/16, 9/16, −1/16)
    FloatImage img = randomImage(4, 1, 6, 6);
    FloatImage half =
        SpatialTransform.identity(6, 6).withDisplacement(DisplacementField.constant(6, 6, 0, 0.5f))
            .apply(img, Interpolation.CUBIC);
    double expected =
        (-img.get(0, 3, 1) + 9 * img.get(0, 3, 2) + 9 * img.get(0, 3, 3) - img.get(0, 3, 4)) / 16.0;
    assertThat((double) half.get(0, 3, 2)).isCloseTo(expected, within(1e-5));
  }

  @Test
  void nearestLabelWarpingKeepsOnlyInputLabels() {
    LabelImage labels = randomLabels(5, 40, 30, 0, 3, 7, 1000);
    DisplacementField field = new ElasticDeformation(4, 15).sample(new SplittableRandom(9), 40, 30);
    LabelImage out = SpatialTransform.identity(40, 30).rotate(0.4).withDisplacement(field).apply(labels);
    Set<Integer> seen = new HashSet<>();
    for (int v : out.data()) {
      seen.add(v);
    }
    assertThat(seen).isSubsetOf(0, 3, 7, 1000).hasSizeGreaterThan(1);
    assertThat(out).isNotEqualTo(labels); // the field really moved things
  }

  @Test
  void imageMaskAndWeightsGetTheSameField() {
    LabelImage labels = randomLabels(6, 33, 27, 0, 1, 2, 5);
    FloatImage asImage = FloatImage.zeros(1, 33, 27);
    for (int i = 0; i < labels.data().length; i++) {
      asImage.data()[i] = labels.data()[i];
    }
    SpatialTransform t =
        SpatialTransform.identity(33, 27)
            .flipX()
            .rotate(0.3)
            .translate(4.5, -2)
            .withDisplacement(ElasticDeformation.paper().sample(new SplittableRandom(11), 33, 27));
    LabelImage warpedLabels = t.apply(labels);
    FloatImage warpedImage = t.apply(asImage, Interpolation.NEAREST);
    for (int i = 0; i < warpedLabels.data().length; i++) {
      assertThat(warpedImage.data()[i]).isEqualTo((float) warpedLabels.data()[i]);
    }
    // sub-region application (the label crop of a patch) is the same sub-block of the full result
    Interval2d region = new Interval2d(5, 4, 20, 15);
    LabelImage crop = t.apply(labels, region);
    FloatImage cropImage = t.apply(asImage, Interpolation.LINEAR, region);
    FloatImage fullImage = t.apply(asImage, Interpolation.LINEAR);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 15; x++) {
        assertThat(crop.get(y, x)).isEqualTo(warpedLabels.get(y + 5, x + 4));
        assertThat(cropImage.get(0, y, x)).isEqualTo(fullImage.get(0, y + 5, x + 4));
      }
    }
    // the fused pass for a patch's target gives both at once
    SpatialTransform.LabelAndWeights target = t.applyToTarget(labels, asImage, region);
    assertThat(target.mask()).isEqualTo(crop);
    assertThat(target.weights()).isEqualTo(cropImage);
  }

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void shiftsFarBeyondTheImageStillMirror(Interpolation interpolation) {
    // several image sizes away, past the mirror lookup tables (one size beyond each edge)
    FloatImage img = randomImage(12, 1, 5, 4);
    LabelImage labels = randomLabels(13, 5, 4, 1, 2, 3);
    for (int[] shift : new int[][] {{23, -17}, {-31, 9}, {6, 40}}) {
      SpatialTransform t = SpatialTransform.identity(5, 4).translate(shift[0], shift[1]);
      FloatImage out = t.apply(img, interpolation);
      LabelImage outLabels = t.apply(labels);
      for (int y = 0; y < 5; y++) {
        for (int x = 0; x < 4; x++) {
          assertThat(out.get(0, y, x)).isEqualTo(mirrored(img, 0, y + shift[0], x + shift[1]));
          assertThat(outLabels.get(y, x))
              .isEqualTo(labels.get(MirrorIndex.reflect(y + shift[0], 5), MirrorIndex.reflect(x + shift[1], 4)));
        }
      }
    }
    // mirroring is periodic (2n − 2 = 8 rows, 6 columns): a fractional shift by whole periods reads the same taps
    FloatImage near = SpatialTransform.identity(5, 4).translate(0.3, -0.6).apply(img, interpolation);
    FloatImage far = SpatialTransform.identity(5, 4).translate(0.3 + 4 * 8, -0.6 - 5 * 6).apply(img, interpolation);
    assertThat(far).isEqualTo(near);
  }

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void flipsMatchTheIndexFormula(Interpolation interpolation) {
    FloatImage img = randomImage(7, 2, 6, 9);
    FloatImage fy = SpatialTransform.identity(6, 9).flipY().apply(img, interpolation);
    FloatImage fx = SpatialTransform.identity(6, 9).flipX().apply(img, interpolation);
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < 6; y++) {
        for (int x = 0; x < 9; x++) {
          assertThat(fy.get(c, y, x)).isEqualTo(img.get(c, 5 - y, x));
          assertThat(fx.get(c, y, x)).isEqualTo(img.get(c, y, 8 - x));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void quarterTurnsMatchNumpyRot90(Interpolation interpolation) {
    int n = 7;
    FloatImage img = randomImage(8, 1, n, n);
    FloatImage r1 = SpatialTransform.identity(n, n).rotate90(1).apply(img, interpolation);
    FloatImage r2 = SpatialTransform.identity(n, n).rotate90(2).apply(img, interpolation);
    FloatImage r3 = SpatialTransform.identity(n, n).rotate90(-1).apply(img, interpolation);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        assertThat(r1.get(0, y, x)).isEqualTo(img.get(0, x, n - 1 - y)); // np.rot90(a)[y, x] = a[x, n-1-y]
        assertThat(r2.get(0, y, x)).isEqualTo(img.get(0, n - 1 - y, n - 1 - x));
        assertThat(r3.get(0, y, x)).isEqualTo(img.get(0, n - 1 - x, y));
      }
    }
  }

  @Test
  void fourQuarterTurnsAreTheIdentity() {
    FloatImage img = randomImage(9, 1, 10, 10);
    FloatImage once = img;
    for (int k = 0; k < 4; k++) {
      once = SpatialTransform.identity(10, 10).rotate90(1).apply(once, Interpolation.CUBIC);
    }
    assertThat(once).isEqualTo(img);
    assertThat(SpatialTransform.identity(10, 10).rotate90(1).rotate90(1).rotate90(1).rotate90(1)
        .apply(img, Interpolation.LINEAR)).isEqualTo(img);
  }

  @Test
  void chainedOperationsReadAsSuccessiveImageOperations() {
    FloatImage img = randomImage(10, 1, 8, 8);
    FloatImage rotated = SpatialTransform.identity(8, 8).rotate90(1).apply(img, Interpolation.NEAREST);
    FloatImage thenFlipped = SpatialTransform.identity(8, 8).flipX().apply(rotated, Interpolation.NEAREST);
    FloatImage chained = SpatialTransform.identity(8, 8).rotate90(1).flipX().apply(img, Interpolation.NEAREST);
    assertThat(chained).isEqualTo(thenFlipped);
  }

  @Test
  void arbitraryRotationByAQuarterTurnIsCloseToTheExactOne() {
    FloatImage img = randomImage(11, 1, 9, 9);
    FloatImage exact = SpatialTransform.identity(9, 9).rotate90(1).apply(img, Interpolation.LINEAR);
    FloatImage approx = SpatialTransform.identity(9, 9).rotate(Math.PI / 2).apply(img, Interpolation.LINEAR);
    for (int i = 0; i < exact.data().length; i++) {
      assertThat(approx.data()[i]).isCloseTo(exact.data()[i], within(1e-4f));
    }
  }

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void cropReadsTheMirrorPaddedRegion(Interpolation interpolation) {
    FloatImage img = randomImage(12, 2, 5, 6); // region much larger than the image: far mirror offsets
    Interval2d region = new Interval2d(-9, 3, 25, 14);
    FloatImage out = SpatialTransform.crop(region).apply(img, interpolation);
    assertThat(out.height()).isEqualTo(25);
    assertThat(out.width()).isEqualTo(14);
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < 25; y++) {
        for (int x = 0; x < 14; x++) {
          assertThat(out.get(c, y, x)).isEqualTo(mirrored(img, c, y - 9, x + 3));
        }
      }
    }
  }

  @Test
  void sourceCoordinatesFollowTheNormalForm() {
    SpatialTransform t =
        SpatialTransform.identity(4, 6).rotate90(1).translate(10, 20).withDisplacement(DisplacementField.constant(4, 6, 1, 2));
    // q = (y − 1.5 + 1, x − 2.5 + 2); src = (1.5 + 10 + qx, 2.5 + 20 − qy)
    assertThat(t.sourceY(0, 0)).isEqualTo(1.5 + 10 + (0 - 2.5 + 2));
    assertThat(t.sourceX(0, 0)).isEqualTo(2.5 + 20 - (0 - 1.5 + 1));
    assertThat(t.sourceY(3, 5)).isEqualTo(1.5 + 10 + (5 - 2.5 + 2));
    assertThat(t.sourceX(3, 5)).isEqualTo(2.5 + 20 - (3 - 1.5 + 1));
  }

  @Test
  void rejectsMismatchedFieldsAndRegionsWithSizes() {
    SpatialTransform t = SpatialTransform.identity(5, 5);
    assertThatThrownBy(() -> t.withDisplacement(DisplacementField.zero(5, 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5×6")
        .hasMessageContaining("5×5");
    assertThatThrownBy(() -> t.apply(LabelImage.zeros(5, 5), new Interval2d(2, 2, 4, 1)))
        .hasMessageContaining("inside the 5×5 output");
    assertThatThrownBy(() -> SpatialTransform.identity(0, 3)).hasMessageContaining("0×3");
  }
}
