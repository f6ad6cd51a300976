package org.unet4j.loss;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.model.UNetBuilder;

/**
 * Backpropagated gradients of the paper's weighted loss through a whole tiny U-Net (valid convs, up-conv, skip
 * crop) against central finite differences, in double precision so the comparison is tight.
 */
class WeightedCrossEntropyGradientTest {

  // Small: a larger step lets some ReLU or max-pool switch inside the step (1e-4 gave 8e-4 relative error there);
  // double precision keeps the rounding error of the difference near 1e-10.
  private static final double EPSILON = 1e-6;

  @Test
  void autogradMatchesFiniteDifferencesForEveryKindOfParameter() {
    UNetConfig config = new UNetConfig(1, 2, 1, 2, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0);
    // The second-smallest valid input, so the output has more than one pixel per class region.
    int input = config.geometry().nextValidInput(config.geometry().minimumInput() + 1);
    int output = config.geometry().outputSize(input);
    Random random = new Random(5);
    double[] image = new double[input * input];
    for (int i = 0; i < image.length; i++) {
      image[i] = random.nextGaussian();
    }
    long[] labels = new long[output * output];
    double[] weights = new double[output * output];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(2);
      weights[i] = i % 5 == 0 ? 0 : 1 + 10 * random.nextDouble(); // some ignored pixels, border-like weights
    }
    Engine.getInstance().setRandomSeed(11);
    try (NDManager manager = NDManager.newBaseManager()) {
      Block block = UNetBuilder.build(config);
      block.initialize(manager, DataType.FLOAT64, new Shape(1, 1, input, input));
      // Non-zero biases, so that their gradients are exercised too.
      for (Pair<String, Parameter> p : block.getParameters()) {
        NDArray value = p.getValue().getArray();
        if (p.getKey().endsWith("bias")) {
          value.addi(manager.randomNormal(0, 0.1f, value.getShape(), DataType.FLOAT64));
        }
      }
      NDArray x = manager.create(image, new Shape(1, 1, input, input));
      NDArray y = manager.create(labels, new Shape(1, 1, output, output));
      NDArray w = manager.create(weights, new Shape(1, 1, output, output));

      try (NDManager pass = manager.newSubManager();
          GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(loss(block, pass, x, y, w, true));
      }

      List<String> checked = new ArrayList<>();
      for (Pair<String, Parameter> p : block.getParameters()) {
        NDArray value = p.getValue().getArray();
        double[] analytic = value.getGradient().toDoubleArray();
        int n = analytic.length;
        for (int index : new int[] {0, n / 2, n - 1}) {
          double numeric = finiteDifference(block, manager, value, index, x, y, w);
          double scale = Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[index]));
          assertThat(Math.abs(numeric - analytic[index]) / scale)
              .as("%s[%d]: autograd %.9g vs finite difference %.9g", p.getKey(), index, analytic[index], numeric)
              .isLessThan(1e-5);
        }
        checked.add(p.getKey());
      }
      // depth 1: 2 double convs + bottom double conv (2 convs each) + up-conv (kernel + bias) + final 1×1 conv
      assertThat(checked).hasSize(16);
    }
  }

  private static double finiteDifference(
      Block block, NDManager manager, NDArray parameter, int index, NDArray x, NDArray y, NDArray w) {
    double[] values = parameter.toDoubleArray();
    double original = values[index];
    double[] plusMinus = new double[2];
    for (int s = 0; s < 2; s++) {
      values[index] = original + (s == 0 ? EPSILON : -EPSILON);
      parameter.set(values);
      try (NDManager pass = manager.newSubManager()) {
        plusMinus[s] = loss(block, pass, x, y, w, false).getDouble();
      }
    }
    values[index] = original;
    parameter.set(values);
    return (plusMinus[0] - plusMinus[1]) / (2 * EPSILON);
  }

  private static NDArray loss(Block block, NDManager pass, NDArray x, NDArray y, NDArray w, boolean training) {
    NDArray logits = block.forward(new ParameterStore(pass, false), new NDList(x), training).singletonOrThrow();
    return new WeightedSoftmaxCrossEntropy().compute(logits, y, w);
  }
}
