package org.unet4j.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyntheticCellsSpecTest {

  @Test
  void presetCellCountKeepsTheDensityAtEverySize() {
    SyntheticCellsSpec small = SyntheticStyle.CELLS.spec(128, 128);
    SyntheticCellsSpec large = SyntheticStyle.CELLS.spec(256, 512);
    // 0.47 of the area over the mean cell area π·(10² + 10·18 + 18²)/3
    double meanArea = Math.PI * (100 + 180 + 324) / 3;
    assertThat(small.cells().cellCount()).isEqualTo((int) Math.round(0.47 * 128 * 128 / meanArea));
    assertThat(large.cells().cellCount()).isEqualTo((int) Math.round(0.47 * 256 * 512 / meanArea));
    assertThat(small.withSize(256, 512).cells().cellCount()).isEqualTo(8 * small.cells().cellCount());
    assertThat(SyntheticCellsSpec.defaults(100, 90)).isEqualTo(SyntheticStyle.CELLS.spec(100, 90));
  }

  @Test
  void styleNamesRoundTripAndUnknownNamesListTheStyles() {
    for (SyntheticStyle style : SyntheticStyle.values()) {
      assertThat(SyntheticStyle.forName(style.cliName())).isEqualTo(style);
    }
    assertThat(SyntheticStyle.forName(" Phase_Contrast ")).isEqualTo(SyntheticStyle.PHASE_CONTRAST);
    assertThat(SyntheticStyle.PHASE_CONTRAST.cliName()).isEqualTo("phase-contrast");
    assertThatThrownBy(() -> SyntheticStyle.forName("brightfield"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown synthetic style 'brightfield'; use cells, nuclei, phase-contrast, dic");
  }

  @Test
  void outOfRangeFieldsAreRejectedWithTheFieldValueAndRange() {
    assertThatThrownBy(() -> new CellPopulation(10, 5, 8, 1.5, 0.7, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("irregularity 0.7 must be in [0, 0.45] (0 = smooth ellipses, 0.35 = very irregular)");
    assertThatThrownBy(() -> new CellPopulation(10, 8, 5, 1.5, 0.1, 0.5))
        .hasMessageStartingWith("maxRadiusPx 5.0 must be in [8, 1000]");
    assertThatThrownBy(() -> new CellPopulation(-1, 5, 8, 1.5, 0.1, 0.5))
        .hasMessageStartingWith("cellCount -1 must be in [0, 100000]");
    assertThatThrownBy(() -> new CellPopulation(10, 5, 8, 1.5, 0.1, Double.NaN))
        .hasMessageStartingWith("touchingFraction NaN must be in [0, 1]");
    assertThatThrownBy(() -> new Acquisition(1, 0.2, -5, 0.01))
        .hasMessage("photonsAtFullScale -5.0 must be in [0, 1000000000] (0 = no shot noise)");
    assertThatThrownBy(() -> new Acquisition(1, 1.5, 100, 0.01))
        .hasMessageStartingWith("illuminationUnevenness 1.5 must be in [0, 0.9]");
    CellAppearance look = SyntheticStyle.CELLS.spec(64, 64).appearance();
    assertThatThrownBy(() -> look.withBoundaryContrast(-2))
        .hasMessageStartingWith("boundaryContrast -2.0 must be in [-1, 1]");
    assertThatThrownBy(() -> look.withBackgroundTextureSd(0.8))
        .hasMessageStartingWith("backgroundTextureSd 0.8 must be in [0, 0.5]");
  }

  @Test
  void imageMustHoldTheLargestCell() {
    assertThatThrownBy(() -> SyntheticStyle.PHASE_CONTRAST.spec(40, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a 40×200 px (H×W) image is too small for cells of radius up to 25.0 px; make it at least 50 px "
            + "in both axes or use smaller cells");
    assertThatThrownBy(() -> SyntheticCellsSpec.defaults(8, 64))
        .hasMessageStartingWith("heightPx 8 must be in [16, 16384]");
  }
}
