package org.unet4j.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.ArchitectureSummary;
import org.unet4j.core.model.LayerSummary;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.model.UNetBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unet info}: prints a net's layers, parameter count and tile sizes. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Print the architecture of a U-Net: layers, parameter count and input→output tile sizes.")
final class InfoCommand implements Callable<Integer> {

  @Mixin ModelOptions model;

  @Option(
      names = "--tile-size",
      description = "input tile size in px (default: 572 for VALID nets at depth 4, else the nearest valid size)")
  Integer tileSizePx;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    UNetConfig config = model.toConfig();
    UNetGeometry geometry = config.geometry();
    int input = tileSizePx != null ? tileSizePx : geometry.nextValidInput(defaultTile(config));
    ArchitectureSummary summary = ArchitectureSummary.of(config, input);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "U-Net '%s': %d input channel(s), %d classes, depth %d, base filters %d, %s padding, norm %s, %s,"
            + " dropout %s%n%n",
        model.preset != null ? model.preset : "paper", config.inChannels(), config.numClasses(), config.depth(), config.baseFilters(),
        config.padding(), config.norm(), config.upsampling(), config.dropoutRate());
    out.printf("%-4s %-24s %9s %9s %12s %13s%n", "lvl", "layer", "ch in", "ch out", "size in→out", "parameters");
    for (LayerSummary layer : summary.layers()) {
      out.printf(
          "%-4d %-24s %9d %9d %12s %,13d%n", layer.level(), layer.name(), layer.inChannels(), layer.outChannels(),
          layer.inputPx() + "→" + layer.outputPx(), layer.parameters());
    }
    long engineCount = countParametersWithEngine(config, input);
    out.printf("%n%d conv layers; parameters: %d (%,d)%n", summary.convLayerCount(), engineCount, engineCount);
    if (engineCount != summary.parameterCount()) {
      throw new IllegalStateException(
          "the built network has " + engineCount + " parameters but the architecture implies "
              + summary.parameterCount() + "; please report this bug");
    }
    out.printf("input %d×%d → output %d×%d", input, input, summary.outputPx(), summary.outputPx());
    if (config.padding() == Padding.VALID) {
      out.printf(
          " (margin %d px per side; valid inputs: n ≡ %d (mod %d), n ≥ %d)%n", geometry.marginPx(),
          geometry.minimumInput() % geometry.poolingStridePx(), geometry.poolingStridePx(), geometry.minimumInput());
    } else {
      out.printf(" (valid inputs: multiples of %d)%n", geometry.poolingStridePx());
    }
    return 0;
  }

  private static int defaultTile(UNetConfig config) {
    return config.padding() == Padding.VALID ? config.geometry().inputSizeFor(388) : 256;
  }

  /** Counts the parameters of the real DJL block, so the printed number is the one training will use. */
  private static long countParametersWithEngine(UNetConfig config, int input) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = UNetBuilder.build(config);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, config.inChannels(), input, input));
      long total = 0;
      for (Pair<String, Parameter> parameter : block.getParameters()) {
        if (parameter.getValue().requiresGradient()) { // running BN statistics are buffers, not parameters
          total += parameter.getValue().getArray().size();
        }
      }
      return total;
    }
  }
}
