import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.infer.DjlTileModel;
import org.unet4j.infer.TileSizing;
import org.unet4j.model.BatchNormFolding;
import org.unet4j.model.UNetBuilder;

/**
 * Checks {@link TileSizing#estimatedNativeBytes}: the growth of the process's peak RSS during one forward pass
 * ({@code DjlTileModel.predict}, as {@code unet predict} runs it, batch norm folded) against the estimate. One
 * JVM per measurement; a pass over the smallest tile first loads the kernels; then the peak is reset
 * ({@code /proc/self/clear_refs}) and the pass over TILE² measured. Prints one JSON line.
 *
 * <pre>usage: TileMemoryBench NET TILE     NET: paper | small (paper, 16 filters) | tiny (depth 2, 4 filters)
 *                                            | padded32 (SAME + batch norm, 32 filters)</pre>
 */
public final class TileMemoryBench {

  static UNetConfig named(String name) {
    return switch (name) {
      case "paper" -> UNetConfig.paper();
      case "small" -> UNetConfig.paper().withBaseFilters(16);
      case "tiny" -> new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);
      case "padded32" -> UNetConfig.padded().withBaseFilters(32);
      default -> throw new IllegalArgumentException("unknown net " + name);
    };
  }

  public static void main(String[] args) throws Exception {
    UNetConfig config = named(args[0]);
    int tile = Integer.parseInt(args[1]);
    Engine.getInstance().setRandomSeed(1);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = UNetBuilder.build(config);
      int smallest = config.geometry().minimumInput();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, config.inChannels(), smallest, smallest));
      DjlTileModel model = new DjlTileModel(BatchNormFolding.fold(block, config, manager), config, manager);
      model.predict(new float[config.inChannels() * smallest * smallest], 1, smallest, smallest);
      float[] input = new float[config.inChannels() * tile * tile];
      for (int i = 0; i < input.length; i++) {
        input[i] = (i % 251) / 251f;
      }
      System.gc();
      long before = kib("VmRSS:");
      Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets VmHWM to the current RSS
      model.predict(input, 1, tile, tile);
      long growth = (kib("VmHWM:") - before) << 10;
      long estimate = TileSizing.estimatedNativeBytes(BatchNormFolding.foldedConfig(config), tile, 1);
      System.out.printf(Locale.ROOT,
          "{\"net\": \"%s\", \"tile\": %d, \"measured_mib\": %.0f, \"estimated_mib\": %.0f, \"ratio\": %.2f}%n",
          args[0], tile, growth / 1048576.0, estimate / 1048576.0, (double) growth / estimate);
    }
  }

  private static long kib(String field) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no " + field + " in /proc/self/status");
  }
}
