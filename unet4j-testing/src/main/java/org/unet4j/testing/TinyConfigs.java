package org.unet4j.testing;

import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;

/** Small U-Nets that train in seconds on the CPU, for tests. */
public final class TinyConfigs {

  private TinyConfigs() {}

  /** Depth 2, 8 base filters, same padding, no norm, up-conv, no dropout: about 30 k parameters. */
  public static UNetConfig same() {
    return new UNetConfig(1, 2, 2, 8, Padding.SAME, Norm.NONE, Upsampling.UPCONV, 0);
  }

  /** The paper's layout (valid convs, up-conv) at depth 2 with 4 base filters and dropout 0.5. */
  public static UNetConfig validWithDropout() {
    return new UNetConfig(1, 2, 2, 4, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);
  }

  /** Depth 2, 4 base filters, same padding with batch norm: exercises running statistics. */
  public static UNetConfig sameWithBatchNorm() {
    return new UNetConfig(1, 2, 2, 4, Padding.SAME, Norm.BATCH, Upsampling.UPCONV, 0);
  }
}
