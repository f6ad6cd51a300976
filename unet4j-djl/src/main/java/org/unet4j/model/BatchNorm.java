package org.unet4j.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Batch normalisation over the channel axis of an NCHW tensor: DJL's {@code ai.djl.nn.norm.BatchNorm} with its
 * defaults (momentum 0.9 in DJL's convention, i.e. running = 0.9 · running + 0.1 · batch; ε = 1e-5), minus two
 * no-op transposes per call.
 *
 * <p>Why a block of our own: for the channel axis DJL's PyTorch engine still wraps {@code torch.batch_norm} in
 * {@code swapAxes(1, 1)} before and after, two extra operators in the forward pass and two backward nodes per layer
 * (72 of a padded net's 544 operators per training step). On PyTorch, {@code NDArrayEx.batchNorm} with axis −1
 * hands the tensor to {@code torch.batch_norm} as it is, which normalises axis 1; other engines get axis 1.
 *
 * <p>The class is named like DJL's so that a {@code SequentialBlock} names its parameters the same
 * ({@code …02BatchNorm_gamma}), and its parameters, their order and the saved metadata (version 2: input shapes,
 * then the channel count) are DJL's: model bundles written with either block load into the other.
 */
public final class BatchNorm extends AbstractBlock {
  private static final byte VERSION = 2;
  private static final float MOMENTUM = 0.9f;
  /** ε added to the running variance (DJL's default). */
  static final float EPSILON = 1e-5f;

  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter runningMean;
  private final Parameter runningVar;
  private long channels;

  /** A batch-norm layer whose channel count is taken from the input at initialisation. */
  public BatchNorm() {
    super(VERSION);
    gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
    beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    runningMean =
        addParameter(
            Parameter.builder()
                .setName("runningMean")
                .setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false)
                .build());
    runningVar =
        addParameter(
            Parameter.builder()
                .setName("runningVar")
                .setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false)
                .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    var device = x.getDevice();
    NDArray g = parameterStore.getValue(gamma, device, training);
    NDArray b = parameterStore.getValue(beta, device, training);
    NDArray mean = parameterStore.getValue(runningMean, device, training);
    NDArray var = parameterStore.getValue(runningVar, device, training);
    int axis = "PyTorch".equals(x.getManager().getEngine().getEngineName()) ? -1 : 1;
    return x.getNDArrayInternal().batchNorm(x, mean, var, g, b, axis, MOMENTUM, EPSILON, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    super.beforeInitialize(inputShapes);
    if (inputShapes[0].dimension() != 4) {
      throw new IllegalArgumentException("batch norm expects an NCHW tensor, got shape " + inputShapes[0]);
    }
    channels = inputShapes[0].get(1);
  }

  @Override
  public void prepare(Shape[] inputShapes) {
    Shape perChannel = new Shape(channels);
    gamma.setShape(perChannel);
    beta.setShape(perChannel);
    runningMean.setShape(perChannel);
    runningVar.setShape(perChannel);
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    saveInputShapes(os);
    os.writeLong(channels);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    if (loadVersion == VERSION) {
      readInputShapes(is);
    } else if (loadVersion != 1) { // DJL's version 1 had no input shapes
      throw new MalformedModelException(
          "unsupported batch-norm parameter format " + loadVersion + "; this build reads versions 1 and 2");
    }
    channels = is.readLong();
  }

  @Override
  public String toString() {
    return "BatchNorm(channels=" + channels + ")";
  }
}
