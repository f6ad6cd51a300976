package org.unet4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Weighted binary cross-entropy for a single-channel (sigmoid) net, computed from logits in the overflow-free form
 * {@code ℓ(z, y) = max(z, 0) − z·y + log(1 + exp(−|z|))}, then {@code Σ w·ℓ / Σ w} (weight 0 = ignore).
 */
public final class BinaryCrossEntropyWithLogits implements SegmentationLoss {

  private static final float EMPTY_WEIGHT_GUARD = 1e-12f;

  @Override
  public NDArray compute(NDArray logits, NDArray labels, NDArray weights) {
    if (logits.getShape().get(1) != 1) {
      throw new IllegalArgumentException(
          "binary cross-entropy needs a single-channel net (--classes 1); this one has " + logits.getShape().get(1)
              + " channels: use weighted-ce");
    }
    NDArray target = labels.toType(logits.getDataType(), false);
    NDArray perPixel =
        Activation.relu(logits).sub(logits.mul(target)).add(logits.abs().neg().exp().add(1).log());
    return perPixel.mul(weights).sum().div(weights.sum().add(EMPTY_WEIGHT_GUARD));
  }

  @Override
  public String name() {
    return "bce";
  }
}
