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
import org.junit.jupiter.api.Test;

/** Update rules against the PyTorch formulas, computed by hand in double precision. */
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
