package org.unet4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2×2 max-pooling with stride 2 on an NCHW tensor; rejects odd spatial sizes instead of silently dropping a row.
 *
 * <p>An odd size here means the image entering the U-Net was not a valid input size, which would misalign the skip
 * connections; {@link org.unet4j.core.geometry.UNetGeometry#requireValidInput} names the valid sizes.
 */
final class MaxPool2xBlock extends AbstractBlock {

  private static final Shape KERNEL = new Shape(2, 2);
  private static final Shape NO_PADDING = new Shape(0, 0);

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    requireEven(x.getShape());
    return new NDList(Pool.maxPool2d(x, KERNEL, KERNEL, NO_PADDING, false));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    requireEven(s);
    return new Shape[] {new Shape(s.get(0), s.get(1), s.get(2) / 2, s.get(3) / 2)};
  }

  private static void requireEven(Shape s) {
    if (s.dimension() != 4) {
      throw new IllegalArgumentException("2×2 max-pool expects an NCHW tensor, got shape " + s);
    }
    if (s.get(2) % 2 != 0 || s.get(3) % 2 != 0) {
      throw new IllegalArgumentException(
          "2×2 max-pool got an odd feature map of "
              + s.get(2)
              + "×"
              + s.get(3)
              + " px (H×W); the U-Net input size is not valid for this depth and padding — "
              + "use UNetGeometry.nextValidInput to pick one");
    }
  }

  @Override
  public String toString() {
    return "MaxPool2x2()";
  }
}
