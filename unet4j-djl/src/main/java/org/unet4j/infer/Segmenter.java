package org.unet4j.infer;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.image.RegionReader;
import org.unet4j.core.image.RegionWriter;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.tiling.TestTimeAugmentation;
import org.unet4j.core.tiling.TileModel;
import org.unet4j.core.tiling.TilePlan;
import org.unet4j.core.tiling.TilePlanner;
import org.unet4j.core.tiling.TileProgress;
import org.unet4j.core.tiling.TiledRunner;
import org.unet4j.model.BatchNormFolding;

/**
 * Segments images of any size with a trained U-Net by overlap-tile inference (the paper's Fig. 2): the image is cut
 * into valid tiles with mirrored context at its borders, the net predicts batches of tiles, and the outputs are
 * merged into per-class softmax probabilities for every pixel.
 *
 * <p>For VALID nets the tiles are aligned to the pooling grid ({@link TilePlanner#aligned}), so the result equals
 * one pass of the net over the whole image mirror-padded by {@code marginPx} (92 px at depth 4) up to float
 * rounding; an image that fits one tile <em>is</em> that single pass. SAME nets blend overlapping tiles. The tile
 * size is given or chosen from a memory budget ({@link InferenceOptions}).
 *
 * <p>{@link #predict(RegionReader, int, int, RegionWriter, TileProgress)} streams: it reads the image region by
 * region and writes finished regions as it goes, so images larger than memory can be segmented.
 */
public final class Segmenter {

  private final UNetConfig config;
  private final InferenceOptions options;
  private final TilePlanner planner;
  private final TiledRunner runner;
  private final int tileSizePx;

  /**
   * Wraps an initialised block with the {@link InferenceOptions#defaults() default options}.
   *
   * @param block the network (parameters loaded)
   * @param config its architecture
   * @param manager a manager that outlives this segmenter; each batch of tiles uses a sub-manager of it
   */
  public Segmenter(Block block, UNetConfig config, NDManager manager) {
    this(block, config, manager, InferenceOptions.defaults());
  }

  /**
   * Wraps an initialised block. With {@link InferenceOptions#foldBatchNorm()} (the default) a net with batch norm
   * runs as a folded copy made now, whose parameters live in {@code manager}.
   *
   * @param block the network (parameters loaded)
   * @param config its architecture
   * @param manager a manager that outlives this segmenter, on the device to run on
   * @param options tiling, batching and test-time augmentation
   * @throws IllegalArgumentException if the tile size is not a valid input of the net
   */
  public Segmenter(Block block, UNetConfig config, NDManager manager, InferenceOptions options) {
    this.config = Objects.requireNonNull(config, "config");
    this.options = Objects.requireNonNull(options, "options");
    UNetConfig running = options.foldBatchNorm() ? BatchNormFolding.foldedConfig(config) : config;
    if (options.tileSizePx() > 0) {
      config.geometry().requireValidInput(options.tileSizePx());
      this.tileSizePx = options.tileSizePx();
    } else {
      long budget = options.memoryBudgetBytes() > 0 ? options.memoryBudgetBytes() : TileSizing.defaultBudgetBytes();
      this.tileSizePx = TileSizing.largestTile(
          running, budget, Runtime.getRuntime().maxMemory(), options.batchSize(), options.ttaVariants());
    }
    Block network = options.foldBatchNorm() ? BatchNormFolding.fold(block, config, manager) : block;
    TileModel model = new DjlTileModel(network, config, manager);
    if (options.ttaVariants() > 1) {
      model = new TestTimeAugmentation(model, options.ttaVariants());
    }
    this.planner = new TilePlanner(config.geometry());
    this.runner = new TiledRunner(model, options.batchSize());
  }

  /** The edge of the square tile input in px (given, or chosen from the memory budget). */
  public int tileSizePx() {
    return tileSizePx;
  }

  /** The tile plan used for an image of {@code height × width} px. */
  public TilePlan plan(int height, int width) {
    if (config.padding() == Padding.VALID) {
      return planner.aligned(height, width, tileSizePx);
    }
    int overlap = options.overlapPx() >= 0 ? options.overlapPx() : planner.defaultOverlapPx(tileSizePx);
    return planner.blended(height, width, tileSizePx, overlap, options.blend());
  }

  /** Class probabilities {@code K×H×W} for an image {@code C×H×W} (C must equal the net's input channels). */
  public FloatImage predictProbabilities(FloatImage image) {
    requireChannels(image.channels());
    FloatImage result = FloatImage.zeros(config.numClasses(), image.height(), image.width());
    try {
      predict(RegionReader.of(image), image.height(), image.width(), RegionWriter.into(result), TileProgress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory images cannot fail to read or write", e);
    }
    return result;
  }

  /**
   * The predicted class per pixel: argmax over classes, or for a single-channel (sigmoid) model, probability ≥ 0.5.
   */
  public LabelImage predictLabels(FloatImage image) {
    return ClassDecision.argmax(predictProbabilities(image));
  }

  /**
   * Streams an image of {@code height × width} px through the net: reads tile inputs from {@code image} (C channels,
   * already normalised), writes the {@code K×H×W} probabilities region by region to {@code probabilities}, every
   * pixel once. Memory: one batch of tiles (plus a band of tiles for SAME nets), whatever the image size.
   *
   * @throws IOException if reading or writing a region fails
   */
  public void predict(RegionReader image, int height, int width, RegionWriter probabilities, TileProgress progress)
      throws IOException {
    runner.run(plan(height, width), image, probabilities, progress);
  }

  /** The architecture this segmenter runs. */
  public UNetConfig config() {
    return config;
  }

  private void requireChannels(int channels) {
    if (channels != config.inChannels()) {
      throw new IllegalArgumentException(
          "image has " + channels + " channel(s) but the model expects " + config.inChannels()
              + "; convert the image (e.g. to grey) or use a model trained on " + channels + " channel(s)");
    }
  }
}
