package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;

/** Real forward passes of tiny nets over every architecture switch, checked against the core geometry. */
class UNetShapeTest {

  static List<UNetConfig> tinyConfigs() {
    List<UNetConfig> configs = new ArrayList<>();
    int k = 0;
    for (int depth = 1; depth <= 3; depth++) {
      for (Padding padding : Padding.values()) {
        for (Norm norm : Norm.values()) {
          for (Upsampling upsampling : Upsampling.values()) {
            // Every switch combination once; channels cycle so that each value meets every switch.
            int inChannels = k % 2 == 0 ? 1 : 3;
            int base = 2 + (k % 3); // 2, 3, 4 (3 also checks non-power-of-two channels)
            double dropout = depth == 2 ? 0.5 : 0.0;
            configs.add(new UNetConfig(inChannels, 3, depth, base, padding, norm, upsampling, dropout));
            k++;
          }
        }
      }
    }
    return configs;
  }

  @ParameterizedTest
  @MethodSource("tinyConfigs")
  void forwardOutputSizeMatchesGeometryAndGetOutputShapes(UNetConfig config) {
    Engine.getInstance().setRandomSeed(7);
    UNetGeometry geometry = config.geometry();
    // A non-minimal valid size, and a non-square input so H and W cannot be swapped unnoticed.
    int h = geometry.nextValidInput(geometry.minimumInput() + 1);
    int w = geometry.minimumInput();
    int expectedH = config.padding() == Padding.SAME ? h : geometry.outputSize(h);
    int expectedW = config.padding() == Padding.SAME ? w : geometry.outputSize(w);
    Shape in = new Shape(2, config.inChannels(), h, w);
    Shape expected = new Shape(2, config.numClasses(), expectedH, expectedW);

    Block block = UNetBuilder.build(config);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, in);
      assertThat(block.getOutputShapes(new Shape[] {in})).containsExactly(expected);
      int parameterManagerArrays = m.getManagedArrays().size();
      try (NDManager sub = m.newSubManager()) {
        NDArray x = sub.randomNormal(in);
        NDArray y = block.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(expected);
        assertThat(y.getDataType()).isEqualTo(DataType.FLOAT32);
        if (config.norm() == Norm.BATCH || config.dropoutRate() > 0) {
          // Training mode (batch statistics, dropout) takes other code paths and must give the same shape.
          NDArray yTrain = block.forward(new ParameterStore(sub, false), new NDList(x), true).singletonOrThrow();
          assertThat(yTrain.getShape()).isEqualTo(expected);
        }
      }
      // Forward passes must not leave intermediates in the parameters' manager (they would leak per iteration).
      assertThat(m.getManagedArrays()).hasSize(parameterManagerArrays);
    }
    if (config.padding() == Padding.VALID) {
      assertThat(h - expectedH).isEqualTo(2 * geometry.marginPx()).isEqualTo(12 * (1 << config.depth()) - 8);
    }
  }
}
