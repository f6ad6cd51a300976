package org.unet4j.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IntervalsTest {

  @Test
  void ceilDivRoundsUp() {
    assertThat(Intervals.ceilDiv(1000, 388)).isEqualTo(3);
    assertThat(Intervals.ceilDiv(776, 388)).isEqualTo(2);
    assertThat(Intervals.ceilDiv(0, 5)).isZero();
    assertThat(Intervals.ceilDiv(Integer.MAX_VALUE, 2)).isEqualTo(1 << 30);
    assertThatThrownBy(() -> Intervals.ceilDiv(3, 0)).hasMessageContaining("b = 0");
    assertThatThrownBy(() -> Intervals.ceilDiv(-1, 3)).hasMessageContaining("a = -1");
  }

  @Property
  void ceilDivIsTheSmallestQuotientCoveringA(
      @ForAll @IntRange(min = 0, max = 1_000_000) int a, @ForAll @IntRange(min = 1, max = 5000) int b) {
    int q = Intervals.ceilDiv(a, b);
    assertThat((long) q * b).isGreaterThanOrEqualTo(a);
    assertThat((long) (q - 1) * b).isLessThan(a == 0 ? 1 : a);
  }

  @Test
  void expandGrowsEverySideByTheMargin() {
    Interval2d out = new Interval2d(388, 0, 388, 388);
    assertThat(Intervals.expand(out, 92)).isEqualTo(new Interval2d(296, -92, 572, 572));
    assertThat(Intervals.expand(Intervals.expand(out, 92), -92)).isEqualTo(out);
    assertThatThrownBy(() -> Intervals.expand(new Interval2d(0, 0, 3, 3), -2)).hasMessageContaining("negative");
  }

  @Test
  void intersectKeepsCommonPixelsAndIsEmptyWhenDisjoint() {
    Interval2d a = new Interval2d(-5, 2, 10, 10); // rows −5..4, cols 2..11
    Interval2d b = Interval2d.ofSize(8, 6); // rows 0..7, cols 0..5
    assertThat(Intervals.intersect(a, b)).isEqualTo(new Interval2d(0, 2, 5, 4));
    Interval2d far = new Interval2d(100, 100, 3, 3);
    assertThat(Intervals.intersect(a, far).isEmpty()).isTrue();
    assertThat(Intervals.intersect(a, far).area()).isZero();
  }

  @Property
  void intersectContainsExactlyThePixelsInBoth(
      @ForAll @IntRange(min = -6, max = 6) int y0,
      @ForAll @IntRange(min = -6, max = 6) int x0,
      @ForAll @IntRange(min = 0, max = 8) int h,
      @ForAll @IntRange(min = 0, max = 8) int w) {
    Interval2d a = new Interval2d(y0, x0, h, w);
    Interval2d b = new Interval2d(-1, 2, 5, 4);
    Interval2d c = Intervals.intersect(a, b);
    long count = 0;
    for (int y = -10; y < 20; y++) {
      for (int x = -10; x < 20; x++) {
        boolean inBoth = a.contains(y, x) && b.contains(y, x);
        assertThat(c.contains(y, x)).isEqualTo(inBoth);
        count += inBoth ? 1 : 0;
      }
    }
    assertThat(c.area()).isEqualTo(count);
  }

  @Test
  void intervalAccessorsAndValidation() {
    Interval2d i = new Interval2d(-2, 3, 4, 5);
    assertThat(i.y1()).isEqualTo(2);
    assertThat(i.x1()).isEqualTo(8);
    assertThat(i.area()).isEqualTo(20);
    assertThat(i.translate(2, -3)).isEqualTo(new Interval2d(0, 0, 4, 5));
    assertThat(i.contains(new Interval2d(-1, 4, 2, 2))).isTrue();
    assertThat(i.contains(new Interval2d(-3, 4, 2, 2))).isFalse();
    assertThatThrownBy(() -> new Interval2d(0, 0, -1, 2)).hasMessageContaining("-1×2");
  }
}
