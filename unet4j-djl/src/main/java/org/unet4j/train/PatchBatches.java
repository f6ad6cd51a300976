package org.unet4j.train;

import java.util.ArrayList;
import java.util.List;
import org.unet4j.core.augment.PatchQueue;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.TrainingPatch;

/**
 * Batches of augmented patches drawn on background threads: batch {@code i} holds patches {@code i·B … i·B + B − 1}
 * of the sampler's sequence for {@code seed}, so the data is the same whatever the thread count and a resumed run
 * continues the same sequence.
 */
public final class PatchBatches implements PatchSource, AutoCloseable {

  private final PatchSampler sampler;
  private final long seed;
  private final int batchSize;
  private final int workerThreads;
  private PatchQueue queue;

  /**
   * Prepares the batches; threads start on the first request.
   *
   * @param sampler draws patch {@code k} of a seed's sequence
   * @param seed the data seed
   * @param batchSize patches per batch
   * @param workerThreads loader threads (≥ 1)
   */
  public PatchBatches(PatchSampler sampler, long seed, int batchSize, int workerThreads) {
    if (batchSize < 1 || workerThreads < 1) {
      throw new IllegalArgumentException(
          "batch size " + batchSize + " and worker threads " + workerThreads + " must both be at least 1");
    }
    this.sampler = sampler;
    this.seed = seed;
    this.batchSize = batchSize;
    this.workerThreads = workerThreads;
  }

  @Override
  public TrainingBatch batch(long iteration) throws InterruptedException {
    long first = iteration * batchSize;
    if (queue == null || queue.nextIndex() != first) {
      close();
      queue = new PatchQueue(i -> sampler.sample(seed, i), first, workerThreads, 2 * batchSize + workerThreads);
    }
    List<TrainingPatch> patches = new ArrayList<>(batchSize);
    for (int b = 0; b < batchSize; b++) {
      patches.add(queue.take());
    }
    return toBatch(patches);
  }

  /** Stacks patches of equal size into one batch. */
  public static TrainingBatch toBatch(List<TrainingPatch> patches) {
    TrainingPatch first = patches.get(0);
    int channels = first.image().channels();
    int inputHeight = first.image().height();
    int inputWidth = first.image().width();
    int outputHeight = first.mask().height();
    int outputWidth = first.mask().width();
    int inputSize = channels * inputHeight * inputWidth;
    int outputSize = outputHeight * outputWidth;
    float[] images = new float[patches.size() * inputSize];
    long[] labels = new long[patches.size() * outputSize];
    float[] weights = new float[patches.size() * outputSize];
    for (int b = 0; b < patches.size(); b++) {
      TrainingPatch patch = patches.get(b);
      System.arraycopy(patch.image().data(), 0, images, b * inputSize, inputSize);
      int[] mask = patch.mask().data();
      for (int i = 0; i < outputSize; i++) {
        labels[b * outputSize + i] = mask[i];
      }
      System.arraycopy(patch.weights().data(), 0, weights, b * outputSize, outputSize);
    }
    return new TrainingBatch(
        patches.size(), channels, inputHeight, inputWidth, outputHeight, outputWidth, images, labels, weights);
  }

  @Override
  public void close() {
    if (queue != null) {
      queue.close();
      queue = null;
    }
  }
}
