package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import org.unet4j.testing.TinyConfigs;

class BatchNormFoldingTest {

  @Test
  void foldedNetComputesWhatTheNetWithBatchNormComputesInInference() {
    for (UNetConfig config : new UNetConfig[] {
        TinyConfigs.sameWithBatchNorm(),
        new UNetConfig(2, 3, 2, 4, Padding.VALID, Norm.BATCH, Upsampling.BILINEAR, 0.5)}) {
      try (NDManager manager = NDManager.newBaseManager()) {
        int n = config.geometry().nextValidInput(40);
        Shape input = new Shape(2, config.inChannels(), n, n);
        Block trained = UNetBuilder.build(config);
        trained.initialize(manager, DataType.FLOAT32, input);
        randomiseEveryParameter(trained, 5); // running statistics far from (0, 1), so folding has work to do
        Block folded = BatchNormFolding.fold(trained, config, manager);

        long batchNormParameters =
            trained.getParameters().values().stream().filter(p -> p.getType() == Parameter.Type.GAMMA).count() * 4;
        assertThat(batchNormParameters).isPositive();
        assertThat(folded.getParameters().size())
            .isEqualTo(trained.getParameters().size() - batchNormParameters);
        float[] x = random(input.size(), 9);
        float[] expected = infer(trained, manager, x, input);
        float[] actual = infer(folded, manager, x, input);
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (float v : expected) {
          scale = Math.max(scale, Math.abs(v));
        }
        assertThat(scale).as("outputs are not trivially small").isGreaterThan(0.1);
        for (int i = 0; i < expected.length; i++) {
          assertThat((double) actual[i]).as("logit %d of %s", i, config).isCloseTo(expected[i], within(1e-5 * scale));
        }
      }
    }
  }

  /**
   * The folded parameters must own their memory: a tensor made from a Java buffer reads that buffer, and once the
   * array that held it is gone the garbage collector frees it (this once gave the demo garbage weights now and then).
   */
  @Test
  void foldedParametersKeepTheirValuesAfterTheGarbageCollectorRunsAndMemoryIsReused() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      UNetConfig config = TinyConfigs.sameWithBatchNorm();
      Block trained = UNetBuilder.build(config);
      trained.initialize(manager, DataType.FLOAT32, new Shape(1, config.inChannels(), 16, 16));
      randomiseEveryParameter(trained, 3);
      Block folded = BatchNormFolding.fold(trained, config, manager);
      List<float[]> before = new ArrayList<>();
      for (Parameter p : folded.getParameters().values()) {
        before.add(p.getArray().toFloatArray());
      }
      List<ByteBuffer> filler = reuseFreedDirectMemory();
      int i = 0;
      for (Parameter p : folded.getParameters().values()) {
        assertThat(p.getArray().toFloatArray()).as(p.getName()).containsExactly(before.get(i++));
      }
      Reference.reachabilityFence(filler); // the fillers stay allocated until the parameters have been read back
    }
  }

  /** Collects garbage, lets the cleaner free unreachable direct buffers, then fills fresh ones of many sizes (returned). */
  private static List<ByteBuffer> reuseFreedDirectMemory() throws InterruptedException {
    List<ByteBuffer> filler = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      System.gc();
      Thread.sleep(20);
      for (int bytes = 4; bytes <= 1 << 16; bytes *= 2) {
        for (int copies = 0; copies < 8; copies++) {
          for (int size : new int[] {bytes, bytes + 4, bytes * 3 / 2}) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(size);
            while (buffer.hasRemaining()) {
              buffer.put((byte) 0x7f);
            }
            filler.add(buffer);
          }
        }
      }
    }
    return filler;
  }

  @Test
  void foldIntoScalesEachOutputChannelAndShiftsItsBias() {
    // two output channels with two weights each; s = γ / √(σ² + ε)
    float[] w = {1, -2, 3, 4};
    float[] b = {0.5f, -1};
    float[] gamma = {2, 0.5f};
    float[] beta = {0.25f, 1};
    float[] mean = {1.5f, -3};
    float[] variance = {4 - BatchNorm.EPSILON, 0.25f - BatchNorm.EPSILON}; // √(σ² + ε) = 2 and 0.5 (to rounding)
    BatchNormFolding.foldInto(w, b, gamma, beta, mean, variance);
    // channel 0: s = 1, b' = (0.5 − 1.5)·1 + 0.25 = −0.75; channel 1: s = 1, b' = (−1 + 3)·1 + 1 = 3
    assertThat(w).containsExactly(new float[] {1, -2, 3, 4}, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(b).containsExactly(new float[] {-0.75f, 3}, org.assertj.core.data.Offset.offset(1e-6f));

    float[] w2 = {1, 1};
    float[] b2 = {0};
    BatchNormFolding.foldInto(w2, b2, new float[] {3}, new float[] {0}, new float[] {1}, new float[] {1});
    double s = 3 / Math.sqrt(1 + (double) BatchNorm.EPSILON);
    assertThat(w2).containsExactly((float) s, (float) s);
    assertThat(b2).containsExactly((float) -s);
  }

  @Test
  void aNetWithoutBatchNormIsReturnedAsItIs() {
    try (NDManager manager = NDManager.newBaseManager()) {
      UNetConfig config = TinyConfigs.same();
      Block block = UNetBuilder.build(config);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 16, 16));
      assertThat(BatchNormFolding.fold(block, config, manager)).isSameAs(block);
    }
  }

  @Test
  void aBlockThatDoesNotMatchTheConfigIsRefusedWithTheParameterThatDiffers() {
    try (NDManager manager = NDManager.newBaseManager()) {
      UNetConfig config = TinyConfigs.sameWithBatchNorm();
      Block wider = UNetBuilder.build(config.withBaseFilters(8));
      wider.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 16, 16));
      assertThatThrownBy(() -> BatchNormFolding.fold(wider, config, manager))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("parameter 0 of the trained net has shape (8, 1, 3, 3)");
    }
  }

  private static float[] infer(Block block, NDManager manager, float[] x, Shape shape) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray in = scope.create(x, shape);
      return block.forward(new ParameterStore(scope, false), new NDList(in), false).singletonOrThrow().toFloatArray();
    }
  }

  private static void randomiseEveryParameter(Block block, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (Parameter p : block.getParameters().values()) {
      NDArray array = p.getArray();
      float[] values = new float[(int) array.size()];
      for (int i = 0; i < values.length; i++) {
        double u = random.nextDouble() * 2 - 1;
        values[i] = (float) switch (p.getType()) {
          case RUNNING_VAR -> 0.2 + 2 * Math.abs(u);
          case GAMMA -> 1 + 0.5 * u;
          case WEIGHT -> 0.4 * u;
          default -> u; // biases, beta, running mean
        };
      }
      array.set(FloatBuffer.wrap(values));
    }
  }

  private static float[] random(long n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[(int) n];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble();
    }
    return values;
  }
}
