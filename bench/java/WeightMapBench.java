package org.unet4j.core.weights;

import org.unet4j.core.image.LabelImage;

/**
 * Timing harness (not a test): border weight map on a 512×512 image with 60 touching disc-like cells.
 *
 * <pre>
 * cd unet4j-core && mvn -q -o test-compile   (from the worktree root: mvn -B -q -o -pl unet4j-core -am test-compile)
 * javac -d target/bench -cp target/classes:target/test-classes ../bench/java/WeightMapBench.java
 * java -cp target/bench:target/classes:target/test-classes org.unet4j.core.weights.WeightMapBench
 * </pre>
 */
public final class WeightMapBench {

  public static void main(String[] args) {
    // 6 × 10 seeds → 60 cells; radius 0.6 × spacing makes neighbours touch.
    LabelImage instances = TouchingCells.generate(512, 512, 6, 10, 0.6 * 512 / 10 * 1.05, 42);
    int[] sizes = ConnectedComponents.sizesPx(instances);
    int touching = 0;
    LabelImage border = new SeparationBorders(0).borderMask(instances);
    for (int v : border.data()) {
      touching += v;
    }
    System.out.printf(
        "cells %d, background %.1f%%, contact-line pixels %d%n",
        sizes.length - 1, 100.0 * sizes[0] / (512 * 512), touching);
    BorderWeightMap map = BorderWeightMap.paperDefaults();
    WeightMaps full = WeightMaps.paperDefaults();
    LabelImage separated = SeparationBorders.defaults().separate(instances);
    time("BorderWeightMap.borderTerm (touching)", () -> map.borderTerm(instances));
    time("BorderWeightMap.borderTerm (separated)", () -> map.borderTerm(separated));
    time("EuclideanDistanceTransform.squaredDistances", () -> EuclideanDistanceTransform.squaredDistances(instances));
    time("ConnectedComponents.label EIGHT", () -> ConnectedComponents.label(instances, Connectivity.EIGHT));
    time("SeparationBorders.separate", () -> SeparationBorders.defaults().separate(instances));
    time("WeightMaps.fromInstances (paper defaults)", () -> full.fromInstances(instances));
  }

  private static void time(String name, Runnable task) {
    for (int i = 0; i < 300; i++) {
      task.run();
    }
    int runs = 200;
    double[] ms = new double[runs];
    double[] cpuMs = new double[runs];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      task.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    java.util.Arrays.sort(ms);
    java.util.Arrays.sort(cpuMs);
    // Wall time suffers when other processes share the cores; thread CPU time shows the work itself.
    System.out.printf(
        "%-46s wall median %6.2f ms (min %6.2f) | thread CPU median %6.2f ms (min %6.2f)%n",
        name, ms[runs / 2], ms[0], cpuMs[runs / 2], cpuMs[0]);
  }
}
