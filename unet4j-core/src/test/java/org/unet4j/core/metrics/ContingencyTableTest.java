package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class ContingencyTableTest {

  // truth     segments
  // 1 1 0     5 5 5
  // 1 2 2     0 7 7
  static final LabelImage TRUTH = new LabelImage(2, 3, new int[] {1, 1, 0, 1, 2, 2});
  static final LabelImage SEGMENTS = new LabelImage(2, 3, new int[] {5, 5, 5, 0, 7, 7});

  @Test
  void countsEveryPairOfLabelsSortedByTruthThenSegment() {
    ContingencyTable table = ContingencyTable.of(TRUTH, SEGMENTS);
    // (0,5)=1, (1,0)=1, (1,5)=2, (2,7)=2
    assertThat(table.entries()).isEqualTo(4);
    assertThat(table.pixels()).isEqualTo(6);
    int[][] expected = {{0, 5, 1}, {1, 0, 1}, {1, 5, 2}, {2, 7, 2}};
    for (int k = 0; k < 4; k++) {
      assertThat(new long[] {table.truthLabel(k), table.segmentLabel(k), table.count(k)})
          .containsExactly(expected[k][0], expected[k][1], expected[k][2]);
    }
    assertThat(table.truthSizes().labels()).containsExactly(0, 1, 2);
    assertThat(table.truthSizes().sizes()).containsExactly(1, 3, 2);
    assertThat(table.segmentSizes().labels()).containsExactly(0, 5, 7);
    assertThat(table.segmentSizes().sizes()).containsExactly(1, 3, 2);
    assertThat(table.segmentSizes().sizeOf(6)).isZero();
  }

  @Test
  void truthForegroundLeavesOutTruthBackgroundOnly() {
    ContingencyTable table = ContingencyTable.ofTruthForeground(TRUTH, SEGMENTS);
    assertThat(table.pixels()).isEqualTo(5);
    assertThat(table.truthSizes().labels()).containsExactly(1, 2);
    // segment 5 keeps only its 2 truth-foreground pixels; segment 0 stays a label
    assertThat(table.segmentSizes().labels()).containsExactly(0, 5, 7);
    assertThat(table.segmentSizes().sizes()).containsExactly(1, 2, 2);
  }

  @Test
  void rejectsDifferentSizesAndNegativeLabels() {
    assertThatThrownBy(() -> ContingencyTable.of(TRUTH, LabelImage.zeros(3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truth is 2×3 but segmentation is 3×2");
    assertThatThrownBy(() -> ContingencyTable.of(TRUTH, new LabelImage(2, 3, new int[] {0, 0, 0, 0, -4, 0})))
        .hasMessageContaining("label -4 at (y=1, x=1) is negative");
  }
}
