package org.unet4j.core.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;

class AugmentationTest {

  @Test
  void noneIsTheIdentityAndDrawsNothing() {
    FloatImage img = SpatialTransformTest.randomImage(1, 2, 12, 9);
    SplittableRandom rng = new SplittableRandom(77);
    SpatialTransform t = new Augmentation(AugmentationSpec.none()).sample(rng, 12, 9);
    for (Interpolation i : Interpolation.values()) {
      assertThat(t.apply(img, i)).isEqualTo(img);
    }
    assertThat(t.displacement()).isEmpty();
    assertThat(rng.nextLong()).isEqualTo(new SplittableRandom(77).nextLong());
  }

  @Test
  void elasticProbabilityZeroOrSigmaZeroGivesNoField() {
    AugmentationSpec noElastic = AugmentationSpec.defaults().withElastic(0, ElasticDeformation.paper());
    AugmentationSpec flat = AugmentationSpec.defaults().withElastic(1, new ElasticDeformation(3, 0));
    for (long seed = 0; seed < 20; seed++) {
      assertThat(new Augmentation(noElastic).sample(seed, 8, 8).displacement()).isEmpty();
      assertThat(new Augmentation(flat).sample(seed, 8, 8).displacement()).isEmpty();
    }
    assertThat(new Augmentation(AugmentationSpec.defaults()).sample(0, 8, 8).displacement()).isPresent();
  }

  @Test
  void dihedralOnlyAugmentationGivesExactlyTheEightSymmetries() {
    int n = 6;
    FloatImage img = SpatialTransformTest.randomImage(2, 1, n, n);
    List<FloatImage> symmetries = new java.util.ArrayList<>();
    for (int k = 0; k < 4; k++) {
      symmetries.add(SpatialTransform.identity(n, n).rotate90(k).apply(img, Interpolation.NEAREST));
      symmetries.add(SpatialTransform.identity(n, n).rotate90(k).flipX().apply(img, Interpolation.NEAREST));
    }
    assertThat(new HashSet<>(symmetries)).hasSize(8);
    Augmentation dihedral = new Augmentation(AugmentationSpec.defaults().withElastic(0, ElasticDeformation.paper()));
    Set<FloatImage> seen = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      FloatImage out = dihedral.sample(seed, n, n).apply(img, Interpolation.CUBIC);
      assertThat(symmetries).contains(out);
      seen.add(out);
    }
    assertThat(seen).hasSize(8);
  }

  @Test
  void sameSeedSameTransformDifferentSeedDifferentTransform() {
    AugmentationSpec spec = AugmentationSpec.defaults().withMaxRotationDeg(20).withMaxShiftPx(5);
    FloatImage img = SpatialTransformTest.randomImage(3, 1, 30, 30);
    Augmentation a = new Augmentation(spec);
    FloatImage first = a.sample(123, 30, 30).apply(img, Interpolation.LINEAR);
    assertThat(a.sample(123, 30, 30).apply(img, Interpolation.LINEAR)).isEqualTo(first);
    assertThat(a.sample(124, 30, 30).apply(img, Interpolation.LINEAR)).isNotEqualTo(first);
  }

  @Test
  void shiftsAreIntegersWithinTheMaximum() {
    Augmentation shiftOnly = new Augmentation(AugmentationSpec.none().withMaxShiftPx(3));
    Set<Double> shifts = new HashSet<>();
    for (long seed = 0; seed < 300; seed++) {
      SpatialTransform t = shiftOnly.sample(seed, 5, 5);
      double dy = t.sourceY(0, 0);
      assertThat(dy).isBetween(-3.0, 3.0).isEqualTo(Math.rint(dy));
      assertThat(t.sourceX(2, 4) - 4).isBetween(-3.0, 3.0);
      shifts.add(dy);
    }
    assertThat(shifts).hasSize(7);
  }

  @Test
  void specRejectsOutOfRangeValuesNamingTheField() {
    assertThatThrownBy(() -> AugmentationSpec.none().withFlipProbability(1.5))
        .hasMessageContaining("flipProbability");
    assertThatThrownBy(() -> AugmentationSpec.none().withMaxShiftPx(-1)).hasMessageContaining("maxShiftPx");
    assertThatThrownBy(() -> AugmentationSpec.none().withMaxRotationDeg(Double.NaN))
        .hasMessageContaining("maxRotationDeg");
  }
}
