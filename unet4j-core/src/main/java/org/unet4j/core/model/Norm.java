package org.unet4j.core.model;

/** The normalisation layer after each 3×3 convolution. */
public enum Norm {
  /** No normalisation, as in the paper. */
  NONE,
  /** Batch normalisation (running statistics at inference), the common modern variant. */
  BATCH
}
