package org.unet4j.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Objects;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;

/**
 * Builds the U-Net of a {@link UNetConfig} as an uninitialised DJL {@link Block}.
 *
 * <p>The tree is recursive, as in MONAI's {@code UNet}, with {@code c_l = config.channelsAt(l)}:
 *
 * <pre>
 * net       = Sequential(Level(0), Conv1×1(c_0 → numClasses, bias))
 * Level(d)  = Sequential(DoubleConv(c_d), SkipConcat(Sequential(MaxPool2×2, Level(d+1), Up(c_{d+1} → c_d))),
 *                        DoubleConv(c_d))                                     for d &lt; depth
 * Level(depth) = Sequential(DoubleConv(c_depth) [, Dropout(dropoutRate) if dropoutRate &gt; 0])
 * DoubleConv(c) = 2 × [Conv3×3(→ c, bias, padding 0 for VALID / 1 for SAME), BatchNorm if Norm.BATCH, ReLU]
 * Up = UpConvBlock (Upsampling.UPCONV) or Sequential(bilinear 2×, Conv1×1(→ c_d, bias)) (Upsampling.BILINEAR)
 * </pre>
 *
 * <p>Initialisation is set explicitly: every {@link Parameter.Type#WEIGHT} gets He normal, i.e. {@code N(0,
 * 2/fan_in)} with {@code fan_in = in_channels · kernel_h · kernel_w} (DJL's {@code XavierInitializer(GAUSSIAN, IN,
 * 2)}), every bias 0; batch-norm gamma 1, beta 0, running mean 0, running variance 1 (DJL defaults). The random
 * values come from the engine RNG, seeded with {@code Engine.getInstance().setRandomSeed(seed)}.
 *
 * <p>The paper preset has 31,030,658 parameters, maps 572×572 to 388×388 and needs input sizes from
 * {@code config.geometry()}.
 */
public final class UNetBuilder {

  private UNetBuilder() {}

  /**
   * Builds the network for {@code config}; call {@code block.initialize(manager, DataType.FLOAT32, new Shape(B,
   * inChannels, H, W))} with a valid size (see {@link org.unet4j.core.geometry.UNetGeometry}) before use.
   *
   * <p>Input: NCHW float32 {@code (B, inChannels, H, W)}; output: logits {@code (B, numClasses, H', W')} with
   * {@code H' = config.geometry().outputSize(H)}.
   *
   * @param config the architecture
   * @return a new, uninitialised block (parameters are created at {@code initialize})
   */
  public static Block build(UNetConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    SequentialBlock net = new SequentialBlock();
    net.add(level(config, 0));
    net.add(conv(config.numClasses(), 1, 0));
    net.setInitializer(heNormal(), Parameter.Type.WEIGHT);
    net.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    return net;
  }

  /** He (Kaiming) normal initialiser: {@code N(0, σ²)} with {@code σ = √(2 / fan_in)}. */
  public static Initializer heNormal() {
    return new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2f);
  }

  private static Block level(UNetConfig config, int d) {
    SequentialBlock level = new SequentialBlock();
    level.add(doubleConv(config, config.channelsAt(d)));
    if (d == config.depth()) {
      if (config.dropoutRate() > 0) {
        level.add(Dropout.builder().optRate((float) config.dropoutRate()).build());
      }
      return level;
    }
    SequentialBlock down = new SequentialBlock();
    down.add(new MaxPool2xBlock());
    down.add(level(config, d + 1));
    down.add(up(config, config.channelsAt(d)));
    level.add(new SkipConcatBlock(down));
    level.add(doubleConv(config, config.channelsAt(d)));
    return level;
  }

  private static Block doubleConv(UNetConfig config, int channels) {
    int padding = config.padding() == Padding.SAME ? 1 : 0;
    SequentialBlock block = new SequentialBlock();
    for (int i = 0; i < 2; i++) {
      block.add(conv(channels, 3, padding));
      if (config.norm() == Norm.BATCH) {
        block.add(new BatchNorm());
      }
      block.add(new ReluBlock());
    }
    return block;
  }

  private static Block up(UNetConfig config, int outChannels) {
    if (config.upsampling() == Upsampling.UPCONV) {
      return new UpConvBlock(outChannels);
    }
    return new SequentialBlock().add(new BilinearUpsample2xBlock()).add(conv(outChannels, 1, 0));
  }

  private static Conv2d conv(int filters, int kernel, int padding) {
    return Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optPadding(new Shape(padding, padding))
        .setFilters(filters)
        .optBias(true)
        .build();
  }
}
