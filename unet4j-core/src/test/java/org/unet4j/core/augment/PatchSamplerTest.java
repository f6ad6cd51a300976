package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.tiling.MirrorIndex;

class PatchSamplerTest {

  /** Image value = y·width + x (unique per pixel), labels = value mod 5, weights = value / 10. */
  static TrainingSample indexed(int h, int w) {
    FloatImage img = FloatImage.zeros(1, h, w);
    LabelImage mask = LabelImage.zeros(h, w);
    FloatImage weights = FloatImage.zeros(1, h, w);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.set(0, y, x, y * w + x);
        mask.set(y, x, (y * w + x) % 5);
        weights.set(0, y, x, (y * w + x) / 10f);
      }
    }
    return new TrainingSample(img, mask, weights);
  }

  /** Checks the patch is a plain mirror-padded crop and returns its input window's top-left corner. */
  static int[] assertPlainCrop(TrainingPatch p, TrainingSample s, int in, int out) {
    int h = s.image().height();
    int w = s.image().width();
    int m = (in - out) / 2;
    // recover the output region's source corner from the unique value at the output region's top-left pixel,
    // then check every pixel against direct mirror-indexed reads (independent of the sampler's random draws)
    int firstValue = (int) p.image().get(0, m, m);
    int oy = Integer.MIN_VALUE; // not found yet (corners may be negative for small images)
    int ox = Integer.MIN_VALUE;
    for (int y = Math.min(0, h - out); y <= Math.max(0, h - out) && oy == Integer.MIN_VALUE; y++) {
      for (int x = Math.min(0, w - out); x <= Math.max(0, w - out); x++) {
        int sy = MirrorIndex.reflect(y, h);
        int sx = MirrorIndex.reflect(x, w);
        if (sy * w + sx == firstValue && matchesCrop(p, s, y - m, x - m, in)) {
          oy = y;
          ox = x;
          break;
        }
      }
    }
    assertThat(oy).as("patch is a mirror-padded crop at an allowed position").isNotEqualTo(Integer.MIN_VALUE);
    for (int y = 0; y < out; y++) {
      for (int x = 0; x < out; x++) {
        int sy = MirrorIndex.reflect(oy + y, h);
        int sx = MirrorIndex.reflect(ox + x, w);
        assertThat(p.mask().get(y, x)).isEqualTo(s.mask().get(sy, sx));
        assertThat(p.weights().get(0, y, x)).isEqualTo(s.weights().get(0, sy, sx));
        assertThat(p.mask().get(y, x)).isEqualTo((int) p.image().get(0, y + m, x + m) % 5); // centre of the image
      }
    }
    return new int[] {oy - m, ox - m};
  }

  static boolean matchesCrop(TrainingPatch p, TrainingSample s, int y0, int x0, int in) {
    for (int y = 0; y < in; y++) {
      for (int x = 0; x < in; x++) {
        float expected =
            s.image().get(0, MirrorIndex.reflect(y0 + y, s.image().height()), MirrorIndex.reflect(x0 + x, s.image().width()));
        if (p.image().get(0, y, x) != expected) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void withoutAugmentationAPatchIsTheMirrorPaddedCropWithTheMaskAtItsCentre() {
    TrainingSample s = indexed(50, 37);
    PatchSampler sampler = new PatchSampler(List.of(s), 44, 20, AugmentationSpec.none(), IntensityJitter.none());
    Set<String> corners = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      int[] corner = assertPlainCrop(sampler.sample(5, i), s, 44, 20);
      corners.add(corner[0] + "," + corner[1]);
    }
    assertThat(corners.size()).isGreaterThan(20); // positions really vary
  }

  @Test
  void imagesSmallerThanTheTileAreMirrorPadded() {
    TrainingSample s = indexed(7, 12);
    PatchSampler sampler = new PatchSampler(List.of(s), 40, 16, AugmentationSpec.none(), IntensityJitter.none());
    for (int i = 0; i < 10; i++) {
      TrainingPatch p = sampler.sample(9, i);
      assertThat(p.image().height()).isEqualTo(40);
      assertThat(p.mask().height()).isEqualTo(16);
      assertPlainCrop(p, s, 40, 16);
    }
  }

  @Test
  void extractWithACropTransformIsTheDirectRegion() {
    TrainingSample s = indexed(30, 30);
    PatchSampler sampler = new PatchSampler(List.of(s), 24, 8, AugmentationSpec.none(), IntensityJitter.none());
    TrainingPatch p =
        sampler.extract(
            s, SpatialTransform.crop(new org.unet4j.core.geometry.Interval2d(-5, 10, 24, 24)), IntensityTransform.identity());
    assertThat(matchesCrop(p, s, -5, 10, 24)).isTrue();
    assertThat(p.mask().get(0, 0)).isEqualTo(s.mask().get(3, 18)); // margin 8: (−5 + 8, 10 + 8)
    assertThat(p.weights().get(0, 7, 7)).isEqualTo(s.weights().get(0, 10, 25));
  }

  @Test
  void sameSeedAndIndexGiveTheSamePatch() {
    PatchSampler sampler =
        new PatchSampler(
            List.of(indexed(40, 40), indexed(25, 60)),
            36,
            20,
            AugmentationSpec.defaults().withMaxRotationDeg(30).withMaxShiftPx(4),
            new IntensityJitter(1.3, 0.1, 0.1, 0.05));
    TrainingPatch a = sampler.sample(42, 7);
    assertThat(sampler.sample(42, 7)).isEqualTo(a);
    assertThat(sampler.sample(42, 8)).isNotEqualTo(a);
    assertThat(sampler.sample(43, 7)).isNotEqualTo(a);
  }

  @Test
  void augmentedImageMaskAndWeightsStayAligned() {
    // image channel 0 = labels, channel 1 = weights: sampled with NEAREST the image centre equals the mask; with
    // LINEAR it equals the (linearly resampled) weights, bit for bit
    TrainingSample base = indexed(45, 41);
    FloatImage both = FloatImage.zeros(2, 45, 41);
    for (int y = 0; y < 45; y++) {
      for (int x = 0; x < 41; x++) {
        both.set(0, y, x, base.mask().get(y, x));
        both.set(1, y, x, base.weights().get(0, y, x));
      }
    }
    TrainingSample s = new TrainingSample(both, base.mask(), base.weights());
    AugmentationSpec spec = AugmentationSpec.defaults().withMaxRotationDeg(45).withMaxShiftPx(6);
    for (Interpolation interpolation : new Interpolation[] {Interpolation.NEAREST, Interpolation.LINEAR}) {
      PatchSampler sampler = new PatchSampler(List.of(s), 40, 24, spec, IntensityJitter.none(), interpolation);
      for (int i = 0; i < 5; i++) {
        TrainingPatch p = sampler.sample(1, i);
        for (int y = 0; y < 24; y++) {
          for (int x = 0; x < 24; x++) {
            if (interpolation == Interpolation.NEAREST) {
              assertThat(p.image().get(0, y + 8, x + 8)).isEqualTo((float) p.mask().get(y, x));
            } else {
              assertThat(p.image().get(1, y + 8, x + 8)).isEqualTo(p.weights().get(0, y, x));
            }
          }
        }
      }
    }
  }

  @Test
  void rejectsTileSizesThatDoNotFit() {
    List<TrainingSample> one = List.of(indexed(10, 10));
    assertThatThrownBy(() -> new PatchSampler(one, 572, 389, AugmentationSpec.none(), IntensityJitter.none()))
        .hasMessageContaining("572 in / 389 out");
    assertThatThrownBy(() -> new PatchSampler(one, 100, 200, AugmentationSpec.none(), IntensityJitter.none()))
        .hasMessageContaining("100 in / 200 out");
    assertThatThrownBy(() -> new PatchSampler(List.of(), 10, 10, AugmentationSpec.none(), IntensityJitter.none()))
        .hasMessageContaining("at least one");
    assertThatThrownBy(
            () -> new TrainingSample(FloatImage.zeros(1, 4, 4), LabelImage.zeros(4, 5), FloatImage.zeros(1, 4, 4)))
        .hasMessageContaining("4×5");
  }

  @Test
  void streamSeedsOfNeighbouringIndicesAreUnrelated() {
    Set<Long> seeds = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      for (long i = 0; i < 50; i++) {
        seeds.add(PatchSampler.streamSeed(seed, i));
      }
    }
    assertThat(seeds).hasSize(2500);
    assertThat(PatchSampler.streamSeed(1, 0)).isNotEqualTo(PatchSampler.streamSeed(0, 1));
  }
}
