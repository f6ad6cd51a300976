import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.unet4j.core.augment.AugmentationSpec;
import org.unet4j.core.augment.DisplacementField;
import org.unet4j.core.augment.ElasticDeformation;
import org.unet4j.core.augment.IntensityJitter;
import org.unet4j.core.augment.Interpolation;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.SpatialTransform;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.BorderWeightMap;
import org.unet4j.core.weights.ClassBalance;
import org.unet4j.core.weights.ClassBalanceWeights;
import org.unet4j.core.weights.SeparationBorders;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.io.Normalization;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;

/**
 * The data pipeline's per-tile costs on one thread (a timing harness, not a test; run by {@code bench/data/run.sh}
 * beside {@code data_bench.py}, which does the same work with SciPy/scikit-image).
 *
 * <p>The tile: 512×512 px, 60 touching disc-like cells (instance labels, 16-bit) and a 16-bit grey image of them.
 * It is written to {@code DIR/tile-*.tif} so that the Python side works on identical input, with this side's weight
 * map for the cross-check.
 *
 * <p>Usage: {@code java -cp … DataBench DIR [reps]}; prints one JSON line per case: median wall ms per tile.
 */
public final class DataBench {
  static final int SIZE = 512;
  static final int INPUT_PX = 572;
  static final int OUTPUT_PX = 388;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    LabelImage instances = touchingCells(SIZE, SIZE, 6, 10, 0.63 * SIZE / 10, 42);
    FloatImage raw = microscopyImage(instances, 7);
    writeInputs(dir, instances, raw);

    // elastic deformation: 3×3 grid σ = 10 px → dense bicubic field → bicubic resampling (mirror borders)
    ElasticDeformation elastic = ElasticDeformation.paper();
    SplittableRandom fieldRng = new SplittableRandom(1);
    FloatImage normalized = Normalization.percentile().apply(raw);
    time("elastic", reps, () -> {
      DisplacementField field = elastic.sample(fieldRng, SIZE, SIZE);
      return SpatialTransform.identity(SIZE, SIZE).withDisplacement(field).apply(normalized, Interpolation.CUBIC);
    });

    // weight map: w_c (background-relative class balance) + border term, exact d1/d2 — what the Python recipes do
    BorderWeightMap border = BorderWeightMap.paperDefaults();
    ClassBalanceWeights balance = new ClassBalanceWeights(ClassBalance.BACKGROUND_ONE, 2);
    time("weights", reps, () -> border.compute(instances, balance.pixelWeights(instances.foreground())));
    // the paper's full recipe here: touching cells separated first (no Python peer)
    WeightMaps withSeparation = WeightMaps.paperDefaults();
    time("weights+separation", reps, () -> withSeparation.fromInstances(instances));

    // the full sample: normalise the in-memory 16-bit image, weights, augmented 572→388 patch
    WeightMaps noSeparation = new WeightMaps(border, ClassBalance.BACKGROUND_ONE, Optional.empty());
    long[] index = {0};
    // what a training step draws: an augmented patch of a sample prepared once (training computes the normalised
    // image and the weight map once per image, in DataSelection, and PatchSampler only draws patches)
    WeightedMask prepared = noSeparation.fromInstances(instances);
    PatchSampler trainingSampler = new PatchSampler(
        List.of(new TrainingSample(normalized, prepared.classMask(), prepared.weights())), INPUT_PX, OUTPUT_PX,
        AugmentationSpec.defaults(), IntensityJitter.defaults());
    time("patch", reps, () -> trainingSampler.sample(5, index[0]++));
    time("pipeline", reps, () -> {
      FloatImage image = Normalization.percentile().apply(raw);
      WeightedMask target = noSeparation.fromInstances(instances);
      TrainingSample sample = new TrainingSample(image, target.classMask(), target.weights());
      PatchSampler sampler = new PatchSampler(List.of(sample), INPUT_PX, OUTPUT_PX, AugmentationSpec.defaults(),
          IntensityJitter.defaults());
      return sampler.sample(5, index[0]++);
    });
  }

  /** The cross-check inputs and outputs for data_bench.py (same tile, this side's results). */
  static void writeInputs(Path dir, LabelImage instances, FloatImage raw) throws IOException {
    TiffImages.writeLabels(dir.resolve("tile-labels.tif"), instances, TiffCompression.NONE);
    TiffImages.write(dir.resolve("tile-image.tif"), new RawImage(raw, SampleType.UINT16), TiffCompression.NONE);
    ClassBalanceWeights balance = new ClassBalanceWeights(ClassBalance.BACKGROUND_ONE, 2);
    TiffImages.writeFloat(dir.resolve("tile-weights-java.tif"),
        BorderWeightMap.paperDefaults().compute(instances, balance.pixelWeights(instances.foreground())),
        TiffCompression.NONE);
  }

  /** Warms up, then prints the median and minimum wall time and the median thread CPU time of {@code reps} runs. */
  static void time(String name, int reps, Supplier<Object> task) {
    Object sink = null;
    long warmupEnd = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < warmupEnd) {
      sink = task.get();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[reps];
    double[] cpu = new double[reps];
    for (int i = 0; i < reps; i++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      sink = task.get();
      wall[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "{\"side\": \"java\", \"case\": \"%s\", \"median_ms\": %.3f, \"min_ms\": %.3f, "
        + "\"cpu_median_ms\": %.3f, \"reps\": %d}%n", name, wall[reps / 2], wall[0], cpu[reps / 2], reps);
    if (sink == null) {
      throw new IllegalStateException();
    }
  }

  /**
   * Disc-like cells on a jittered grid: a pixel belongs to the nearest seed within {@code radiusPx}, so neighbours
   * touch along straight contact lines (the generator of the core tests' TouchingCells).
   */
  static LabelImage touchingCells(int height, int width, int rows, int columns, double radiusPx, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int count = rows * columns;
    double[] cy = new double[count];
    double[] cx = new double[count];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int k = r * columns + c;
        cy[k] = (r + 0.5) * height / rows + (random.nextDouble() - 0.5) * 0.3 * height / rows;
        cx[k] = (c + 0.5) * width / columns + (random.nextDouble() - 0.5) * 0.3 * width / columns;
      }
    }
    int[] labels = new int[height * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double best = radiusPx * radiusPx;
        for (int k = 0; k < count; k++) {
          double d = (y - cy[k]) * (y - cy[k]) + (x - cx[k]) * (x - cx[k]);
          if (d <= best) {
            best = d;
            labels[y * width + x] = k + 1;
          }
        }
      }
    }
    return new LabelImage(height, width, labels);
  }

  /** A 16-bit camera-like image of the cells: background ~800, cells ~2000–3600, Gaussian noise σ = 120. */
  static FloatImage microscopyImage(LabelImage instances, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[instances.data().length];
    for (int i = 0; i < v.length; i++) {
      int label = instances.data()[i];
      double mean = label == 0 ? 800 : 2000 + 400 * (label % 5);
      v[i] = (float) Math.max(0, Math.min(65_535, Math.rint(mean + 120 * random.nextGaussian())));
    }
    return new FloatImage(1, instances.height(), instances.width(), v);
  }
}
