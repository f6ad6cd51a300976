import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.infer.DjlTileModel;
import org.unet4j.loss.WeightedSoftmaxCrossEntropy;
import org.unet4j.model.BatchNormFolding;
import org.unet4j.model.UNetBuilder;
import org.unet4j.train.OptimizerSpec;
import org.unet4j.train.TrainConfig;
import org.unet4j.train.TrainingBatch;
import org.unet4j.train.TrainingLoop;

/**
 * unet4j side of bench/train: times training steps (forward + weighted CE + backward + SGD momentum 0.99) and
 * inference passes ({@code DjlTileModel.predict} of the batch-norm-folded net, as {@code unet predict} runs
 * them) of one network configuration, and prints one JSON line.
 *
 * <pre>usage: TrainStepBench CASE MODE WARMUP REPS [TRACE.json]     (MODE: train | infer)</pre>
 *
 * With a TRACE path, one more training step runs under PyTorch's own profiler and its Chrome trace is written there
 * ({@code count_ops.py} counts the operators; the peer writes the same trace).
 *
 * Cases (the same table is in train_step.py): paper-188, paper-572 (the paper's net, batch 1), padded32-256-b1,
 * padded32-256-b4 (SAME + BatchNorm, base 32), overhead-64 (SAME + BatchNorm, depth 4, base 4, 64², batch 1).
 */
public final class TrainStepBench {

  record Case(UNetConfig config, int tilePx, int batch) {}

  static Case named(String name) {
    UNetConfig paper = UNetConfig.paper();
    UNetConfig padded32 = UNetConfig.padded().withBaseFilters(32);
    return switch (name) {
      case "paper-188" -> new Case(paper, 188, 1);
      case "paper-572" -> new Case(paper, 572, 1);
      case "padded32-256-b1" -> new Case(padded32, 256, 1);
      case "padded32-256-b4" -> new Case(padded32, 256, 4);
      case "overhead-64" -> new Case(UNetConfig.padded().withBaseFilters(4), 64, 1);
      default -> throw new IllegalArgumentException("unknown case " + name);
    };
  }

  public static void main(String[] args) throws Exception {
    String name = args[0];
    boolean train = args[1].equals("train");
    int warmup = Integer.parseInt(args[2]);
    int reps = Integer.parseInt(args[3]);
    String trace = args.length > 4 ? args[4] : "";
    Case c = named(name);
    UNetConfig config = c.config();
    int in = c.tilePx();
    int out = config.geometry().outputSize(in);
    Engine.getInstance().setRandomSeed(1);
    TrainingBatch batch = randomBatch(c);
    float[] images = batch.images();
    List<Double> times = new ArrayList<>();
    long trainable = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = UNetBuilder.build(config);
      block.initialize(manager, DataType.FLOAT32, new Shape(c.batch(), 1, in, in));
      for (var p : block.getParameters()) {
        Parameter parameter = p.getValue();
        if (parameter.requiresGradient()) {
          trainable += parameter.getArray().getShape().size();
        }
      }
      TrainingLoop loop =
          new TrainingLoop(block, manager, new WeightedSoftmaxCrossEntropy(),
              new TrainConfig(1_000_000, c.batch(), new OptimizerSpec.Sgd(1e-4, 0.99, false, 0), 1));
      // inference goes through the product's own path (as Segmenter runs it): batch norm folded into the
      // convolutions, autograd off, one sub-manager per batch, softmax read back to the host
      DjlTileModel tileModel =
          new DjlTileModel(train ? block : BatchNormFolding.fold(block, config, manager), config, manager);
      for (int i = 0; i < warmup + reps; i++) {
        long start = System.nanoTime();
        if (train) {
          loop.step(batch, i, 1e-4);
        } else {
          tileModel.predict(images, c.batch(), in, in);
        }
        long elapsed = System.nanoTime() - start;
        if (i >= warmup) {
          times.add(elapsed / 1e6);
        }
      }
      if (train && !trace.isEmpty()) {
        JniUtils.startProfile(false, false, false);
        loop.step(batch, warmup + reps, 1e-4);
        JniUtils.stopProfile(trace);
      }
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(Locale.ROOT,
        "{\"impl\": \"unet4j\", \"case\": \"%s\", \"mode\": \"%s\", \"median_ms\": %.3f, \"min_ms\": %.3f,"
            + " \"times_ms\": %s, \"trainable_parameters\": %d, \"output\": [%d, 2, %d, %d],"
            + " \"trace\": \"%s\", \"threads\": %s, \"peak_rss_mb\": %.0f}%n",
        name, train ? "train" : "infer", sorted[sorted.length / 2], sorted[0], Arrays.toString(sorted), trainable,
        c.batch(), out, out, train ? trace : "", System.getProperty("ai.djl.pytorch.num_threads", "default"),
        peakRssMb());
  }

  /** Uniform images, random binary labels, weights in [1, 11): the same sizes as the peer's, seeded. */
  static TrainingBatch randomBatch(Case c) {
    int in = c.tilePx();
    int out = c.config().geometry().outputSize(in);
    Random random = new Random(2);
    float[] images = new float[c.batch() * in * in];
    long[] labels = new long[c.batch() * out * out];
    float[] weights = new float[labels.length];
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat();
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(2);
      weights[i] = 1 + 10 * random.nextFloat();
    }
    return new TrainingBatch(c.batch(), 1, in, in, out, out, images, labels, weights);
  }

  static double peakRssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
