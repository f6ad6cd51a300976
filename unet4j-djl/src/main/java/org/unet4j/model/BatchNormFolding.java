package org.unet4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Objects;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.UNetConfig;

/**
 * Folds every batch norm of a trained U-Net into the convolution before it, for inference.
 *
 * <p>In inference a batch norm is a fixed affine map per channel, {@code y = (x − μ) · s + β} with {@code s = γ /
 * √(σ² + ε)}, and {@code x = w ∗ in + b} is a convolution, so the pair is one convolution with {@code w' = w · s}
 * (per output channel) and {@code b' = (b − μ) · s + β}. The folded net computes the same function up to float
 * rounding with one operator and one pass over the activations less per layer; inference engines (ONNX Runtime,
 * TensorRT, {@code torch.jit.freeze}) make the same rewrite. It does not apply to training, where a batch norm uses
 * the statistics of each batch.
 */
public final class BatchNormFolding {

  private BatchNormFolding() {}

  /** The architecture of the folded net: {@code config} without batch norm. */
  public static UNetConfig foldedConfig(UNetConfig config) {
    return config.withNorm(Norm.NONE);
  }

  /**
   * A new net of {@link #foldedConfig(UNetConfig)} whose convolutions absorb the batch norms of {@code trained}; its
   * parameters live in {@code manager}. A net without batch norm is returned as it is.
   *
   * @param trained an initialised block built by {@link UNetBuilder#build(UNetConfig)} from {@code config}
   * @param config its architecture
   * @param manager where the folded parameters are created (close it to free them)
   * @return the folded block, initialised, or {@code trained} when {@code config.norm()} is {@link Norm#NONE}
   * @throws IllegalArgumentException if {@code trained} does not have the parameters {@code config} implies
   */
  public static Block fold(Block trained, UNetConfig config, NDManager manager) {
    Objects.requireNonNull(trained, "trained");
    if (config.norm() == Norm.NONE) {
      return trained;
    }
    UNetConfig folded = foldedConfig(config);
    Block block = UNetBuilder.build(folded);
    int n = config.geometry().minimumInput();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, config.inChannels(), n, n));
    List<Parameter> source = trained.getParameters().values();
    List<Parameter> target = block.getParameters().values();
    int s = 0;
    for (int t = 0; t < target.size(); t += 2) { // every layer of the folded net is a (weight, bias) pair
      Parameter weight = expect(source, s, Parameter.Type.WEIGHT, target.get(t));
      Parameter bias = expect(source, s + 1, Parameter.Type.BIAS, target.get(t + 1));
      float[] w = weight.getArray().toFloatArray();
      float[] b = bias.getArray().toFloatArray();
      s += 2;
      if (s < source.size() && source.get(s).getType() == Parameter.Type.GAMMA) {
        foldInto(w, b,
            values(source, s, Parameter.Type.GAMMA),
            values(source, s + 1, Parameter.Type.BETA),
            values(source, s + 2, Parameter.Type.RUNNING_MEAN),
            values(source, s + 3, Parameter.Type.RUNNING_VAR));
        s += 4;
      }
      replaceValues(target.get(t), w);
      replaceValues(target.get(t + 1), b);
    }
    if (s != source.size()) {
      throw new IllegalArgumentException(
          "the trained net has " + source.size() + " parameters but folding used " + s
              + "; was it built by UNetBuilder from " + config + "?");
    }
    return block;
  }

  /** {@code w[o, …] *= s[o]}, {@code b[o] = (b[o] − μ[o]) · s[o] + β[o]} with {@code s = γ / √(σ² + ε)}. */
  static void foldInto(float[] w, float[] b, float[] gamma, float[] beta, float[] mean, float[] variance) {
    int channels = b.length;
    int perChannel = w.length / channels;
    for (int o = 0; o < channels; o++) {
      double scale = gamma[o] / Math.sqrt((double) variance[o] + BatchNorm.EPSILON);
      for (int k = o * perChannel; k < (o + 1) * perChannel; k++) {
        w[k] = (float) (w[k] * scale);
      }
      b[o] = (float) ((b[o] - (double) mean[o]) * scale + beta[o]);
    }
  }

  /**
   * Gives a parameter new values by swapping in a fresh tensor ({@code NDArray.set(Buffer)} would do too, but
   * libtorch then warns once about a deprecated dispatch mode, on the user's console).
   *
   * <p>The swapped-in tensor is a copy that libtorch owns: an array made from Java values reads a direct buffer that
   * only its own NDArray keeps reachable, and {@code intern} moves the tensor but closes that NDArray, so the
   * garbage collector would free the buffer under the parameter (garbage weights, now and then).
   */
  private static void replaceValues(Parameter parameter, float[] values) {
    NDArray array = parameter.getArray();
    try (NDArray javaBacked = array.getManager().create(values, array.getShape())) {
      array.intern(javaBacked.duplicate());
    }
  }

  private static Parameter expect(List<Parameter> source, int index, Parameter.Type type, Parameter like) {
    if (index >= source.size() || source.get(index).getType() != type) {
      throw new IllegalArgumentException(
          "parameter " + index + " of the trained net is "
              + (index < source.size() ? source.get(index).getType() : "missing") + ", expected " + type
              + "; was it built by UNetBuilder from this config?");
    }
    Shape have = source.get(index).getArray().getShape();
    Shape want = like.getArray().getShape();
    if (!have.equals(want)) {
      throw new IllegalArgumentException(
          "parameter " + index + " of the trained net has shape " + have + ", the folded net needs " + want);
    }
    return source.get(index);
  }

  private static float[] values(List<Parameter> source, int index, Parameter.Type type) {
    if (index >= source.size() || source.get(index).getType() != type) {
      throw new IllegalArgumentException("batch norm parameter " + index + " is not " + type);
    }
    NDArray array = source.get(index).getArray();
    return array.toFloatArray();
  }
}
