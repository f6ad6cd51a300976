package org.unet4j.loss;

import ai.djl.ndarray.NDArray;

/** The sum of two losses, e.g. weighted cross-entropy + soft Dice (nnU-Net's default pairing). */
public final class CombinedLoss implements SegmentationLoss {

  private final SegmentationLoss first;
  private final SegmentationLoss second;

  /** {@code first + second}. */
  public CombinedLoss(SegmentationLoss first, SegmentationLoss second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public NDArray compute(NDArray logits, NDArray labels, NDArray weights) {
    return first.compute(logits, labels, weights).add(second.compute(logits, labels, weights));
  }

  @Override
  public String name() {
    return first.name() + "+" + second.name();
  }
}
