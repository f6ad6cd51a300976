package org.unet4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * A U-Net skip connection: runs an inner block and concatenates its own input, centre-cropped to the inner output's
 * height and width, in front of the inner output along the channel axis (the paper's "copy and crop").
 *
 * <p>For an NCHW input {@code (B, Cs, H, W)} whose inner output is {@code (B, Ci, h, w)} with {@code h ≤ H},
 * {@code w ≤ W}, the output is {@code (B, Cs + Ci, h, w)} = {@code concat([x[:, :, t:t+h, l:l+w], inner(x)], 1)}
 * with {@code t = ⌊(H − h)/2⌋}, {@code l = ⌊(W − w)/2⌋}. With same-padded convolutions {@code h = H}, {@code w = W}
 * and the crop is skipped.
 */
public final class SkipConcatBlock extends AbstractBlock {

  private final Block inner;

  /**
   * Wraps an inner block.
   *
   * @param inner the block whose output is joined with the skip; it must keep the batch size and must not grow
   *     the spatial size
   */
  public SkipConcatBlock(Block inner) {
    this.inner = addChildBlock("inner", Objects.requireNonNull(inner, "inner block must not be null"));
  }

  /** The wrapped inner block. */
  public Block inner() {
    return inner;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray y = inner.forward(parameterStore, inputs, training, params).singletonOrThrow();
    Shape xs = x.getShape();
    Shape ys = y.getShape();
    checkCrop(xs, ys);
    NDArray skip = x;
    long h = ys.get(2);
    long w = ys.get(3);
    if (h != xs.get(2) || w != xs.get(3)) {
      long top = (xs.get(2) - h) / 2;
      long left = (xs.get(3) - w) / 2;
      skip = x.get(new NDIndex(":, :, {}:{}, {}:{}", top, top + h, left, left + w));
    }
    // The result joins skip's manager, i.e. the caller's input manager, never the parameter manager.
    NDArray joined = skip.concat(y, 1);
    y.close(); // the inner output and the crop are read by nobody else (see SequentialBlock)
    if (skip != x) {
      skip.close();
    }
    return new NDList(joined);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    inner.initialize(manager, dataType, inputShapes);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape xs = inputShapes[0];
    Shape ys = inner.getOutputShapes(inputShapes)[0];
    checkCrop(xs, ys);
    return new Shape[] {new Shape(xs.get(0), xs.get(1) + ys.get(1), ys.get(2), ys.get(3))};
  }

  private static void checkCrop(Shape xs, Shape ys) {
    if (xs.dimension() != 4 || ys.dimension() != 4) {
      throw new IllegalArgumentException("skip connection expects NCHW tensors, got " + xs + " and " + ys);
    }
    if (xs.get(0) != ys.get(0) || ys.get(2) > xs.get(2) || ys.get(3) > xs.get(3)) {
      throw new IllegalArgumentException(
          "skip connection cannot crop input "
              + xs
              + " to the inner output "
              + ys
              + ": the inner block must keep the batch size and must not grow H or W");
    }
  }

  @Override
  public String toString() {
    return "SkipConcat(" + inner + ")";
  }
}
