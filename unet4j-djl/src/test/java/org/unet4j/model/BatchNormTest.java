package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Our transpose-free {@link BatchNorm} against DJL's {@code ai.djl.nn.norm.BatchNorm}, bit for bit. */
class BatchNormTest {
  // W (5) differs from C (3), so normalising the wrong axis would change shapes or values
  private static final Shape INPUT = new Shape(2, 3, 4, 5);

  @Test
  void trainingAndInferencePassesAndGradientsAreBitwiseThoseOfDjlsBatchNorm() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block ours = new BatchNorm();
      Block djl = ai.djl.nn.norm.BatchNorm.builder().build();
      for (Block block : List.of(ours, djl)) {
        block.initialize(manager, DataType.FLOAT32, INPUT);
        fillParameters(block, 7); // same seed: the same gamma, beta, running statistics in both
      }
      float[] input = randomValues(INPUT.size(), 1);
      float[] upstream = randomValues(INPUT.size(), 2);

      Pass a = trainingPass(ours, manager, input, upstream);
      Pass b = trainingPass(djl, manager, input, upstream);
      assertThat(a.output).containsExactly(b.output);
      assertThat(a.inputGradient).containsExactly(b.inputGradient);
      for (int i = 0; i < 4; i++) { // gamma and beta gradients, then the running mean and variance after the pass
        assertThat(a.parameters.get(i)).as("parameter %d", i).containsExactly(b.parameters.get(i));
      }
      assertThat(a.parameters.get(2)).as("running mean moved").isNotEqualTo(initialValues(7, 2));

      assertThat(inferencePass(ours, manager, input)).containsExactly(inferencePass(djl, manager, input));
    }
  }

  @Test
  void parametersSavedWithDjlsBatchNormLoadIntoOursUnderTheSameNames() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block written = convThen(ai.djl.nn.norm.BatchNorm.builder().build());
      Block read = convThen(new BatchNorm());
      written.initialize(manager, DataType.FLOAT32, INPUT);
      read.initialize(manager, DataType.FLOAT32, INPUT);
      fillParameters(written, 11);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      written.saveParameters(new DataOutputStream(bytes));
      read.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

      assertThat(read.getParameters().keys()).containsExactlyElementsOf(written.getParameters().keys());
      assertThat(read.getParameters().keys()).contains("02BatchNorm_runningVar");
      float[] input = randomValues(INPUT.size(), 3);
      assertThat(inferencePass(read, manager, input)).containsExactly(inferencePass(written, manager, input));
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      read.saveParameters(new DataOutputStream(again));
      assertThat(again.toByteArray()).as("and saves the same bytes").isEqualTo(bytes.toByteArray());
    }
  }

  private record Pass(float[] output, float[] inputGradient, List<float[]> parameters) {}

  private static Pass trainingPass(Block block, NDManager manager, float[] input, float[] upstream) {
    try (NDManager scope = manager.newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray x = scope.create(input, INPUT);
      x.setRequiresGradient(true);
      NDArray y = block.forward(new ParameterStore(scope, false), new NDList(x), true).singletonOrThrow();
      collector.backward(y.mul(scope.create(upstream, INPUT)).sum());
      var params = block.getParameters().values();
      return new Pass(
          y.toFloatArray(),
          x.getGradient().toFloatArray(),
          List.of(
              params.get(0).getArray().getGradient().toFloatArray(),
              params.get(1).getArray().getGradient().toFloatArray(),
              params.get(2).getArray().toFloatArray(),
              params.get(3).getArray().toFloatArray()));
    }
  }

  private static float[] inferencePass(Block block, NDManager manager, float[] input) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray x = scope.create(input, INPUT);
      return block.forward(new ParameterStore(scope, false), new NDList(x), false).singletonOrThrow().toFloatArray();
    }
  }

  private static Block convThen(Block norm) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(3).build())
        .add(norm);
  }

  /** Every parameter gets seeded values; variances stay positive. */
  private static void fillParameters(Block block, long seed) {
    var params = block.getParameters().values();
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      NDArray array = p.getArray();
      float[] values = initialValues(seed, i, (int) array.size());
      if (p.getType() == Parameter.Type.RUNNING_VAR) {
        for (int k = 0; k < values.length; k++) {
          values[k] = 0.5f + Math.abs(values[k]);
        }
      }
      array.set(FloatBuffer.wrap(values));
    }
  }

  private static float[] initialValues(long seed, int index) {
    return initialValues(seed, index, (int) INPUT.get(1));
  }

  private static float[] initialValues(long seed, int index, int n) {
    return randomValues(n, seed * 31 + index);
  }

  private static float[] randomValues(long n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[(int) n];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() * 4 - 2);
    }
    return values;
  }
}
