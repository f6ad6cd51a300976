package org.unet4j.loss;

import ai.djl.ndarray.NDArray;

/**
 * A differentiable segmentation loss over a batch of logits.
 *
 * <p>Shapes: {@code logits (B, K, H, W)}; {@code labels (B, 1, H, W)} int64 class indices; {@code weights (B, 1, H,
 * W)} float32 per-pixel weights (0 = ignore). Implementations must not call {@code mul/div/pow/maximum/minimum(Number)}
 * (DJL frees such scalars before backward; see the DJL audit) and must return a scalar.
 */
public interface SegmentationLoss {

  /** The scalar loss; attached to the logits' manager. */
  NDArray compute(NDArray logits, NDArray labels, NDArray weights);

  /** A short name for logs and configs. */
  String name();
}
