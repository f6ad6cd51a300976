package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.unet4j.core.image.LabelImage;

/**
 * Rand and information scores against independent brute-force implementations: pixel pairs are enumerated one by
 * one and entropies are summed from label frequencies, on random small label images.
 */
class SegmentationScoreProperties {

  static LabelImage randomLabels(Random random, int height, int width, int labels) {
    int[] data = new int[height * width];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(labels);
    }
    return new LabelImage(height, width, data);
  }

  @Property(tries = 300)
  void classicRandIndexEqualsPairEnumeration(
      @ForAll @IntRange(min = 1, max = 6) int height, @ForAll @IntRange(min = 2, max = 6) int width,
      @ForAll @IntRange(min = 1, max = 5) int labels, @ForAll long seed) {
    Random random = new Random(seed);
    LabelImage truth = randomLabels(random, height, width, labels);
    LabelImage proposal = randomLabels(random, height, width, labels + 1);
    int n = truth.data().length;
    long agree = 0;
    long pairs = 0;
    for (int p = 0; p < n; p++) {
      for (int q = p + 1; q < n; q++) {
        boolean sameTruth = truth.data()[p] == truth.data()[q];
        boolean sameProposal = proposal.data()[p] == proposal.data()[q];
        agree += sameTruth == sameProposal ? 1 : 0;
        pairs++;
      }
    }
    assertThat(RandCounts.classic(ContingencyTable.of(truth, proposal)).randIndex())
        .isCloseTo((double) agree / pairs, within(1e-12));
  }

  /** Segment ids with the ISBI singleton rule: label 0 becomes a unique id per pixel. */
  private static int[] singletonIds(LabelImage proposal) {
    int[] ids = proposal.data().clone();
    for (int p = 0; p < ids.length; p++) {
      if (ids[p] == 0) {
        ids[p] = -(p + 1);
      }
    }
    return ids;
  }

  @Property(tries = 300)
  void foregroundRestrictedVRandEqualsOrderedPairEnumeration(
      @ForAll @IntRange(min = 1, max = 6) int height, @ForAll @IntRange(min = 1, max = 6) int width,
      @ForAll @IntRange(min = 2, max = 5) int labels, @ForAll long seed) {
    Random random = new Random(seed);
    LabelImage truth = randomLabels(random, height, width, labels);
    LabelImage proposal = randomLabels(random, height, width, labels);
    int[] ids = singletonIds(proposal);
    long both = 0;
    long sameTruth = 0;
    long sameProposal = 0;
    int n = ids.length;
    for (int p = 0; p < n; p++) {
      for (int q = 0; q < n; q++) {
        if (truth.data()[p] == 0 || truth.data()[q] == 0) {
          continue;
        }
        boolean t = truth.data()[p] == truth.data()[q];
        boolean s = ids[p] == ids[q];
        both += t && s ? 1 : 0;
        sameTruth += t ? 1 : 0;
        sameProposal += s ? 1 : 0;
      }
    }
    RandCounts counts = RandCounts.foregroundRestricted(ContingencyTable.ofTruthForeground(truth, proposal));
    assertThat(counts.overlapPairs()).isEqualTo(both);
    assertThat(counts.truthPairs()).isEqualTo(sameTruth);
    assertThat(counts.segmentPairs()).isEqualTo(sameProposal);
    if (sameTruth > 0) {
      assertThat(counts.vRand()).isCloseTo(2.0 * both / (sameTruth + sameProposal), within(1e-12));
    } else {
      assertThat(counts.vRand()).isNaN();
    }
  }

  private static double entropy(Map<Long, Integer> counts, int n) {
    double h = 0;
    for (int c : counts.values()) {
      double p = (double) c / n;
      h -= p * Math.log(p);
    }
    return h;
  }

  @Property(tries = 300)
  void foregroundRestrictedInformationEqualsFrequencySums(
      @ForAll @IntRange(min = 1, max = 7) int height, @ForAll @IntRange(min = 1, max = 7) int width,
      @ForAll @IntRange(min = 2, max = 5) int labels, @ForAll long seed) {
    Random random = new Random(seed);
    LabelImage truth = randomLabels(random, height, width, labels);
    LabelImage proposal = randomLabels(random, height, width, labels);
    int[] ids = singletonIds(proposal);
    Map<Long, Integer> truthCounts = new HashMap<>();
    Map<Long, Integer> proposalCounts = new HashMap<>();
    Map<Long, Integer> jointCounts = new HashMap<>();
    int n = 0;
    for (int p = 0; p < ids.length; p++) {
      if (truth.data()[p] == 0) {
        continue;
      }
      n++;
      truthCounts.merge((long) truth.data()[p], 1, Integer::sum);
      proposalCounts.merge((long) ids[p], 1, Integer::sum);
      jointCounts.merge(((long) truth.data()[p] << 32) ^ (ids[p] & 0xffffffffL), 1, Integer::sum);
    }
    InformationCounts counts =
        InformationCounts.foregroundRestricted(ContingencyTable.ofTruthForeground(truth, proposal));
    if (n == 0) {
      assertThat(counts.vInfo()).isNaN();
      return;
    }
    double hT = entropy(truthCounts, n);
    double hS = entropy(proposalCounts, n);
    double mutual = hT + hS - entropy(jointCounts, n);
    assertThat(counts.truthEntropy()).isCloseTo(hT, within(1e-9));
    assertThat(counts.proposedEntropy()).isCloseTo(hS, within(1e-9));
    assertThat(counts.mutualInformation()).isCloseTo(Math.max(0, mutual), within(1e-9));
    assertThat(counts.variationOfInformation()).isCloseTo(hT + hS - 2 * mutual, within(1e-9));
    double expectedVInfo = truthCounts.size() == 1 || proposalCounts.size() == 1 ? 0 : 2 * mutual / (hT + hS);
    assertThat(counts.vInfo()).isCloseTo(expectedVInfo, within(1e-9));
  }
}
