package org.unet4j.core.tiling;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MirrorIndexProperties {

  @Property
  void resultIsInsideTheImage(@ForAll int index, @ForAll @IntRange(min = 1, max = 100_000) int n) {
    assertThat(MirrorIndex.reflect(index, n)).isBetween(0, n - 1);
  }

  @Property
  void isPeriodicWithPeriodTwoNMinusTwo(
      @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int index, @ForAll @IntRange(min = 1, max = 5000) int n) {
    int period = 2 * n - 2;
    assertThat(MirrorIndex.reflect(index + period, n)).isEqualTo(MirrorIndex.reflect(index, n));
    assertThat(MirrorIndex.reflect(index - 7 * period, n)).isEqualTo(MirrorIndex.reflect(index, n));
  }

  @Property
  void isEven(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int index, @ForAll @IntRange(min = 1, max = 5000) int n) {
    assertThat(MirrorIndex.reflect(-index, n)).isEqualTo(MirrorIndex.reflect(index, n));
  }

  @Property
  void isTheIdentityInside(@ForAll @IntRange(min = 1, max = 100_000) int n, @ForAll @IntRange(min = 0, max = 99_999) int i) {
    int index = i % n;
    assertThat(MirrorIndex.reflect(index, n)).isEqualTo(index);
  }

  @Property
  void equalsABouncingWalk(@ForAll @IntRange(min = -300, max = 300) int index, @ForAll @IntRange(min = 2, max = 40) int n) {
    // independent model: walk from 0 towards index one step at a time, reversing direction at the edge pixels
    int position = 0;
    int direction = index >= 0 ? 1 : -1;
    for (int step = 0; step < Math.abs(index); step++) {
      if (position + direction < 0 || position + direction > n - 1) {
        direction = -direction;
      }
      position += direction;
    }
    assertThat(MirrorIndex.reflect(index, n)).isEqualTo(position);
  }

  @Property
  void reflectRangeIsReflectElementwiseEvenForImagesSmallerThanTheRange(
      @ForAll @IntRange(min = -500, max = 500) int start, @ForAll @IntRange(min = 0, max = 700) int length,
      @ForAll @IntRange(min = 1, max = 30) int n) {
    int[] range = MirrorIndex.reflectRange(start, length, n);
    assertThat(range).hasSize(length);
    for (int k = 0; k < length; k++) {
      assertThat(range[k]).isEqualTo(MirrorIndex.reflect(start + k, n));
      // consecutive indices move by one pixel or stay on an edge pixel only when n = 1 (reflection, not clamping)
      if (k > 0) {
        assertThat(Math.abs(range[k] - range[k - 1])).isEqualTo(n == 1 ? 0 : 1);
      }
    }
  }
}
