package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;

class UNetBuilderTest {

  /** Parameter count of the paper's net, computed by hand from the architecture (see {@link #paperParameterCount}). */
  private static final long PAPER_PARAMETERS = 31_030_658L;

  @Test
  void paperPresetHas31030658ParametersAndMaps572To388() {
    Engine.getInstance().setRandomSeed(1);
    UNetConfig config = UNetConfig.paper();
    Block block = UNetBuilder.build(config);
    try (NDManager m = NDManager.newBaseManager()) {
      Shape in = new Shape(1, 1, 572, 572);
      block.initialize(m, DataType.FLOAT32, in);
      assertThat(parameterCount(block)).isEqualTo(PAPER_PARAMETERS).isEqualTo(paperParameterCount(config));
      assertThat(block.getOutputShapes(new Shape[] {in})).containsExactly(new Shape(1, 2, 388, 388));
      try (NDManager sub = m.newSubManager()) {
        NDArray x = sub.randomUniform(0f, 1f, in);
        NDArray y = block.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(new Shape(1, 2, 388, 388));
        float[] v = y.toFloatArray();
        // Finite and not constant (a broken skip or crop could still give the right shape).
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
          assertThat(Float.isFinite(f)).isTrue();
          min = Math.min(min, f);
          max = Math.max(max, f);
        }
        assertThat(max - min).isGreaterThan(0f);
      }
    }
  }

  /**
   * Independent count: two 3×3 convs (with bias) per level on each path, one up-conv (4·cin·cout + cout) per
   * decoder level, and the final 1×1 conv.
   */
  private static long paperParameterCount(UNetConfig c) {
    long total = 0;
    long in = c.inChannels();
    for (int l = 0; l <= c.depth(); l++) {
      long ch = c.channelsAt(l);
      total += in * ch * 9 + ch + ch * ch * 9 + ch; // contracting (and bottom) double conv
      in = ch;
    }
    for (int l = c.depth() - 1; l >= 0; l--) {
      long ch = c.channelsAt(l);
      long below = c.channelsAt(l + 1);
      total += 4 * below * ch + ch; // up-conv
      total += 2 * ch * ch * 9 + ch + ch * ch * 9 + ch; // expanding double conv on the concatenation
    }
    return total + c.channelsAt(0) * (long) c.numClasses() + c.numClasses();
  }

  static long parameterCount(Block block) {
    long n = 0;
    for (Parameter p : block.getParameters().values()) {
      n += p.getArray().size();
    }
    return n;
  }

  @Test
  void parameterNamesMatchGoldenFileForDepth2Base4() throws IOException {
    UNetConfig config = new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.BATCH, Upsampling.UPCONV, 0.5);
    Block block = UNetBuilder.build(config);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, new Shape(1, 1, 44, 44));
      List<String> golden;
      try (InputStream is = getClass().getResourceAsStream("/golden/param-names-depth2-base4.txt")) {
        assertThat(is).as("golden file on the test class path").isNotNull();
        golden =
            Arrays.stream(new String(is.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("#"))
                .toList();
      }
      assertThat(block.getParameters().keys()).containsExactlyElementsOf(golden);
    }
  }

  @Test
  void invalidInputSizeIsRejectedBeforeAnyComputation() {
    Block block = UNetBuilder.build(UNetConfig.paper().withBaseFilters(2));
    assertThatThrownBy(() -> block.getOutputShapes(new Shape[] {new Shape(1, 1, 570, 570)}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd")
        .hasMessageContaining("nextValidInput");
  }
}
