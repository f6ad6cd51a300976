package org.unet4j.infer;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Locale;
import java.util.Objects;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.tiling.TileMemoryException;
import org.unet4j.core.tiling.TileModel;

/**
 * The {@link TileModel} of a DJL U-Net block: one forward pass in inference mode per batch, returning softmax
 * probabilities (sigmoid for a single-class net).
 *
 * <p>Every batch runs in its own sub-manager of the given manager, closed before returning, so no native memory
 * outlives a call (DJL keeps each intermediate activation until its manager closes: that, not the parameters, is
 * what bounds the tile size; see {@link TileSizing}). Autograd is off during the call on whatever thread makes it.
 * Several threads may call it at once (concurrent inference forwards of one block gave bit-equal results in the
 * project's DJL audit).
 */
public final class DjlTileModel implements TileModel {
  private final Block block;
  private final UNetConfig config;
  private final NDManager manager;

  /**
   * Wraps an initialised block.
   *
   * @param block the network with its parameters loaded
   * @param config its architecture
   * @param manager a manager on the device to run on, outliving this model; each batch uses a sub-manager of it
   */
  public DjlTileModel(Block block, UNetConfig config, NDManager manager) {
    this.block = Objects.requireNonNull(block, "block");
    this.config = Objects.requireNonNull(config, "config");
    this.manager = Objects.requireNonNull(manager, "manager");
  }

  @Override
  public int inChannels() {
    return config.inChannels();
  }

  @Override
  public int outChannels() {
    return config.numClasses();
  }

  @Override
  public int marginPx() {
    return config.geometry().marginPx();
  }

  @Override
  public float[] predict(float[] tiles, int count, int heightPx, int widthPx) {
    try (NoGradScope noGrad = NoGradScope.enter();
        NDManager batch = manager.newSubManager()) {
      NDArray input = batch.create(tiles, new Shape(count, config.inChannels(), heightPx, widthPx));
      NDArray logits =
          block.forward(new ParameterStore(batch, false), new NDList(input), false).singletonOrThrow();
      NDArray probabilities =
          config.numClasses() == 1 ? logits.getNDArrayInternal().sigmoid() : logits.softmax(1);
      return probabilities.toFloatArray();
    } catch (EngineException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("out of memory") || message.contains("not enough memory")) {
        throw new TileMemoryException(
            "the engine ran out of memory on " + count + " tile(s) of " + heightPx + "×" + widthPx + " px", e);
      }
      throw e;
    }
  }
}
