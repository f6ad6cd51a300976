package org.unet4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Update rules against the PyTorch formulas, computed by hand in double precision, and against a plain per-op
 * version of the same rules, bit for bit.
 */
class ParameterOptimizerTest {

  private static final float[] START = {1.0f, -2.0f, 0.5f};
  // The loss is Σ g_i·w_i + ½·Σ w_i², so the gradient is g + w: it changes with w, which exercises the state.
  private static final float[] SLOPE = {0.3f, -0.7f, 2.0f};

  @Test
  void sgdWithMomentumMatchesTorchFormula() {
    OptimizerSpec spec = new OptimizerSpec.Sgd(0.1, 0.9, false, 0.01);
    double[] expected = toDouble(START);
    double[] buffer = new double[3];
    for (int step = 1; step <= 3; step++) {
      for (int i = 0; i < 3; i++) {
        double g = SLOPE[i] + expected[i] + 0.01 * expected[i];
        buffer[i] = step == 1 ? g : 0.9 * buffer[i] + g;
        expected[i] -= 0.1 * buffer[i];
      }
    }
    assertThat(run(spec, 3)).containsExactly(toFloat(expected), within(1e-6f));
  }

  @Test
  void nesterovMatchesTorchFormula() {
    OptimizerSpec spec = new OptimizerSpec.Sgd(0.05, 0.99, true, 0);
    double[] expected = toDouble(START);
    double[] buffer = new double[3];
    for (int step = 1; step <= 4; step++) {
      for (int i = 0; i < 3; i++) {
        double g = SLOPE[i] + expected[i];
        buffer[i] = step == 1 ? g : 0.99 * buffer[i] + g;
        expected[i] -= 0.05 * (g + 0.99 * buffer[i]);
      }
    }
    assertThat(run(spec, 4)).containsExactly(toFloat(expected), within(1e-6f));
  }

  @Test
  void adamMatchesTorchFormula() {
    OptimizerSpec spec = new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0, false);
    double[] expected = toDouble(START);
    double[] m = new double[3];
    double[] v = new double[3];
    for (int step = 1; step <= 5; step++) {
      for (int i = 0; i < 3; i++) {
        double g = SLOPE[i] + expected[i];
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        double mHat = m[i] / (1 - Math.pow(0.9, step));
        double vHat = v[i] / (1 - Math.pow(0.999, step));
        expected[i] -= 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }
    assertThat(run(spec, 5)).containsExactly(toFloat(expected), within(1e-6f));
  }

  @Test
  void adamWDecaysWeightsOutsideTheMoments() {
    OptimizerSpec spec = new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0.1, true);
    double[] expected = toDouble(START);
    double[] m = new double[3];
    double[] v = new double[3];
    for (int step = 1; step <= 3; step++) {
      for (int i = 0; i < 3; i++) {
        double g = SLOPE[i] + expected[i];
        expected[i] -= 0.01 * 0.1 * expected[i];
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        double mHat = m[i] / (1 - Math.pow(0.9, step));
        double vHat = v[i] / (1 - Math.pow(0.999, step));
        expected[i] -= 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }
    assertThat(run(spec, 3)).containsExactly(toFloat(expected), within(1e-6f));
  }

  static List<OptimizerSpec> everyRule() {
    return List.of(
        new OptimizerSpec.Sgd(0.1, 0.99, false, 0),
        new OptimizerSpec.Sgd(0.05, 0.9, true, 1e-3),
        new OptimizerSpec.Adam(3e-3, 0.9, 0.999, 1e-8, 0, false),
        new OptimizerSpec.Adam(3e-3, 0.8, 0.99, 1e-6, 1e-2, false),
        new OptimizerSpec.Adam(3e-3, 0.9, 0.999, 1e-8, 1e-2, true));
  }

  /**
   * The optimiser keeps its hyper-parameters as float32 0-d arrays and makes the step's terms once per step; that
   * must give exactly the floats of the straightforward version below, where every op takes a Java {@code double}
   * (a float64 scalar array per call), over several steps with a changing learning rate, on 1000 random weights.
   */
  @ParameterizedTest
  @MethodSource("everyRule")
  void updatesAreBitwiseThoseOfThePlainPerOpRule(OptimizerSpec spec) {
    Engine.getInstance();
    Random random = new Random(11);
    float[] start = new float[1000];
    float[] slope = new float[start.length];
    for (int i = 0; i < start.length; i++) {
      start[i] = (float) random.nextGaussian();
      slope[i] = (float) random.nextGaussian();
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray weight = manager.create(start.clone()).duplicate();
      weight.setRequiresGradient(true);
      Parameter parameter = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      parameter.setArray(weight);
      PairList<String, Parameter> parameters = new PairList<>();
      parameters.add("w", parameter);
      ParameterOptimizer optimizer = new ParameterOptimizer(spec, parameters, manager);
      NDArray plainWeight = manager.create(start.clone());
      NDArray[] plainState = {manager.zeros(plainWeight.getShape()), manager.zeros(plainWeight.getShape())};
      for (int step = 1; step <= 6; step++) {
        double rate = spec.learningRate() / step;
        try (NDManager iteration = manager.newSubManager()) {
          NDArray slopes = iteration.create(slope);
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(slopes.mul(weight).sum().add(weight.square().sum().div(iteration.create(2f))));
          }
          NDArray plainGradient = slopes.add(plainWeight);
          optimizer.step(rate);
          plainStep(spec, plainWeight, plainGradient, plainState, step, rate);
          assertThat(weight.getGradient().toFloatArray()).as("gradient zeroed").containsOnly(0f);
        }
        assertThat(weight.toFloatArray()).as("step %d", step).containsExactly(plainWeight.toFloatArray());
      }
    }
  }

  /** The rules as first written: one DJL op per term, Java numbers as operands. */
  private static void plainStep(
      OptimizerSpec spec, NDArray weight, NDArray gradient, NDArray[] state, long stepCount, double learningRate) {
    if (spec instanceof OptimizerSpec.Sgd sgd) {
      NDArray g = sgd.weightDecay() > 0 ? gradient.add(weight.mul(sgd.weightDecay())) : gradient;
      if (stepCount == 1) {
        state[0].addi(g);
      } else {
        state[0].muli(sgd.momentum()).addi(g);
      }
      NDArray direction = sgd.nesterov() ? g.add(state[0].mul(sgd.momentum())) : state[0];
      weight.subi(direction.mul(learningRate));
    } else if (spec instanceof OptimizerSpec.Adam adam) {
      NDArray g = gradient;
      if (adam.weightDecay() > 0) {
        if (adam.decoupledWeightDecay()) {
          weight.subi(weight.mul(learningRate * adam.weightDecay()));
        } else {
          g = gradient.add(weight.mul(adam.weightDecay()));
        }
      }
      state[0].muli(adam.beta1()).addi(g.mul(1 - adam.beta1()));
      state[1].muli(adam.beta2()).addi(g.square().mul(1 - adam.beta2()));
      double bias1 = 1 - Math.pow(adam.beta1(), stepCount);
      double bias2 = 1 - Math.pow(adam.beta2(), stepCount);
      NDArray denominator = state[1].sqrt().div(Math.sqrt(bias2)).add(adam.epsilon());
      weight.subi(state[0].div(denominator).mul(learningRate / bias1));
    }
  }

  private static float[] run(OptimizerSpec spec, int steps) {
    Engine.getInstance();
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter parameter =
          Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      NDArray weight = manager.create(START.clone()).duplicate();
      weight.setRequiresGradient(true);
      parameter.setArray(weight);
      PairList<String, Parameter> parameters = new PairList<>();
      parameters.add("w", parameter);
      ParameterOptimizer optimizer = new ParameterOptimizer(spec, parameters, manager);
      for (int step = 0; step < steps; step++) {
        try (NDManager iteration = manager.newSubManager()) {
          NDArray slope = iteration.create(SLOPE);
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = slope.mul(weight).sum().add(weight.square().sum().div(iteration.create(2f)));
            collector.backward(loss);
          }
          optimizer.step(spec.learningRate());
        }
      }
      assertThat(optimizer.stepCount()).isEqualTo(steps);
      return weight.toFloatArray();
    }
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
