package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.Test;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;

class HeInitializationTest {

  private static double std(float[] a) {
    double sum = 0;
    double sq = 0;
    for (float v : a) {
      sum += v;
      sq += (double) v * v;
    }
    double mean = sum / a.length;
    return Math.sqrt(sq / a.length - mean * mean);
  }

  @Test
  void everyWeightHasStdSqrtTwoOverFanInAndEveryBiasIsZero() {
    Engine.getInstance().setRandomSeed(42);
    // Depth 1, base 128: the 3×3 convs of level 1 (128→256, 256→256) have 295k / 590k weights.
    UNetConfig config = new UNetConfig(1, 2, 1, 128, Padding.SAME, Norm.NONE, Upsampling.UPCONV, 0);
    Block block = UNetBuilder.build(config);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, new Shape(1, 1, 8, 8));
      int checked = 0;
      for (var pair : block.getParameters()) {
        Parameter p = pair.getValue();
        float[] values = p.getArray().toFloatArray();
        if (p.getType() == Parameter.Type.BIAS) {
          assertThat(values).as(pair.getKey()).containsOnly(0f);
        } else if (p.getType() == Parameter.Type.WEIGHT && values.length >= 100_000) {
          Shape s = p.getShape();
          double fanIn = s.get(1) * s.get(2) * s.get(3);
          assertThat(std(values)).as(pair.getKey()).isCloseTo(Math.sqrt(2 / fanIn), withPercentage(5));
          checked++;
        }
      }
      // Level 1: 128→256, 256→256; up-conv 4·128 × 256; level 0 decoder: 256→128, 128→128; encoder 128→128.
      assertThat(checked).isEqualTo(6);
    }
  }

  @Test
  void djlDefaultWeightInitializerIsAlsoHeNormal() {
    Engine.getInstance().setRandomSeed(43);
    Conv2d conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(256).build();
    try (NDManager m = NDManager.newBaseManager()) {
      conv.initialize(m, DataType.FLOAT32, new Shape(1, 128, 8, 8));
      float[] w = conv.getParameters().get("weight").getArray().toFloatArray();
      assertThat(std(w)).isCloseTo(Math.sqrt(2.0 / (128 * 9)), withPercentage(5));
    }
  }
}
