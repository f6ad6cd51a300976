package org.unet4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * DJL's {@code SequentialBlock} that, in inference, frees each intermediate result as soon as the next block has
 * consumed it.
 *
 * <p>Why: DJL keeps every array until its manager closes, so a forward pass holds all of its activations at once
 * (PyTorch frees each when its last reference goes). In a chain the output of one child is read only by the next,
 * so it can be closed then; the chain's own input and output belong to the caller and are never closed. In
 * training nothing is closed early (DJL's own behaviour; the autograd graph keeps what backward needs either way).
 * Closing an array frees only this handle: a tensor that a child returned as it is, or a view of, lives on in the
 * child's output.
 *
 * <p>The class is named like DJL's so that parameter names ({@code 01SequentialBlock_…}) and the saved format stay
 * those of models built with DJL's block.
 */
public final class SequentialBlock extends ai.djl.nn.SequentialBlock {

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    if (training) {
      return super.forwardInternal(parameterStore, inputs, training, params);
    }
    NDList current = inputs;
    for (Block child : getChildren().values()) {
      NDList next = child.forward(parameterStore, current, false, params);
      if (current != inputs) {
        closeAllBut(current, next);
      }
      current = next;
    }
    return current;
  }

  /**
   * Closes the arrays of {@code consumed} that are not themselves in {@code kept} (by identity: an NDArray's
   * {@code equals} compares contents).
   */
  static void closeAllBut(NDList consumed, NDList kept) {
    for (NDArray array : consumed) {
      boolean passedOn = false;
      for (NDArray out : kept) {
        passedOn |= out == array;
      }
      if (!passedOn) {
        array.close();
      }
    }
  }
}
