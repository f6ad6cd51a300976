package org.unet4j.infer;

import java.lang.management.ManagementFactory;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;

/**
 * Picks the tile size from a memory budget: the largest valid square tile whose forward pass fits.
 *
 * <p><b>Native memory</b> of one forward pass is estimated by replaying it: each op allocates its output, and an
 * intermediate is freed when the inference forward frees it ({@link org.unet4j.model.SequentialBlock}: once the next
 * block has consumed it), so the peak holds the input, the skip maps waiting for their decoder level and the few
 * maps around the running op. A convolution also needs, while it runs, oneDNN's copies of its input and output in a
 * blocked layout with channels padded to 16. Add 48 B per input pixel of buffers and a fixed 128 MiB for what the walk
 * does not see. Checked with {@code bench/predict/TileMemoryBench.java} (growth of the peak RSS over one pass, DJL
 * 0.36 / PyTorch 2.7.1 CPU, 1 thread) on 7 nets and tiles: the walk alone was 0.84–1.62 of the measured peak (paper
 * net 572²: 309–323 MiB measured, 332 MiB walked; base-32 padded net at 512²: 276–332 MiB against 205 MiB), the
 * largest excess 127 MiB; with the fixed part the estimate is at or above every measurement (measured / estimated 0.62–0.82 with 2 threads
 * and {@code THP_MEM_ALLOC_ENABLE=1}, as {@code ./unet} runs). Before the inference
 * forward freed its intermediates the same 572² pass grew the peak by 1296 MiB.
 *
 * <p><b>Java heap</b> per batch: the tile inputs, the mirrored source region, the outputs and the merger's copy,
 * {@code 4·(2C + 3K)} bytes per input pixel ({@code ×3} more with test-time augmentation); at most a quarter of the
 * maximum heap is given to it.
 */
public final class TileSizing {

  /** Buffers per input pixel not in the level walk (JNI copies of input and output), measured. */
  private static final long BUFFER_BYTES_PER_PX = 48;

  /** Added to every estimate: the largest excess of a measured peak over the walk (see the class comment). */
  private static final long SCATTER_BYTES = 128L << 20;

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
    ForwardWalk walk = new ForwardWalk(config);
    Activation input = new Activation(config.inChannels(), tilePx);
    walk.live.allocate(input.floats()); // the tile batch, held by the caller's manager throughout
    Activation features = walk.level(0, input);
    Activation logits = walk.convolve(features, config.numClasses(), 0); // 1×1 head
    walk.live.free(features.floats());
    walk.live.allocate(2 * logits.floats()); // softmax, and its copy to the host
    return batch * (4 * walk.live.peak + BUFFER_BYTES_PER_PX * tilePx * tilePx) + SCATTER_BYTES;
  }

  /** An activation map of one tile: channels × side². */
  private record Activation(long channels, long sidePx) {
    long floats() {
      return channels * sidePx * sidePx;
    }
  }

  /** The native floats alive during a forward pass, and their peak. */
  private static final class LiveFloats {
    private long now;
    private long peak;

    void allocate(long floats) {
      now += floats;
      peak = Math.max(peak, now);
    }

    void free(long floats) {
      now -= floats;
    }
  }

  /**
   * Replays the forward pass of the net {@link org.unet4j.model.UNetBuilder} builds, allocating each op's output
   * and freeing each intermediate when {@link org.unet4j.model.SequentialBlock} (and the skip and up-conv blocks)
   * free it in inference: a chain frees a child's input once the child has returned, unless the chain was given it.
   */
  private static final class ForwardWalk {
    final LiveFloats live = new LiveFloats();
    private final UNetConfig config;
    private final int shrinkPx;

    ForwardWalk(UNetConfig config) {
      this.config = config;
      this.shrinkPx = config.padding() == Padding.VALID ? 2 : 0;
    }

    /** Level d of the net on an input that its caller frees. */
    Activation level(int d, Activation input) {
      int c = config.channelsAt(d);
      Activation x = doubleConv(c, input);
      if (d == config.depth()) {
        if (config.dropoutRate() > 0) {
          live.allocate(x.floats());
          live.free(x.floats());
        }
        return x;
      }
      Activation pooled = new Activation(c, x.sidePx() / 2);
      live.allocate(pooled.floats());
      Activation deeper = level(d + 1, pooled);
      live.free(pooled.floats());
      Activation up = up(c, deeper);
      live.free(deeper.floats());
      Activation joined = new Activation(2L * c, up.sidePx()); // the crop of x is a view, no memory of its own
      live.allocate(joined.floats());
      live.free(up.floats());
      live.free(x.floats());
      Activation result = doubleConv(c, joined);
      live.free(joined.floats());
      return result;
    }

    /** 2 × [conv, (batch norm,) ReLU] on an input its caller frees; each op's input is freed after the op. */
    private Activation doubleConv(int c, Activation input) {
      int opsPerConv = config.norm() == Norm.BATCH ? 3 : 2;
      Activation current = input;
      for (int conv = 0; conv < 2; conv++) {
        Activation out = convolve(current, c, shrinkPx);
        if (current != input) {
          live.free(current.floats());
        }
        for (int op = 1; op < opsPerConv; op++) { // batch norm, ReLU: same size
          live.allocate(out.floats());
          live.free(out.floats());
        }
        current = out;
      }
      return current;
    }

    /** The 2× up-sampling to {@code c} channels of a map its caller frees. */
    private Activation up(int c, Activation deeper) {
      Activation out = new Activation(c, 2 * deeper.sidePx());
      if (config.upsampling() == Upsampling.UPCONV) {
        Activation z = convolve(deeper, 4L * c, 0); // 1×1 conv to 4c channels at the input's size
        live.allocate(out.floats()); // depth-to-space copy
        live.free(z.floats());
        live.allocate(out.floats()); // + bias
        live.free(out.floats());
      } else {
        Activation bilinear = new Activation(deeper.channels(), out.sidePx());
        live.allocate(bilinear.floats());
        convolve(bilinear, c, 0); // 1×1 conv
        live.free(bilinear.floats());
      }
      return out;
    }

    /**
     * A convolution's output, allocated; while it runs, a scratch copy of its input and output, because oneDNN
     * reorders both to a blocked layout whose channels are padded to a multiple of 16 (measured, see the class
     * comment).
     */
    Activation convolve(Activation in, long outChannels, int shrink) {
      Activation out = new Activation(outChannels, in.sidePx() - shrink);
      long scratch = blocked(in) + blocked(out);
      live.allocate(out.floats());
      live.allocate(scratch);
      live.free(scratch);
      return out;
    }

    private static long blocked(Activation a) {
      return (a.channels() + 15) / 16 * 16 * a.sidePx() * a.sidePx();
    }
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

}
