package org.unet4j.core.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.Padding;

class TestTimeAugmentationTest {

  private static final UNetGeometry DEPTH_2 = new UNetGeometry(2, Padding.VALID);

  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextFloat();
    }
    return a;
  }

  @Test
  void rotationsAndFlipsMatchHandWorkedPlanes() {
    // 2×3 plane   a b c
    //             d e f
    float[] plane = {1, 2, 3, 4, 5, 6};
    assertThat(DihedralTransform.FLIP_X.apply(plane, 1, 2, 3)).containsExactly(3, 2, 1, 6, 5, 4);
    assertThat(DihedralTransform.FLIP_Y.apply(plane, 1, 2, 3)).containsExactly(4, 5, 6, 1, 2, 3);
    assertThat(DihedralTransform.ROTATE_180.apply(plane, 1, 2, 3)).containsExactly(6, 5, 4, 3, 2, 1);
    assertThat(DihedralTransform.TRANSPOSE.apply(plane, 1, 2, 3)).containsExactly(1, 4, 2, 5, 3, 6);
    // numpy.rot90 (counter-clockwise): [[c f] [b e] [a d]]
    assertThat(DihedralTransform.ROTATE_90.apply(plane, 1, 2, 3)).containsExactly(3, 6, 2, 5, 1, 4);
    assertThat(DihedralTransform.ROTATE_270.apply(plane, 1, 2, 3)).containsExactly(4, 1, 5, 2, 6, 3);
    assertThat(DihedralTransform.ANTI_TRANSPOSE.apply(plane, 1, 2, 3)).containsExactly(6, 3, 5, 2, 4, 1);
  }

  @Test
  void theEightTransformsAreDistinctAndEachInverseRestoresTheInput() {
    float[] planes = random(2 * 5 * 7, 3);
    Set<String> seen = new HashSet<>();
    for (DihedralTransform t : DihedralTransform.values()) {
      float[] moved = t.apply(planes, 2, 5, 7);
      assertThat(seen.add(java.util.Arrays.toString(moved))).as(t.name()).isTrue();
      double[] back = new double[planes.length];
      t.addInverse(moved, 2, 5, 7, back);
      for (int i = 0; i < planes.length; i++) {
        assertThat((float) back[i]).isEqualTo(planes[i]);
      }
    }
  }

  @Test
  void averagingAModelThatCommutesWithFlipsAndRotationsChangesNothing() {
    // the centre crop is equivariant under all of D4, also on non-square tiles
    TileModel model = FakeTileModels.centreCrop(DEPTH_2, 3);
    float[] tiles = random(2 * 3 * 60 * 76, 11);
    float[] plain = model.predict(tiles, 2, 60, 76);
    for (int variants = 1; variants <= 8; variants++) {
      assertThat(new TestTimeAugmentation(model, variants).predict(tiles, 2, 60, 76)).containsExactly(plain);
    }
  }

  @Test
  void averagingAModelThatIsNotInvariantAveragesItsDependenceOnOrientation() {
    // inner output = centre crop + column index in the (transformed) output tile of h×w = 20×36. Mapped back:
    // x (identity, flip y), w−1−x (flip x, 180°), y or h−1−y (the four transposing ones): mean (w−1+h−1)/4.
    TileModel model = FakeTileModels.centreCropPlusColumn(DEPTH_2, 1);
    float[] tiles = random(60 * 76, 5);
    float[] crop = FakeTileModels.centreCrop(DEPTH_2, 1).predict(tiles, 1, 60, 76);
    float[] all = new TestTimeAugmentation(model, 8).predict(tiles, 1, 60, 76);
    float[] flipsX = new TestTimeAugmentation(model, 2).predict(tiles, 1, 60, 76);
    for (int i = 0; i < crop.length; i++) {
      assertThat(all[i]).isCloseTo(crop[i] + (35 + 19) / 4f, org.assertj.core.data.Offset.offset(1e-5f));
      assertThat(flipsX[i]).isCloseTo(crop[i] + 35 / 2f, org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void variantsOutsideOneToEightAreRejected() {
    TileModel model = FakeTileModels.centreCrop(DEPTH_2, 1);
    assertThatThrownBy(() -> new TestTimeAugmentation(model, 9)).hasMessageContaining("1 to 8 variants");
    assertThatThrownBy(() -> new TestTimeAugmentation(model, 0)).hasMessageContaining("not 0");
  }
}
