package org.unet4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Fixed 2× bilinear upsampling of an NCHW tensor, {@code align_corners=False} (half-pixel centres).
 *
 * <p>Uses the engine's bilinear interpolation (DJL mode 1). The PyTorch binding forces antialiasing on, which is a
 * no-op when upsampling, so the result equals {@code torch.nn.functional.interpolate(x, scale_factor=2,
 * mode="bilinear", align_corners=False)}.
 */
final class BilinearUpsample2xBlock extends AbstractBlock {

  private static final int BILINEAR = 1;

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape s = x.getShape();
    long[] size = {2 * s.get(2), 2 * s.get(3)};
    return new NDList(x.getNDArrayInternal().interpolation(size, BILINEAR, false));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), s.get(1), 2 * s.get(2), 2 * s.get(3))};
  }

  @Override
  public String toString() {
    return "BilinearUpsample2x()";
  }
}
