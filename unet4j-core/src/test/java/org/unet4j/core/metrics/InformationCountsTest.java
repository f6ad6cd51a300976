package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class InformationCountsTest {

  private static double h(double... p) {
    double sum = 0;
    for (double q : p) {
      sum -= q * Math.log(q);
    }
    return sum;
  }

  @Test
  void foregroundRestrictedEntropiesByHand() {
    // Truth foreground (see RandCountsTest): truth sizes 3, 2; segments 2, 2 and one singleton; every segment lies
    // inside one truth cell, so H(S,T) = H(S) and I = H(T).
    InformationCounts counts = InformationCounts.foregroundRestricted(
        ContingencyTable.ofTruthForeground(RandCountsTest.TRUTH, RandCountsTest.SEGMENTS));
    double hT = h(0.6, 0.4);
    double hS = h(0.4, 0.4, 0.2);
    assertThat(counts.truthEntropy()).isCloseTo(hT, within(1e-12));
    assertThat(counts.proposedEntropy()).isCloseTo(hS, within(1e-12));
    assertThat(counts.jointEntropy()).isCloseTo(hS, within(1e-12));
    assertThat(counts.mutualInformation()).isCloseTo(hT, within(1e-12));
    assertThat(counts.mergeScore()).isCloseTo(1.0, within(1e-12));
    assertThat(counts.splitScore()).isCloseTo(hT / hS, within(1e-12));
    assertThat(counts.vInfo()).isCloseTo(2 * hT / (hT + hS), within(1e-12));
    assertThat(counts.variationOfInformation()).isCloseTo(hS - hT, within(1e-12));
    assertThat(counts.proposedGivenTruth()).isCloseTo(hS - hT, within(1e-12));
    assertThat(counts.truthGivenProposed()).isCloseTo(0, within(1e-12));
  }

  @Test
  void identicalSegmentationsScoreOneAndHaveNoVariation() {
    LabelImage cells = new LabelImage(2, 3, new int[] {1, 1, 2, 3, 3, 2});
    InformationCounts counts = InformationCounts.classic(ContingencyTable.of(cells, cells));
    assertThat(counts.vInfo()).isCloseTo(1.0, within(1e-12));
    assertThat(counts.variationOfInformation()).isCloseTo(0, within(1e-12));
  }

  @Test
  void singleSegmentRuleFollowsTheChallengeScriptAndEmptyIsNaN() {
    LabelImage one = new LabelImage(1, 3, new int[] {4, 4, 4});
    LabelImage three = new LabelImage(1, 3, new int[] {1, 2, 3});
    // Both single segments: entropies exactly 0, the script's V_info is 0 (not 1).
    InformationCounts same = InformationCounts.classic(ContingencyTable.of(one, one));
    assertThat(same.truthEntropy()).isZero();
    assertThat(same.proposedEntropy()).isZero();
    assertThat(same.vInfo()).isZero();
    assertThat(same.variationOfInformation()).isZero();
    // Truth one cell, proposal split into singletons: merge score 0 (H(T) = 0), V_info 0.
    assertThat(InformationCounts.classic(ContingencyTable.of(one, three)).vInfo()).isZero();
    InformationCounts none = InformationCounts.foregroundRestricted(
        ContingencyTable.ofTruthForeground(LabelImage.zeros(1, 3), three));
    assertThat(none.vInfo()).isNaN();
    assertThat(none.truthEntropy()).isNaN();
  }

  @Test
  void mergingTwoSlicesEqualsTheEntropiesOfTheStack() {
    LabelImage truth = new LabelImage(1, 4, new int[] {1, 1, 2, 2});
    LabelImage proposal = new LabelImage(1, 4, new int[] {1, 1, 1, 3});
    InformationCounts slice = InformationCounts.classic(ContingencyTable.of(truth, proposal));
    // The stack of two copies with disjoint labels: truth {1,1,2,2,5,5,6,6}, proposal {1,1,1,3,7,7,7,9}.
    LabelImage stackTruth = new LabelImage(1, 8, new int[] {1, 1, 2, 2, 5, 5, 6, 6});
    LabelImage stackProposal = new LabelImage(1, 8, new int[] {1, 1, 1, 3, 7, 7, 7, 9});
    InformationCounts stack = InformationCounts.classic(ContingencyTable.of(stackTruth, stackProposal));
    InformationCounts merged = slice.merge(slice);
    assertThat(merged.truthEntropy()).isCloseTo(stack.truthEntropy(), within(1e-12));
    assertThat(merged.proposedEntropy()).isCloseTo(stack.proposedEntropy(), within(1e-12));
    assertThat(merged.mutualInformation()).isCloseTo(stack.mutualInformation(), within(1e-12));
  }
}
