package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class RandCountsTest {

  // truth     segments      pixels as (truth, segment):
  // 1 1 0     5 5 5         p0 (1,5) p1 (1,5) p2 (0,5)
  // 1 2 2     0 7 7         p3 (1,0) p4 (2,7) p5 (2,7)
  static final LabelImage TRUTH = ContingencyTableTest.TRUTH;
  static final LabelImage SEGMENTS = ContingencyTableTest.SEGMENTS;

  @Test
  void classicRandIndexCountsAgreeingPairsByHand() {
    // 15 pairs; disagreeing: p0-p2, p1-p2 (same segment, different truth), p0-p3, p1-p3 (same truth, different
    // segment). RI = 11/15.
    RandCounts counts = RandCounts.classic(ContingencyTable.of(TRUTH, SEGMENTS));
    assertThat(counts.pixels()).isEqualTo(6);
    assertThat(counts.overlapPairs()).isEqualTo(1 + 1 + 4 + 4);
    assertThat(counts.truthPairs()).isEqualTo(1 + 9 + 4);
    assertThat(counts.segmentPairs()).isEqualTo(1 + 9 + 4);
    assertThat(counts.randIndex()).isCloseTo(11.0 / 15, within(1e-15));
    assertThat(counts.randError()).isCloseTo(4.0 / 15, within(1e-15));
  }

  @Test
  void foregroundRestrictedDropsTruthBackgroundAndMakesSegmentZeroSingletons() {
    // Truth foreground: p0 p1 (1,5), p3 (1,0) → singleton, p4 p5 (2,7).
    // Σn² = 2² + 1 + 2² = 9, Σa² = 3² + 2² = 13, Σb² = 2² + 2² + 1 = 9.
    RandCounts counts = RandCounts.foregroundRestricted(ContingencyTable.ofTruthForeground(TRUTH, SEGMENTS));
    assertThat(counts).isEqualTo(new RandCounts(5, 9, 13, 9));
    assertThat(counts.vRand()).isCloseTo(18.0 / 22, within(1e-15));
    assertThat(counts.splitScore()).isCloseTo(9.0 / 13, within(1e-15));
    assertThat(counts.mergeScore()).isEqualTo(1.0);
  }

  @Test
  void identicalSegmentationsScoreOne() {
    RandCounts counts = RandCounts.foregroundRestricted(ContingencyTable.ofTruthForeground(TRUTH, TRUTH));
    assertThat(counts.vRand()).isEqualTo(1.0);
    assertThat(RandCounts.classic(ContingencyTable.of(TRUTH, TRUTH)).randIndex()).isEqualTo(1.0);
  }

  @Test
  void mergingPoolsPairCountsLikeOneStackOfSeparateSlices() {
    RandCounts slice = RandCounts.foregroundRestricted(ContingencyTable.ofTruthForeground(TRUTH, SEGMENTS));
    RandCounts stack = slice.merge(slice);
    assertThat(stack).isEqualTo(new RandCounts(10, 18, 26, 18));
    assertThat(stack.vRand()).isEqualTo(slice.vRand());
  }

  @Test
  void emptySetRules() {
    LabelImage background = LabelImage.zeros(2, 3);
    RandCounts none = RandCounts.foregroundRestricted(ContingencyTable.ofTruthForeground(background, SEGMENTS));
    assertThat(none).isEqualTo(RandCounts.EMPTY);
    assertThat(none.vRand()).isNaN();
    assertThat(none.splitScore()).isNaN();
    assertThat(RandCounts.classic(ContingencyTable.of(LabelImage.zeros(1, 1), LabelImage.zeros(1, 1))).randIndex())
        .isNaN();
  }

  @Test
  void foregroundRestrictedRejectsATableWithTruthBackground() {
    assertThatThrownBy(() -> RandCounts.foregroundRestricted(ContingencyTable.of(TRUTH, SEGMENTS)))
        .hasMessageContaining("ofTruthForeground");
  }
}
