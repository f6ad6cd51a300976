package org.unet4j.loss;

import ai.djl.ndarray.NDArray;

/**
 * The paper's loss: pixel-wise softmax over the K class channels, then cross-entropy weighted per pixel.
 *
 * <p>{@code E = −Σ_x w(x)·log p_{ℓ(x)}(x) / Σ_x w(x)}, where {@code p_k(x) = exp(a_k(x)) / Σ_k' exp(a_k'(x))} and
 * {@code w} is the weight map (class balance + border term, paper eq. 2). Normalising by {@code Σ w} keeps the
 * learning rate independent of tile size and weight scale; pixels of weight 0 (ignore label) contribute neither
 * to the sum nor to the gradient. If every weight is 0 the loss is 0.
 */
public final class WeightedSoftmaxCrossEntropy implements SegmentationLoss {

  /** Keeps an all-ignored batch at loss 0 instead of 0/0. */
  private static final float EMPTY_WEIGHT_GUARD = 1e-12f;

  @Override
  public NDArray compute(NDArray logits, NDArray labels, NDArray weights) {
    NDArray logProbability = logits.logSoftmax(1).gather(labels, 1);
    return logProbability.mul(weights).sum().neg().div(weights.sum().add(EMPTY_WEIGHT_GUARD));
  }

  @Override
  public String name() {
    return "weighted-ce";
  }
}
