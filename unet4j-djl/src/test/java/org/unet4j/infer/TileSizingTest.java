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
    // 60-px input, depth 2, 4 filters, floats. The peak is at level 0's second conv: the input 1·60² = 3600, the
    // first conv's ReLU output 4·58² = 13456, the second conv's output 4·56² = 12544, and oneDNN's blocked copies of
    // the conv's input and output, channels padded to 16: 16·58² + 16·56² = 104000. Sum 133600 floats = 534400 B;
    // + 48 B·60² of buffers + the fixed 128 MiB.
    long fixed = 128L << 20;
    assertThat(TileSizing.estimatedNativeBytes(TINY, 60, 1)).isEqualTo(534_400 + 48 * 3600 + fixed);
    assertThat(TileSizing.estimatedNativeBytes(TINY, 60, 3)).isEqualTo(3 * (534_400 + 48 * 3600) + fixed);
  }

  @Test
  void nativeEstimateOfThePaperNetIsAboveItsMeasuredPeak() {
    // measured (bench/predict/TileMemoryBench.java): one 572² forward of the paper net grew the peak RSS by
    // 309–323 MiB (DJL 0.36, PyTorch 2.7.1, CPU)
    long estimate = TileSizing.estimatedNativeBytes(UNetConfig.paper(), 572, 1);
    assertThat(estimate).isGreaterThan(323L << 20).isLessThan(2 * (323L << 20));
  }

  @Test
  void largestTileIsTheLargestValidSizeWithinBothBudgets() {
    UNetConfig paper = UNetConfig.paper();
    long at572 = TileSizing.estimatedNativeBytes(paper, 572, 1);
    long unlimitedHeap = Long.MAX_VALUE / 8;
    assertThat(TileSizing.largestTile(paper, at572, unlimitedHeap, 1, 1)).isEqualTo(572);
    assertThat(TileSizing.largestTile(paper, at572 - 1, unlimitedHeap, 1, 1)).isEqualTo(556);
    long twoAt572 = TileSizing.estimatedNativeBytes(paper, 572, 2);
    assertThat(twoAt572).isLessThan(2 * at572); // the fixed part is counted once per pass
    assertThat(TileSizing.largestTile(paper, twoAt572, unlimitedHeap, 2, 1)).isEqualTo(572);
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
