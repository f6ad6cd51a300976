package org.unet4j.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArchitectureSummaryTest {

  @Test
  void paperNetHas23ConvLayersAnd31030658ParametersAndMaps572To388() {
    ArchitectureSummary summary = ArchitectureSummary.of(UNetConfig.paper(), 572);
    assertThat(summary.convLayerCount()).isEqualTo(23);
    assertThat(summary.parameterCount()).isEqualTo(31_030_658L);
    assertThat(summary.outputPx()).isEqualTo(388);
  }

  @Test
  void paddedNetAddsTwoBatchNormParametersPerConvChannel() {
    // 18 3×3 convs with BN; their output channels sum to 2·(64+128+256+512)·2 + 1024·2 = 5888 → 2·5888 extra.
    ArchitectureSummary summary = ArchitectureSummary.of(UNetConfig.padded(), 256);
    assertThat(summary.parameterCount()).isEqualTo(31_030_658L + 2 * 5888);
    assertThat(summary.outputPx()).isEqualTo(256);
  }

  @Test
  void rejectsInvalidInputNamingNeighbours() {
    assertThatThrownBy(() -> ArchitectureSummary.of(UNetConfig.paper(), 500))
        .hasMessageContaining("use 492 or 508");
  }
}
