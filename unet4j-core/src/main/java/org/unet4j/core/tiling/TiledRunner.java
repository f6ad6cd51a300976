package org.unet4j.core.tiling;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.unet4j.core.image.RegionReader;
import org.unet4j.core.image.RegionWriter;

/**
 * Split → predict → merge: reads each tile's mirrored input, runs the {@link TileModel} on batches of tiles and
 * merges the outputs in plan order. Memory: one batch of inputs and outputs plus the merger's band.
 *
 * <p>If the model reports {@link TileMemoryException}, the batch is split in halves and retried, and later batches
 * stay at the smaller size; a single tile that does not fit fails with a message asking for a smaller tile.
 */
public final class TiledRunner {
  private final TileModel model;
  private final int batchSize;

  /**
   * A runner that predicts up to {@code batchSize} tiles at once.
   *
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public TiledRunner(TileModel model, int batchSize) {
    this.model = Objects.requireNonNull(model, "model");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1 tile");
    }
    this.batchSize = batchSize;
  }

  /**
   * Predicts every tile of {@code plan} from {@code image} and writes the merged probabilities to {@code writer}.
   *
   * @param image the {@code C×H×W} input ({@code C = model.inChannels()}, {@code H×W} the plan's image size)
   * @param writer receives the {@code K×H×W} result region by region, every pixel once
   * @throws IllegalArgumentException if the plan's margin differs from the model's
   */
  public void run(TilePlan plan, RegionReader image, RegionWriter writer, TileProgress progress)
      throws IOException {
    if (plan.marginPx() != model.marginPx()) {
      throw new IllegalArgumentException(
          "the plan is for a net with a " + plan.marginPx() + "-px margin but the model loses " + model.marginPx()
              + " px per side; plan with the model's geometry");
    }
    MirroredTileReader reader = new MirroredTileReader(image, model.inChannels(), plan.imageHeight(),
        plan.imageWidth());
    Merger merger = Merger.forPlan(plan, model.outChannels(), writer);
    int inputSize = model.inChannels() * plan.tileInputHeightPx() * plan.tileInputWidthPx();
    int outputSize = model.outChannels() * plan.tileOutputHeightPx() * plan.tileOutputWidthPx();
    List<Tile> tiles = plan.tiles();
    int batch = Math.min(batchSize, tiles.size());
    float[] inputs = new float[batch * inputSize];
    for (int first = 0; first < tiles.size(); ) {
      int count = Math.min(batch, tiles.size() - first);
      for (int i = 0; i < count; i++) {
        reader.read(tiles.get(first + i).input(), inputs, i * inputSize);
      }
      Prediction prediction = predict(inputs, count, inputSize, plan);
      if (prediction.outputs().length != count * outputSize) {
        throw new IllegalStateException(
            "the tile model returned " + prediction.outputs().length + " values for " + count + " tile(s), expected "
                + count + "×" + model.outChannels() + "×" + plan.tileOutputHeightPx() + "×"
                + plan.tileOutputWidthPx());
      }
      for (int i = 0; i < count; i++) {
        merger.add(tiles.get(first + i), prediction.outputs(), i * outputSize);
      }
      batch = prediction.batchThatFits();
      first += count;
      progress.tilesDone(first, tiles.size());
    }
    merger.finish();
  }

  private record Prediction(float[] outputs, int batchThatFits) {}

  /** Predicts {@code count} tiles, halving the batch while the model runs out of memory. */
  private Prediction predict(float[] inputs, int count, int inputSize, TilePlan plan) {
    try {
      float[] batchInputs = inputs.length == count * inputSize ? inputs : Arrays.copyOf(inputs,
          count * inputSize);
      return new Prediction(model.predict(batchInputs, count, plan.tileInputHeightPx(), plan.tileInputWidthPx()),
          count);
    } catch (TileMemoryException e) {
      if (count == 1) {
        throw new TileMemoryException(
            "one " + plan.tileInputHeightPx() + "×" + plan.tileInputWidthPx() + "-px tile does not fit in memory;"
                + " use a smaller tile size", e);
      }
      int firstHalf = count / 2;
      Prediction a = predict(Arrays.copyOf(inputs, firstHalf * inputSize), firstHalf, inputSize, plan);
      Prediction b = predict(
          Arrays.copyOfRange(inputs, firstHalf * inputSize, count * inputSize), count - firstHalf,
          inputSize, plan);
      float[] joined = Arrays.copyOf(a.outputs(), a.outputs().length + b.outputs().length);
      System.arraycopy(b.outputs(), 0, joined, a.outputs().length, b.outputs().length);
      return new Prediction(joined, Math.min(a.batchThatFits(), b.batchThatFits()));
    }
  }
}
