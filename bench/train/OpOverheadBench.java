import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.Locale;

/**
 * The host-side cost of one engine op, with arithmetic negligible (1-element float32 arrays): microseconds per
 * {@code add} (a new array: one JNI call for the op, one to free it, and DJL's bookkeeping of the Java object),
 * {@code addi} (in place: one JNI call), and {@code add(Number)} (a scalar array made and freed around the op);
 * and, for the native side, the kernels of the overhead case's first level, N/20 of each: one 3×3 convolution (4 → 4
 * channels, 64², padding 1), the matrix product inside it ((4, 36) × (36, 64²), what libtorch's im2col convolution
 * hands to its BLAS), one training-mode batch norm and one 2×2 max-pool of a (1, 4, 64, 64) tensor. Prints one JSON line: medians over ROUNDS rounds of N ops each. The peer is op_overhead.py.
 *
 * <pre>usage: OpOverheadBench N ROUNDS</pre>
 */
public final class OpOverheadBench {

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Engine.getInstance();
    String[] kinds = {
      "add", "addi", "add_number", "conv3x3_4ch_64px", "matmul_4x36x4096", "batchnorm_4ch_64px", "maxpool_4ch_64px"
    };
    double[][] microseconds = new double[kinds.length][rounds];
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.create(new float[] {1f});
      NDArray b = manager.create(new float[] {1e-7f});
      NDArray image = manager.randomUniform(0, 1, new Shape(1, 4, 64, 64));
      NDArray kernel = manager.randomNormal(new Shape(4, 4, 3, 3));
      NDArray bias = manager.zeros(new Shape(4));
      NDArray filters = manager.randomNormal(new Shape(4, 36)); // the first layer's im2col product: (4, 36) × (36, 64²)
      NDArray columns = manager.randomNormal(new Shape(36, 64 * 64));
      NDArray mean = manager.zeros(new Shape(4));
      NDArray variance = manager.ones(new Shape(4));
      NDArray gamma = manager.ones(new Shape(4));
      for (int round = -3; round < rounds; round++) { // three rounds of warm-up for the JIT
        for (int k = 0; k < kinds.length; k++) {
          int ops = k >= 3 ? n / 20 : n;
          long start = System.nanoTime();
          try (NDManager scope = manager.newSubManager()) {
            NDArray x = a.duplicate();
            x.attach(scope);
            for (int i = 0; i < ops; i++) {
              switch (k) {
                case 0 -> x.add(b).close();
                case 1 -> x.addi(b);
                case 2 -> x.add(1e-7f).close();
                case 3 -> Conv2d.conv2d(image, kernel, bias, new Shape(1, 1), new Shape(1, 1)).close();
                case 4 -> filters.matMul(columns).close();
                case 5 -> image.getNDArrayInternal()
                    .batchNorm(image, mean, variance, gamma, bias, -1, 0.9f, 1e-5f, true).close();
                default -> Pool.maxPool2d(image, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false).close();
              }
            }
          }
          if (round >= 0) {
            microseconds[k][round] = (System.nanoTime() - start) / 1e3 / ops;
          }
        }
      }
    }
    StringBuilder json = new StringBuilder("{\"impl\": \"unet4j\", \"n\": " + n);
    for (int k = 0; k < kinds.length; k++) {
      double[] sorted = microseconds[k].clone();
      Arrays.sort(sorted);
      json.append(String.format(Locale.ROOT, ", \"%s_us\": %.2f", kinds[k], sorted[rounds / 2]));
    }
    System.out.println(json.append('}'));
  }
}
