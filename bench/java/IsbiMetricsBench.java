package org.unet4j.core.metrics;

import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * Timing harness (not a test): ISBI 2012 metrics on one 512×512 slice. The truth is slice 0 of the ISBI training
 * labels; the "prediction" is slice 1's labels blurred into a probability map (a hard case: neighbouring slices
 * differ in many splits and mergers), or slice 0 itself blurred (an easy, near-perfect case).
 *
 * <pre>
 * mvn -B -q -o -pl unet4j-core -am test-compile
 * cd unet4j-core
 * javac -d target/bench -cp target/classes ../bench/java/IsbiMetricsBench.java
 * java -cp target/bench:target/classes org.unet4j.core.metrics.IsbiMetricsBench /work/shared/data/isbi2012/train/masks
 * </pre>
 */
public final class IsbiMetricsBench {

  public static void main(String[] args) throws Exception {
    String dir = args.length > 0 ? args[0] : "/work/shared/data/isbi2012/train/masks";
    LabelImage truth = read(new File(dir, "0.png"));
    FloatImage hard = blurred(read(new File(dir, "1.png")), 2);
    FloatImage easy = blurred(truth, 2);
    for (String name : new String[] {"hard (slice 1 vs 0)", "easy (slice 0 blurred)"}) {
      FloatImage p = name.startsWith("hard") ? hard : easy;
      WarpingCounts counts = WarpingError.warp(truth, p, 0.5).counts();
      System.out.printf(
          "%s: warping mismatches %d, split px %d, merge px %d, splits %d, mergers %d%n", name,
          counts.mismatchPixels(), counts.splitPixels(), counts.mergePixels(), counts.splits(), counts.mergers());
      time(name + " WarpingError.warp t=0.5", 3, 15, () -> WarpingError.warp(truth, p, 0.5));
      LabelImage segments = ConnectedComponentsOfTruth.of(truth);
      time(name + " V_rand t=0.5 (thin + table)", 5, 30, () -> RandCounts.foregroundRestricted(
          ContingencyTable.ofTruthForeground(segments, MembraneSegments.thinned(p, 0.5))).vRand());
      time(name + " IsbiEvaluation challenge (11+10 thr)", 1, 3,
          () -> new IsbiEvaluation(IsbiProtocol.challenge()).add(truth, p).scores());
      time(name + " IsbiEvaluation no warping (11 thr)", 1, 5,
          () -> new IsbiEvaluation(IsbiProtocol.challenge().withoutWarping()).add(truth, p).scores());
    }
  }

  /** Truth segments as the evaluation builds them. */
  private static final class ConnectedComponentsOfTruth {
    static LabelImage of(LabelImage truth) {
      return org.unet4j.core.weights.ConnectedComponents.label(
          truth.foreground(), org.unet4j.core.weights.Connectivity.FOUR);
    }
  }

  private static LabelImage read(File file) throws Exception {
    BufferedImage image = ImageIO.read(file);
    int[] data = new int[image.getWidth() * image.getHeight()];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        data[y * image.getWidth() + x] = (image.getRGB(x, y) & 0xff) > 127 ? 1 : 0;
      }
    }
    return new LabelImage(image.getHeight(), image.getWidth(), data);
  }

  /** A box blur of the binary mask: a probability map with soft membranes. */
  private static FloatImage blurred(LabelImage mask, int radius) {
    int h = mask.height();
    int w = mask.width();
    float[] out = new float[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sum = 0;
        int n = 0;
        for (int dy = -radius; dy <= radius; dy++) {
          for (int dx = -radius; dx <= radius; dx++) {
            int yy = Math.min(h - 1, Math.max(0, y + dy));
            int xx = Math.min(w - 1, Math.max(0, x + dx));
            sum += mask.get(yy, xx);
            n++;
          }
        }
        out[y * w + x] = (float) sum / n;
      }
    }
    return new FloatImage(1, h, w, out);
  }

  private static void time(String name, int warmup, int runs, Runnable task) {
    for (int i = 0; i < warmup; i++) {
      task.run();
    }
    double[] ms = new double[runs];
    double[] cpuMs = new double[runs];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      task.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpuMs);
    System.out.printf(
        "%-52s wall median %8.1f ms (min %8.1f) | thread CPU median %8.1f ms%n", name, ms[runs / 2], ms[0],
        cpuMs[runs / 2]);
  }
}
