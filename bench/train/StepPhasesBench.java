import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Locale;
import org.unet4j.loss.WeightedSoftmaxCrossEntropy;
import org.unet4j.model.UNetBuilder;
import org.unet4j.train.OptimizerSpec;
import org.unet4j.train.ParameterOptimizer;
import org.unet4j.train.TrainingBatch;

/**
 * Where a training step's time goes: the phases of {@code TrainingLoop.step} timed one by one (inputs → NDArrays,
 * forward, loss, backward + loss read-back, optimiser step), on the same cases as {@link TrainStepBench}. Prints one
 * JSON line with the median per phase; with a PROFILE path it also writes PyTorch's own profiler trace (Chrome JSON)
 * of one step, from which {@code count_ops.py} counts the aten operators the step dispatched.
 *
 * <pre>usage: StepPhasesBench CASE WARMUP REPS [PROFILE.json]</pre>
 */
public final class StepPhasesBench {

  public static void main(String[] args) throws Exception {
    String name = args[0];
    int warmup = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    String profile = args.length > 3 ? args[3] : null;
    TrainStepBench.Case c = TrainStepBench.named(name);
    int in = c.tilePx();
    int out = c.config().geometry().outputSize(in);
    Engine.getInstance().setRandomSeed(1);
    TrainingBatch batch = TrainStepBench.randomBatch(c);
    float[] images = batch.images();
    long[] labels = batch.labels();
    float[] weights = batch.weights();
    String[] phases = {"inputs", "forward", "loss", "backward", "optimizer", "close"};
    double[][] times = new double[phases.length][reps];
    WeightedSoftmaxCrossEntropy loss = new WeightedSoftmaxCrossEntropy();
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = UNetBuilder.build(c.config());
      block.initialize(manager, DataType.FLOAT32, new Shape(c.batch(), 1, in, in));
      ParameterOptimizer optimizer =
          new ParameterOptimizer(new OptimizerSpec.Sgd(1e-4, 0.99, false, 0), block.getParameters(), manager);
      for (int i = 0; i < warmup + reps + (profile == null ? 0 : 1); i++) {
        boolean profiling = profile != null && i == warmup + reps;
        if (profiling) {
          JniUtils.startProfile(false, false, false);
        }
        long[] t = new long[phases.length + 1];
        t[0] = System.nanoTime();
        NDManager step = manager.newSubManager();
        NDArray x = step.create(images, new Shape(c.batch(), 1, in, in));
        Shape labelShape = new Shape(c.batch(), 1, out, out);
        NDArray y = step.create(labels, labelShape);
        NDArray w = step.create(weights, labelShape);
        t[1] = System.nanoTime();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = block.forward(new ParameterStore(step, false), new NDList(x), true).singletonOrThrow();
          t[2] = System.nanoTime();
          NDArray value = loss.compute(logits, y, w);
          t[3] = System.nanoTime();
          collector.backward(value);
          value.getFloat();
          t[4] = System.nanoTime();
        }
        optimizer.step(1e-4);
        t[5] = System.nanoTime();
        step.close();
        t[6] = System.nanoTime();
        if (profiling) {
          JniUtils.stopProfile(profile);
        } else if (i >= warmup) {
          for (int p = 0; p < phases.length; p++) {
            times[p][i - warmup] = (t[p + 1] - t[p]) / 1e6;
          }
        }
      }
    }
    StringBuilder json = new StringBuilder("{\"impl\": \"unet4j\", \"case\": \"" + name + "\"");
    double total = 0;
    for (int p = 0; p < phases.length; p++) {
      double[] sorted = times[p].clone();
      Arrays.sort(sorted);
      total += sorted[sorted.length / 2];
      json.append(String.format(Locale.ROOT, ", \"%s_ms\": %.3f", phases[p], sorted[sorted.length / 2]));
    }
    json.append(String.format(Locale.ROOT, ", \"sum_of_medians_ms\": %.3f}", total));
    System.out.println(json);
  }
}
