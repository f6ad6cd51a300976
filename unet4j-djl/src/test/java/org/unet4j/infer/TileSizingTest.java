package org.unet4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;

class TileSizingTest {

  private static final UNetConfig TINY = new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);

  @Test
  void nativeEstimateOfATinyNetMatchesTheHandCount() {
    // 60-px input, depth 2, 4 filters (floats): input 3600; level 0 convs 4·2·(58² + 56²) = 52000, pool 4·28² = 3136;
    // level 1 convs 8·2·(26² + 24²) = 20032, pool 8·12² = 1152; level 2 convs 16·2·(10² + 8²) = 5248;
    // up to level 1: 6·8·16² = 12288, convs 8·2·(14² + 12²) = 5440; up to level 0: 6·4·24² = 13824, convs
    // 4·2·(22² + 20²) = 7072; logits, softmax, copy 3·2·20² = 2400. Sum 126192 floats = 504768 B, + 48 B·60².
    assertThat(TileSizing.estimatedNativeBytes(TINY, 60, 1)).isEqualTo(504_768 + 48 * 3600);
    assertThat(TileSizing.estimatedNativeBytes(TINY, 60, 3)).isEqualTo(3 * (504_768 + 48 * 3600));
  }

  @Test
  void nativeEstimateOfThePaperNetIsAboveItsMeasuredPeak() {
    // measured: one 572² forward of the paper net grew the peak RSS by 1296 MiB (DJL 0.36, PyTorch 2.7.1, CPU)
    long estimate = TileSizing.estimatedNativeBytes(UNetConfig.paper(), 572, 1);
    assertThat(estimate).isEqualTo(1_439_825_088L).isGreaterThan(1296L << 20);
  }

  @Test
  void largestTileIsTheLargestValidSizeWithinBothBudgets() {
    UNetConfig paper = UNetConfig.paper();
    long at572 = TileSizing.estimatedNativeBytes(paper, 572, 1);
    long unlimitedHeap = Long.MAX_VALUE / 8;
    assertThat(TileSizing.largestTile(paper, at572, unlimitedHeap, 1, 1)).isEqualTo(572);
    assertThat(TileSizing.largestTile(paper, at572 - 1, unlimitedHeap, 1, 1)).isEqualTo(556);
    assertThat(TileSizing.largestTile(paper, 2 * at572, unlimitedHeap, 2, 1)).isEqualTo(572);
    // a tiny budget still gives the smallest tile whose output spans the pooling stride: 204 → 20 px
    assertThat(TileSizing.largestTile(paper, 1, unlimitedHeap, 1, 1)).isEqualTo(204);
    // the heap caps the tile too: 4·(2·1 + 3·2) = 32 B per input px, a quarter of the heap for buffers
    long heap = 4L * 32 * 1000 * 1000;
    int tile = TileSizing.largestTile(TINY, Long.MAX_VALUE / 8, heap, 1, 1);
    assertThat(TileSizing.estimatedHeapBytes(TINY, tile, 1, 1)).isLessThanOrEqualTo(heap / 4);
    assertThat(TileSizing.estimatedHeapBytes(TINY, tile + 4, 1, 1)).isGreaterThan(heap / 4);
    assertThat(TileSizing.largestTile(TINY, Long.MAX_VALUE / 8, heap, 1, 8)).isLessThan(tile);
  }

  @Test
  void defaultBudgetIsAQuarterOfPhysicalMemory() {
    long total = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    assertThat(TileSizing.defaultBudgetBytes()).isEqualTo(total / 4);
  }
}
