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

/** Global-norm clipping on gradients whose norm is known by hand: (3, 4) and (12) have ‖g‖₂ = 13. */
class GradientClippingTest {

  @Test
  void scalesEveryGradientByMaxNormOverTheGlobalNorm() {
    float[][] gradients = clipped(6.5, 13);
    float scale = (float) (6.5 / (13 + 1e-6));
    assertThat(gradients[0]).containsExactly(new float[] {3 * scale, 4 * scale}, within(1e-6f));
    assertThat(gradients[1]).containsExactly(new float[] {12 * scale}, within(1e-6f));
  }

  @Test
  void leavesGradientsBelowTheLimitAlone() {
    float[][] gradients = clipped(20, 13);
    assertThat(gradients[0]).containsExactly(3f, 4f);
    assertThat(gradients[1]).containsExactly(12f);
  }

  /** Gradients of Σ g·w for g = (3, 4) and (12) after clipping to {@code maxNorm}; checks the returned norm. */
  private static float[][] clipped(double maxNorm, double expectedNorm) {
    Engine.getInstance();
    try (NDManager manager = NDManager.newBaseManager()) {
      PairList<String, Parameter> parameters = new PairList<>();
      float[][] slopes = {{3f, 4f}, {12f}};
      NDArray[] weights = new NDArray[slopes.length];
      for (int p = 0; p < slopes.length; p++) {
        weights[p] = manager.zeros(new Shape(slopes[p].length));
        weights[p].setRequiresGradient(true);
        Parameter parameter = Parameter.builder().setName("w" + p).setType(Parameter.Type.WEIGHT).build();
        parameter.setArray(weights[p]);
        parameters.add("w" + p, parameter);
      }
      try (NDManager iteration = manager.newSubManager()) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray loss = iteration.create(slopes[0]).mul(weights[0]).sum();
          loss = loss.add(iteration.create(slopes[1]).mul(weights[1]).sum());
          collector.backward(loss);
        }
        double norm = GradientClipping.clipByGlobalNorm(parameters, maxNorm);
        assertThat(norm).isCloseTo(expectedNorm, within(1e-5));
      }
      return new float[][] {weights[0].getGradient().toFloatArray(), weights[1].getGradient().toFloatArray()};
    }
  }
}
