package org.unet4j.core.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MirrorIndexTest {

  @Test
  void matchesTheNumpyReflectTableForSizeFour() {
    // numpy.pad(np.arange(4), 6, mode='reflect') → [0 1 2 3 2 1 | 0 1 2 3 | 2 1 0 1 2 3]
    int[] expected = {0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3};
    for (int k = 0; k < expected.length; k++) {
      int index = k - 6;
      assertThat(MirrorIndex.reflect(index, 4)).as("index %d", index).isEqualTo(expected[k]);
    }
    assertThat(MirrorIndex.reflect(-1, 4)).isEqualTo(1);
    assertThat(MirrorIndex.reflect(4, 4)).isEqualTo(2);
  }

  @Test
  void matchesTheNumpyReflectTableForSizesTwoAndFive() {
    // numpy.pad(np.arange(2), 3, mode='reflect') → [1 0 1 | 0 1 | 0 1 0]
    int[] two = {1, 0, 1, 0, 1, 0, 1, 0};
    for (int k = 0; k < two.length; k++) {
      assertThat(MirrorIndex.reflect(k - 3, 2)).isEqualTo(two[k]);
    }
    // numpy.pad(np.arange(5), 4, mode='reflect') → [4 3 2 1 | 0 1 2 3 4 | 3 2 1 0]
    int[] five = {4, 3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1, 0};
    for (int k = 0; k < five.length; k++) {
      assertThat(MirrorIndex.reflect(k - 4, 5)).isEqualTo(five[k]);
    }
  }

  @Test
  void sizeOneMapsEverythingToZero() {
    for (int i : new int[] {Integer.MIN_VALUE, -1000, -1, 0, 1, 2, 572, Integer.MAX_VALUE}) {
      assertThat(MirrorIndex.reflect(i, 1)).isZero();
    }
  }

  @Test
  void handlesExtremeIndicesWithoutOverflow() {
    int n = 7; // period 12
    assertThat(MirrorIndex.reflect(Integer.MAX_VALUE, n))
        .isEqualTo(MirrorIndex.reflect((int) (Integer.MAX_VALUE % 12L), n));
    assertThat(MirrorIndex.reflect(Integer.MIN_VALUE, n))
        .isEqualTo(MirrorIndex.reflect((int) Math.floorMod((long) Integer.MIN_VALUE, 12L), n));
    int huge = Integer.MAX_VALUE / 2 + 10; // 2n − 2 exceeds int
    assertThat(MirrorIndex.reflect(-1, huge)).isEqualTo(1);
    assertThat(MirrorIndex.reflect(huge, huge)).isEqualTo(huge - 2);
  }

  @Test
  void reflectRangeIsTheRowOfReflects() {
    assertThat(MirrorIndex.reflectRange(-3, 10, 4)).containsExactly(3, 2, 1, 0, 1, 2, 3, 2, 1, 0);
    assertThat(MirrorIndex.reflectRange(5, 0, 4)).isEmpty();
  }

  @Test
  void rejectsNonPositiveSizeWithTheValue() {
    assertThatThrownBy(() -> MirrorIndex.reflect(3, 0)).hasMessageContaining("got 0");
    assertThatThrownBy(() -> MirrorIndex.reflect(-1, -5)).hasMessageContaining("-5");
  }
}
