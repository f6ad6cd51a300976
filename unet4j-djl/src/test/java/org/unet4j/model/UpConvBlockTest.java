package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UpConvBlockTest {

  /**
   * Reference ConvTranspose2d(kernel 2, stride 2, no padding) written as the textbook scatter loop: {@code
   * out[b, o, 2i+di, 2j+dj] = bias[o] + Σ_c in[b, c, i, j] · K[c, o, di, dj]}, with PyTorch's kernel layout {@code
   * K (cin, cout, 2, 2)}.
   */
  static float[] convTranspose2x2(
      float[] in, int batch, int cin, int h, int w, float[] kernel, float[] bias, int cout) {
    int oh = 2 * h;
    int ow = 2 * w;
    float[] out = new float[batch * cout * oh * ow];
    for (int b = 0; b < batch; b++) {
      for (int o = 0; o < cout; o++) {
        for (int y = 0; y < oh; y++) {
          for (int x = 0; x < ow; x++) {
            int i = y / 2;
            int di = y % 2;
            int j = x / 2;
            int dj = x % 2;
            double s = bias[o];
            for (int c = 0; c < cin; c++) {
              s += (double) in[((b * cin + c) * h + i) * w + j] * kernel[((c * cout + o) * 2 + di) * 2 + dj];
            }
            out[((b * cout + o) * oh + y) * ow + x] = (float) s;
          }
        }
      }
    }
    return out;
  }

  /**
   * The documented mapping from a transposed-conv kernel to the 1×1 conv weight of {@link UpConvBlock}: {@code
   * weight[4·o + 2·di + dj, c, 0, 0] = K[c, o, di, dj]} (= {@code K.permute(1, 2, 3, 0).reshape(4·cout, cin, 1,
   * 1)}).
   */
  static float[] upConvWeightFromKernel(float[] kernel, int cin, int cout) {
    float[] weight = new float[4 * cout * cin];
    for (int c = 0; c < cin; c++) {
      for (int o = 0; o < cout; o++) {
        for (int di = 0; di < 2; di++) {
          for (int dj = 0; dj < 2; dj++) {
            weight[(4 * o + 2 * di + dj) * cin + c] = kernel[((c * cout + o) * 2 + di) * 2 + dj];
          }
        }
      }
    }
    return weight;
  }

  private static float[] gaussian(SplittableRandom rng, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      // Box–Muller keeps this free of java.util.Random state.
      a[i] = (float) (Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
    }
    return a;
  }

  @Test
  void equalsTransposedConvolutionWithKernel2Stride2() {
    int batch = 2;
    int cin = 3;
    int cout = 5;
    int h = 4;
    int w = 7;
    SplittableRandom rng = new SplittableRandom(20150518);
    float[] kernel = gaussian(rng, cin * cout * 4);
    float[] bias = gaussian(rng, cout);
    float[] in = gaussian(rng, batch * cin * h * w);
    float[] expected = convTranspose2x2(in, batch, cin, h, w, kernel, bias, cout);

    UpConvBlock block = new UpConvBlock(cout);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, new Shape(batch, cin, h, w));
      Parameter weightParam = block.getParameters().get("weight");
      Parameter biasParam = block.getParameters().get("bias");
      assertThat(weightParam.getArray().getShape()).isEqualTo(new Shape(4 * cout, cin, 1, 1));
      assertThat(biasParam.getArray().getShape()).isEqualTo(new Shape(cout));
      assertThat(biasParam.getType()).isEqualTo(Parameter.Type.BIAS);
      weightParam.getArray().set(upConvWeightFromKernel(kernel, cin, cout));
      biasParam.getArray().set(bias);
      assertThat(UNetBuilderTest.parameterCount(block)).isEqualTo(4L * cin * cout + cout);

      try (NDManager sub = m.newSubManager()) {
        NDArray x = sub.create(in, new Shape(batch, cin, h, w));
        NDArray y = block.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
        assertThat(y.getShape()).isEqualTo(new Shape(batch, cout, 2 * h, 2 * w));
        assertThat(block.getOutputShapes(new Shape[] {x.getShape()})).containsExactly(y.getShape());
        float[] actual = y.toFloatArray();
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
          assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], offset(1e-5f));
        }
      }
    }
  }

  @Test
  void forwardLeavesNoArrayInTheParameterManager() {
    UpConvBlock block = new UpConvBlock(2);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, new Shape(1, 3, 4, 4));
      int before = m.getManagedArrays().size();
      for (int k = 0; k < 3; k++) {
        try (NDManager sub = m.newSubManager()) {
          NDArray x = sub.ones(new Shape(1, 3, 4, 4));
          block.forward(new ParameterStore(sub, false), new NDList(x), false);
        }
      }
      assertThat(m.getManagedArrays()).hasSize(before);
    }
  }
}
