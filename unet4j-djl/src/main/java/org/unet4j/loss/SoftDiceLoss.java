package org.unet4j.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Soft Dice loss over the foreground classes: {@code 1 − mean_k (2·Σ p_k·y_k + s) / (Σ p_k + Σ y_k + s)} for
 * {@code k = 1 … K−1} (all K classes when K = 1 is not possible: use at least 2 classes), with softmax
 * probabilities {@code p}, one-hot targets {@code y}, sums over the batch and all pixels whose weight is non-zero
 * (weight 0 = ignore; other weight values do not scale Dice), and smoothing {@code s = 1e-5} (nnU-Net).
 *
 * <p>Background is left out because with sparse foreground its Dice is near 1 whatever the net does.
 */
public final class SoftDiceLoss implements SegmentationLoss {

  private static final float SMOOTHING = 1e-5f;

  @Override
  public NDArray compute(NDArray logits, NDArray labels, NDArray weights) {
    int classes = (int) logits.getShape().get(1);
    if (classes < 2) {
      throw new IllegalArgumentException(
          "soft Dice needs softmax logits with at least 2 classes; this net has " + classes);
    }
    NDArray valid = weights.gt(0).toType(logits.getDataType(), false);
    NDArray probabilities = logits.softmax(1).mul(valid);
    NDArray oneHot = labels.squeeze(1).oneHot(classes, logits.getDataType()).transpose(0, 3, 1, 2).mul(valid);
    int[] axes = {0, 2, 3};
    NDArray two = logits.getManager().full(new Shape(), 2f, logits.getDataType());
    NDArray intersection = probabilities.mul(oneHot).sum(axes).mul(two);
    NDArray denominator = probabilities.sum(axes).add(oneHot.sum(axes));
    NDArray dicePerClass = intersection.add(SMOOTHING).div(denominator.add(SMOOTHING));
    NDArray foreground = dicePerClass.get("1:");
    return foreground.mean().neg().add(1);
  }

  @Override
  public String name() {
    return "dice";
  }
}
