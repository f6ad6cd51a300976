package org.unet4j.infer;

import java.lang.management.ManagementFactory;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;

/**
 * Picks the tile size from a memory budget: the largest valid square tile whose forward pass fits.
 *
 * <p><b>Native memory</b> of one forward pass is estimated by walking the net level by level and adding up every
 * intermediate array DJL keeps until the batch's manager closes: per conv its output and ReLU (and BatchNorm), the
 * pool, per up-step the up-sampled map (three arrays: up-conv, depth-to-space, bias; or bilinear and 1×1 conv),
 * the cropped skip and the concatenation; plus the input, logits and probabilities, and 48 B per input pixel of
 * buffers. Checked against the peak RSS growth of one forward pass (DJL 0.36 / PyTorch 2.7.1 CPU) for 8 nets and
 * tiles: measured / estimated = 0.92–1.00 for tiles of 500–2000 px (paper net 572²: 1296 MB measured, 1373 MB
 * estimated; depth 2 with 4 filters at 2004²: 1612 MB vs 1623 MB) and 0.74 for the paper net at 316 px, so the
 * estimate errs on the safe side.
 *
 * <p><b>Java heap</b> per batch: the tile inputs, the mirrored source region, the outputs and the merger's copy,
 * {@code 4·(2C + 3K)} bytes per input pixel ({@code ×3} more with test-time augmentation); at most a quarter of the
 * maximum heap is given to it.
 */
public final class TileSizing {

  /** Buffers per input pixel not in the level walk (JNI copies of input and output), measured. */
  private static final long BUFFER_BYTES_PER_PX = 48;

  private TileSizing() {}

  /**
   * The default native memory budget: a quarter of the machine's physical memory (4 GiB if it cannot be read).
   */
  public static long defaultBudgetBytes() {
    try {
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        long total = os.getTotalMemorySize();
        if (total > 0) {
          return total / 4;
        }
      }
    } catch (LinkageError | RuntimeException e) {
      // not a HotSpot JVM: fall through to the fixed default
    }
    return 4L << 30;
  }

  /**
   * The estimated native memory (bytes) of one forward pass over {@code batch} tiles of {@code tilePx²}.
   *
   * @param tilePx a valid input size of the net
   */
  public static long estimatedNativeBytes(UNetConfig config, int tilePx, int batch) {
    config.geometry().requireValidInput(tilePx);
    boolean valid = config.padding() == Padding.VALID;
    int convsPerMap = config.norm() == Norm.BATCH ? 3 : 2; // conv, [BN,] ReLU
    int shrink = valid ? 2 : 0;
    long floats = (long) config.inChannels() * tilePx * tilePx;
    long side = tilePx;
    for (int level = 0; level <= config.depth(); level++) {
      long c = config.channelsAt(level);
      floats += c * convsPerMap * (square(side - shrink) + square(side - 2 * shrink));
      side -= 2 * shrink;
      if (level < config.depth()) {
        side /= 2;
        floats += c * square(side); // max-pool
      }
    }
    for (int level = config.depth() - 1; level >= 0; level--) {
      long c = config.channelsAt(level);
      long up = 2 * side;
      floats += c * square(up) * (3 + 1 + 2); // up-sampling (3 arrays), cropped skip, concatenation (2c)
      floats += c * convsPerMap * (square(up - shrink) + square(up - 2 * shrink));
      side = up - 2 * shrink;
    }
    floats += 3L * config.numClasses() * square(side); // logits, probabilities, host copy
    return batch * (4 * floats + BUFFER_BYTES_PER_PX * tilePx * tilePx);
  }

  /** The estimated Java heap (bytes) the tiling buffers of one batch take. */
  public static long estimatedHeapBytes(UNetConfig config, int tilePx, int batch, int ttaVariants) {
    long perPixel = 4L * (2L * config.inChannels() + 3L * config.numClasses());
    if (ttaVariants > 1) {
      perPixel *= 3; // transformed copies and the double-precision sums
    }
    return batch * perPixel * tilePx * tilePx;
  }

  /**
   * The largest valid square tile (input px) for which {@link #estimatedNativeBytes} fits {@code nativeBudgetBytes}
   * and {@link #estimatedHeapBytes} fits a quarter of {@code maxHeapBytes}; never smaller than the smallest tile the
   * planner accepts (its output must span the pooling stride, twice for SAME nets so that tiles can overlap).
   */
  public static int largestTile(
      UNetConfig config, long nativeBudgetBytes, long maxHeapBytes, int batch, int ttaVariants) {
    UNetGeometry geometry = config.geometry();
    int pool = geometry.poolingStridePx();
    int smallest = geometry.inputSizeFor(config.padding() == Padding.VALID ? pool : 2 * pool);
    int best = smallest;
    // valid sizes are spaced by the pooling stride; 2^15 px is far beyond any budget on current machines
    for (int tile = geometry.nextValidInput(smallest + 1); tile <= 1 << 15; tile = geometry.nextValidInput(tile + 1)) {
      if (estimatedNativeBytes(config, tile, batch) > nativeBudgetBytes
          || estimatedHeapBytes(config, tile, batch, ttaVariants) > maxHeapBytes / 4) {
        break;
      }
      best = tile;
    }
    return best;
  }

  private static long square(long n) {
    return n * n;
  }
}
