package org.unet4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The paper's learned "up-conv 2×2": exactly {@code ConvTranspose2d(cin, cout, kernel=2, stride=2)} with bias,
 * built from ops DJL has (it lacks a transposed convolution).
 *
 * <p>Computation for an NCHW input {@code x (B, cin, H, W)}: a bias-free 1×1 convolution with {@code weight
 * (4·cout, cin, 1, 1)} gives {@code z (B, 4·cout, H, W)}; depth-to-space rearranges it to {@code (B, cout, 2H, 2W)}
 * with {@code out[b, o, 2i+di, 2j+dj] = z[b, 4·o + 2·di + dj, i, j]}; then {@code bias (cout)} is added per output
 * channel. Hence, for a transposed-conv kernel {@code K (cin, cout, 2, 2)} (PyTorch layout),
 *
 * <pre>
 *   weight[4·o + 2·di + dj, c, 0, 0] = K[c, o, di, dj]
 *   i.e. weight = K.permute(1, 2, 3, 0).reshape(4·cout, cin, 1, 1)
 * </pre>
 *
 * and {@code out[b, o, 2i+di, 2j+dj] = bias[o] + Σ_c x[b, c, i, j] · K[c, o, di, dj]}. Parameter count:
 * {@code 4·cin·cout + cout}, the same as the transposed convolution.
 *
 * <p>Initialisation: the weight is a {@link Parameter.Type#WEIGHT}, so it gets He normal with {@code fan_in = cin}
 * (each output pixel sees one input pixel per channel, so {@code cin} is the true fan-in); the bias starts at 0.
 */
public final class UpConvBlock extends AbstractBlock {

  private final int outChannels;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * Creates an up-conv with {@code outChannels} output channels; the input channel count is taken from the first
   * input shape at initialisation.
   *
   * @param outChannels output channels {@code cout} (≥ 1)
   */
  public UpConvBlock(int outChannels) {
    if (outChannels < 1) {
      throw new IllegalArgumentException("up-conv output channels is " + outChannels + "; it must be at least 1");
    }
    this.outChannels = outChannels;
    this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
    this.bias =
        addParameter(
            Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(outChannels))
                .build());
  }

  /** Output channels {@code cout}. */
  public int outChannels() {
    return outChannels;
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    long inChannels = inputShapes[0].get(1);
    weight.setShape(new Shape(4L * outChannels, inChannels, 1, 1));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
    NDArray b = parameterStore.getValue(bias, x.getDevice(), training);
    NDArray z = Conv2d.conv2d(x, w).singletonOrThrow();
    NDArray up = depthToSpace(z, outChannels);
    NDArray b4 = b.reshape(1, outChannels, 1, 1); // lands in the parameter's manager: closed below
    NDArray biased = up.add(b4);
    up.close(); // intermediates of this block only (see SequentialBlock)
    b4.close();
    return new NDList(biased);
  }

  /**
   * Rearranges {@code (B, 4·c, H, W)} to {@code (B, c, 2H, 2W)} with {@code out[b, o, 2i+di, 2j+dj] = z[b, 4·o +
   * 2·di + dj, i, j]}, closing {@code z} and the views between (see {@link SequentialBlock} for why that is safe).
   */
  private static NDArray depthToSpace(NDArray z, long c) {
    Shape s = z.getShape();
    long n = s.get(0);
    long h = s.get(2);
    long w = s.get(3);
    NDArray split = z.reshape(n, c, 2, 2, h, w);
    NDArray interleaved = split.transpose(0, 1, 4, 2, 5, 3);
    NDArray out = interleaved.reshape(n, c, 2 * h, 2 * w);
    z.close();
    split.close();
    interleaved.close();
    return out;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    if (s.dimension() != 4) {
      throw new IllegalArgumentException("up-conv expects an NCHW tensor, got shape " + s);
    }
    return new Shape[] {new Shape(s.get(0), outChannels, 2 * s.get(2), 2 * s.get(3))};
  }

  @Override
  public String toString() {
    return "UpConv2x2(out=" + outChannels + ")";
  }
}
