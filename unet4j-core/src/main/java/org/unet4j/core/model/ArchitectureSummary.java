package org.unet4j.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The layer-by-layer description of a {@link UNetConfig} for one square input size, with parameter counts computed
 * from the architecture alone (no engine). The paper's net has 23 conv layers and 31,030,658 parameters.
 *
 * <p>Counts: a k×k conv from a to b channels has {@code k²·a·b + b} parameters; a 2×2 up-conv the same with k = 2;
 * the bilinear variant a 1×1 conv ({@code a·b + b}); batch norm adds a scale and a shift per channel (its running
 * mean and variance are statistics, not parameters).
 *
 * @param config the architecture
 * @param inputPx the input tile size
 * @param layers the layers in execution order
 */
public record ArchitectureSummary(UNetConfig config, int inputPx, List<LayerSummary> layers) {

  /** Makes the list unmodifiable. */
  public ArchitectureSummary {
    layers = Collections.unmodifiableList(new ArrayList<>(layers));
  }

  /**
   * Describes {@code config} for an input of {@code inputPx} px.
   *
   * @throws IllegalArgumentException if {@code inputPx} is not a valid input size (naming the nearest valid ones)
   */
  public static ArchitectureSummary of(UNetConfig config, int inputPx) {
    config.geometry().requireValidInput(inputPx);
    List<LayerSummary> layers = new ArrayList<>();
    int shrink = config.padding() == Padding.VALID ? 2 : 0;
    int size = inputPx;
    int channels = config.inChannels();
    int[] skipChannels = new int[config.depth()];
    for (int level = 0; level < config.depth(); level++) {
      channels = addDoubleConv(layers, config, level, channels, size, shrink);
      size -= 2 * shrink;
      skipChannels[level] = channels;
      layers.add(new LayerSummary("max-pool 2×2", level, channels, channels, size, size / 2, 0));
      size /= 2;
    }
    channels = addDoubleConv(layers, config, config.depth(), channels, size, shrink);
    size -= 2 * shrink;
    if (config.dropoutRate() > 0) {
      layers.add(
          new LayerSummary("dropout " + config.dropoutRate(), config.depth(), channels, channels, size, size, 0));
    }
    for (int level = config.depth() - 1; level >= 0; level--) {
      int upChannels = config.channelsAt(level);
      long upParameters =
          config.upsampling() == Upsampling.UPCONV
              ? 4L * channels * upChannels + upChannels
              : (long) channels * upChannels + upChannels;
      String upName = config.upsampling() == Upsampling.UPCONV ? "up-conv 2×2" : "bilinear 2× + conv 1×1";
      layers.add(new LayerSummary(upName, level, channels, upChannels, size, 2 * size, upParameters));
      size *= 2;
      int concatenated = skipChannels[level] + upChannels;
      layers.add(new LayerSummary("crop + concat", level, upChannels, concatenated, size, size, 0));
      channels = addDoubleConv(layers, config, level, concatenated, size, shrink);
      size -= 2 * shrink;
    }
    layers.add(
        new LayerSummary(
            "conv 1×1", 0, channels, config.numClasses(), size, size,
            (long) channels * config.numClasses() + config.numClasses()));
    return new ArchitectureSummary(config, inputPx, layers);
  }

  private static int addDoubleConv(
      List<LayerSummary> layers, UNetConfig config, int level, int inChannels, int size, int shrink) {
    int out = config.channelsAt(level);
    long norm = config.norm() == Norm.BATCH ? 2L * out : 0;
    layers.add(new LayerSummary("conv 3×3", level, inChannels, out, size, size - shrink, 9L * inChannels * out + out + norm));
    layers.add(new LayerSummary("conv 3×3", level, out, out, size - shrink, size - 2 * shrink, 9L * out * out + out + norm));
    return out;
  }

  /** The sum of all layers' parameters. */
  public long parameterCount() {
    return layers.stream().mapToLong(LayerSummary::parameters).sum();
  }

  /** Layers with learned convolution kernels (3×3, 1×1 and up-convs): 23 for the paper's net. */
  public int convLayerCount() {
    return (int) layers.stream().filter(l -> l.name().contains("conv")).count();
  }

  /** The output size: the last layer's. */
  public int outputPx() {
    return layers.get(layers.size() - 1).outputPx();
  }
}
