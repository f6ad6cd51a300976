package org.unet4j.core.model;

/** How the expanding path doubles the spatial size and halves the channels. */
public enum Upsampling {
  /** Learned 2×2 up-convolution with stride 2 (the paper's "up-conv 2×2"). */
  UPCONV,
  /** Fixed bilinear 2× upsampling followed by a learned 1×1 convolution that halves the channels. */
  BILINEAR
}
