package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class SkipConcatBlockTest {

  @Test
  void concatenatesCentreCroppedInputBeforeInnerOutput() {
    // Inner: 3×3 valid conv with zero weight and bias 7, so it shrinks 6×8 to 4×6 and outputs the constant 7.
    Conv2d conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(1).optBias(true).build();
    SkipConcatBlock skip = new SkipConcatBlock(conv);
    try (NDManager m = NDManager.newBaseManager()) {
      Shape in = new Shape(1, 1, 6, 8);
      skip.initialize(m, DataType.FLOAT32, in);
      conv.getParameters().get("weight").getArray().set(new float[9]);
      conv.getParameters().get("bias").getArray().set(new float[] {7f});
      assertThat(skip.getOutputShapes(new Shape[] {in})).containsExactly(new Shape(1, 2, 4, 6));
      try (NDManager sub = m.newSubManager()) {
        float[] data = new float[48];
        for (int i = 0; i < data.length; i++) {
          data[i] = i; // value = 8·row + col
        }
        NDArray x = sub.create(data, in);
        float[] y =
            skip.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        for (int r = 0; r < 4; r++) {
          for (int c = 0; c < 6; c++) {
            assertThat(y[r * 6 + c]).as("skip channel at (%d,%d)", r, c).isEqualTo(8f * (r + 1) + (c + 1));
            assertThat(y[24 + r * 6 + c]).as("inner channel at (%d,%d)", r, c).isEqualTo(7f);
          }
        }
      }
    }
  }

  @Test
  void bilinearUpsamplingEqualsHalfPixelReference() {
    int h = 3;
    int w = 4;
    float[] data = new float[h * w];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) Math.sin(1.7 * i) * 10;
    }
    BilinearUpsample2xBlock up = new BilinearUpsample2xBlock();
    try (NDManager m = NDManager.newBaseManager()) {
      up.initialize(m, DataType.FLOAT32, new Shape(1, 1, h, w));
      NDArray x = m.create(data, new Shape(1, 1, h, w));
      float[] y = up.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
      for (int oy = 0; oy < 2 * h; oy++) {
        for (int ox = 0; ox < 2 * w; ox++) {
          // align_corners=False: source coordinate (o + 0.5)/2 − 0.5, clamped at 0 (PyTorch convention).
          double sy = Math.max(0, (oy + 0.5) / 2 - 0.5);
          double sx = Math.max(0, (ox + 0.5) / 2 - 0.5);
          int y0 = (int) sy;
          int x0 = (int) sx;
          int y1 = Math.min(y0 + 1, h - 1);
          int x1 = Math.min(x0 + 1, w - 1);
          double fy = sy - y0;
          double fx = sx - x0;
          double v =
              (1 - fy) * ((1 - fx) * data[y0 * w + x0] + fx * data[y0 * w + x1])
                  + fy * ((1 - fx) * data[y1 * w + x0] + fx * data[y1 * w + x1]);
          assertThat((double) y[oy * 2 * w + ox]).as("(%d,%d)", oy, ox).isCloseTo(v, offset(1e-5));
        }
      }
    }
  }
}
