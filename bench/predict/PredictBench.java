import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.core.tiling.TilePlan;
import org.unet4j.infer.InferenceOptions;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffImageSink;
import org.unet4j.model.UNetBuilder;

/**
 * Benchmark harness (not a test) for overlap-tile inference; see run.sh and big-image.sh.
 *
 * <pre>
 *   speed PRESET SIZE TILE [DIR]  one timed tiled prediction of a SIZE² image (after a one-tile warm-up); with DIR,
 *                               also writes the parameters (DIR/params.f32 + params.txt, in DJL order) and the
 *                               class-1 probabilities (DIR/p1.f32), little-endian float32, for the PyTorch check
 *   forward PRESET TILE N       N timed forward passes of one TILE² tile (DjlTileModel, no tiling): median seconds
 *   make-bundle DIR PRESET      a randomly initialised model bundle
 *   make-image FILE SIZE        a SIZE² 8-bit striped TIFF written row band by row band
 * </pre>
 *
 * Presets: paper (depth 4, 64 filters), small (depth 4, 16 filters), tiny (depth 2, 4 filters); all VALID,
 * up-conv, 1 → 2 channels.
 */
public final class PredictBench {

  static UNetConfig preset(String name) {
    return switch (name) {
      case "paper" -> UNetConfig.paper();
      case "small" -> UNetConfig.paper().withBaseFilters(16);
      case "tiny" -> new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);
      default -> throw new IllegalArgumentException("preset paper | small | tiny, not " + name);
    };
  }

  /** The benchmark image: smooth structure plus a deterministic ripple, values in [0, 1]. */
  static float value(int y, int x) {
    double v = 0.5 + 0.3 * Math.sin(0.031 * y) * Math.cos(0.023 * x) + 0.2 * Math.sin(0.7 * x + 1.3 * y);
    return (float) v;
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "speed" -> speed(preset(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          args.length > 4 ? Path.of(args[4]) : null);
      case "forward" -> forward(preset(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "make-bundle" -> makeBundle(Path.of(args[1]), preset(args[2]));
      case "make-image" -> makeImage(Path.of(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("speed | make-bundle | make-image");
    }
  }

  static Block initialised(UNetConfig config, NDManager manager) {
    Engine.getInstance().setRandomSeed(42);
    Block block = UNetBuilder.build(config);
    int n = config.geometry().minimumInput();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, config.inChannels(), n, n));
    return block;
  }

  static void speed(UNetConfig config, int size, int tile, Path export) throws java.io.IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = initialised(config, manager);
      long parameters = 0;
      for (Pair<String, Parameter> p : block.getParameters()) {
        parameters += p.getValue().getArray().size();
      }
      FloatImage image = FloatImage.zeros(1, size, size);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          image.set(0, y, x, value(y, x));
        }
      }
      Segmenter segmenter = new Segmenter(block, config, manager, InferenceOptions.defaults().withTileSizePx(tile));
      int out = config.geometry().outputSize(tile);
      // warm-up: one tile of the benchmark size (oneDNN builds its kernels for a shape on first use)
      segmenter.predictProbabilities(FloatImage.zeros(1, out, out));
      TilePlan plan = segmenter.plan(size, size);
      long start = System.nanoTime();
      FloatImage probabilities = segmenter.predictProbabilities(image);
      double seconds = (System.nanoTime() - start) / 1e9;
      double checksum = 0;
      for (int i = 0; i < probabilities.planeSize(); i++) {
        checksum += probabilities.data()[probabilities.planeSize() + i];
      }
      if (export != null) {
        exportForCheck(export, block, probabilities);
      }
      System.out.printf(Locale.ROOT,
          "impl=unet4j params=%d tile_in=%d tile_out=%d tiles=%d seconds=%.3f mpx_per_s=%.4f mean_p1=%.6f%n",
          parameters, tile, out, plan.size(), seconds, (double) size * size / 1e6 / seconds,
          checksum / probabilities.planeSize());
    }
  }

  static void forward(UNetConfig config, int tile, int n) {
    try (NDManager manager = NDManager.newBaseManager()) {
      org.unet4j.infer.DjlTileModel model =
          new org.unet4j.infer.DjlTileModel(initialised(config, manager), config, manager);
      float[] input = new float[tile * tile];
      for (int i = 0; i < input.length; i++) {
        input[i] = value(i / tile, i % tile);
      }
      model.predict(input, 1, tile, tile); // warm-up
      double[] seconds = new double[n];
      double[] cpuSeconds = new double[n];
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int i = 0; i < n; i++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        model.predict(input, 1, tile, tile);
        seconds[i] = (System.nanoTime() - start) / 1e9;
        cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9; // all work with 1 intra-op thread
      }
      java.util.Arrays.sort(seconds);
      java.util.Arrays.sort(cpuSeconds);
      System.out.printf(Locale.ROOT, "impl=unet4j forward tile=%d n=%d median_s=%.3f min_s=%.3f cpu_s=%.3f%n", tile,
          n, seconds[n / 2], seconds[0], cpuSeconds[n / 2]);
    }
  }

  static void exportForCheck(Path dir, Block block, FloatImage probabilities) throws java.io.IOException {
    Files.createDirectories(dir);
    StringBuilder shapes = new StringBuilder();
    try (java.io.DataOutputStream params = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
        Files.newOutputStream(dir.resolve("params.f32"))))) {
      for (Pair<String, Parameter> p : block.getParameters()) {
        float[] values = p.getValue().getArray().toFloatArray();
        shapes.append(p.getKey()).append(' ').append(p.getValue().getArray().getShape()).append('\n');
        for (float v : values) {
          params.writeInt(Integer.reverseBytes(Float.floatToIntBits(v)));
        }
      }
    }
    Files.writeString(dir.resolve("params.txt"), shapes);
    java.nio.ByteBuffer p1 = java.nio.ByteBuffer.allocate(4 * probabilities.planeSize())
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < probabilities.planeSize(); i++) {
      p1.putFloat(probabilities.data()[probabilities.planeSize() + i]);
    }
    Files.write(dir.resolve("p1.f32"), p1.array());
  }

  static void makeBundle(Path dir, UNetConfig config) throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelBundle.save(dir, config, initialised(config, manager), Map.of("source", "bench/predict"));
    }
  }

  static void makeImage(Path file, int size) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    int band = 256;
    float[] rows = new float[band * size];
    try (TiffImageSink sink = TiffImageSink.create(file, 1, size, size, SampleType.UINT8, 0)) {
      for (int y0 = 0; y0 < size; y0 += band) {
        int h = Math.min(band, size - y0);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < size; x++) {
            rows[y * size + x] = Math.round(255 * Math.max(0, Math.min(1, value(y0 + y, x))));
          }
        }
        sink.write(y0, 0, h, size, rows);
      }
      sink.finish();
    }
  }
}
