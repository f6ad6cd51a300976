package org.unet4j.train;

/**
 * Supplies training batches. Batch {@code i} must depend only on the source's seed and {@code i}, so a resumed or
 * re-threaded run sees the same data.
 */
@FunctionalInterface
public interface PatchSource {

  /** The batch for iteration {@code iteration} (0-based). */
  TrainingBatch batch(long iteration) throws InterruptedException;
}
