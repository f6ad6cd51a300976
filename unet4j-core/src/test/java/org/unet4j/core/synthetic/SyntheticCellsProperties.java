package org.unet4j.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.ConnectedComponents;

class SyntheticCellsProperties {

  @Property(tries = 100)
  void anySeedAndStyleGivesValidLabelsAndGreyValues(
      @ForAll long seed,
      @ForAll SyntheticStyle style,
      @ForAll @IntRange(min = 52, max = 120) int heightPx,
      @ForAll @IntRange(min = 52, max = 120) int widthPx) {
    SyntheticCellsSpec spec = style.spec(heightPx, widthPx);
    SyntheticImage sample = SyntheticCells.generate(spec, seed);
    assertValid(sample, spec);
  }

  @Property(tries = 100)
  void anyPopulationGivesValidLabels(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 80) int cellCount,
      @ForAll @DoubleRange(min = 2, max = 8) double minRadiusPx,
      @ForAll @DoubleRange(min = 0, max = 8) double extraRadiusPx,
      @ForAll @DoubleRange(min = 1, max = 4) double maxAspectRatio,
      @ForAll @DoubleRange(min = 0, max = 0.45) double irregularity,
      @ForAll @DoubleRange(min = 0, max = 1) double touchingFraction) {
    CellPopulation cells = new CellPopulation(
        cellCount, minRadiusPx, minRadiusPx + extraRadiusPx, maxAspectRatio, irregularity, touchingFraction);
    SyntheticCellsSpec spec = SyntheticCellsSpec.defaults(64, 80).withCells(cells);
    assertValid(SyntheticCells.generate(spec, seed), spec);
  }

  private static void assertValid(SyntheticImage sample, SyntheticCellsSpec spec) {
    LabelImage labels = sample.instances();
    assertThat(labels.height()).isEqualTo(spec.heightPx());
    assertThat(labels.width()).isEqualTo(spec.widthPx());
    assertThat(sample.cellCount()).isBetween(0, spec.cells().cellCount());
    assertThat(LabelFacts.everyLabelIsOneFourConnectedPiece(labels)).isTrue();
    // consecutive 1..n: renumbering changes nothing
    assertThat(ConnectedComponents.relabelConsecutive(labels)).isEqualTo(labels);
    for (float v : sample.image().data()) {
      assertThat(v).isBetween(0f, 1f);
    }
  }
}
