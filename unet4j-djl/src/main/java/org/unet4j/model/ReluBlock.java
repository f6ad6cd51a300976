package org.unet4j.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Element-wise ReLU with an analytic {@link #getOutputShapes}.
 *
 * <p>Exists because DJL's {@code Activation.reluBlock()} is a {@code LambdaBlock}, whose {@code getOutputShapes}
 * allocates a zero tensor of the full activation size and runs the function on it.
 */
final class ReluBlock extends AbstractBlock {

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(Activation.relu(inputs.singletonOrThrow()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public String toString() {
    return "ReLU()";
  }
}
