package org.unet4j.core.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A background loader: worker threads produce patches {@code 0, 1, 2, …} (patch {@code i} = {@code producer(i)})
 * into a bounded queue, and {@link #take()} returns them <em>in index order</em>, so the sequence is identical for
 * any number of workers as long as {@code producer} is a pure function of the index (as
 * {@link PatchSampler#sample(long, long)} is).
 *
 * <p>Workers claim indices, compute patches concurrently, then hand them over strictly in order; memory is bounded
 * by {@code capacity} queued patches plus one in-flight patch per worker.
 *
 * <p>Errors: if {@code producer} throws for index {@code i}, {@link #take()} returns patches {@code 0 … i−1} and
 * then throws an {@link IllegalStateException} naming {@code i} with the worker's exception as cause (and keeps
 * throwing it); the workers stop. {@link #close()} stops the workers and discards queued patches; it is safe to
 * call twice.
 *
 * <p>{@link #take()} is meant for one consumer thread.
 */
public final class PatchQueue implements AutoCloseable {

  private final LongFunction<TrainingPatch> producer;
  private final BlockingQueue<Entry> queue;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong nextIndex;
  private final Object turn = new Object();
  private long nextToPublish; // guarded by turn
  private volatile boolean closed; // consumer side: take() refuses
  private volatile boolean stopWorkers; // set by close() and after a failure was handed over
  private IllegalStateException failure; // consumer side, sticky
  private long nextToTake;

  /**
   * Starts {@code workerThreads} daemon threads producing {@code producer(firstIndex)},
   * {@code producer(firstIndex + 1)}, ….
   *
   * @param producer patch for an index; must be thread-safe
   * @param firstIndex index of the first patch (e.g. to resume after {@code n} patches)
   * @param workerThreads ≥ 1
   * @param capacity queued finished patches (≥ 1)
   */
  public PatchQueue(LongFunction<TrainingPatch> producer, long firstIndex, int workerThreads, int capacity) {
    if (producer == null) {
      throw new IllegalArgumentException("producer must not be null");
    }
    if (workerThreads < 1 || capacity < 1) {
      throw new IllegalArgumentException(
          "need at least 1 worker thread and a capacity of at least 1, got " + workerThreads + " threads, capacity "
              + capacity);
    }
    this.producer = producer;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.nextIndex = new AtomicLong(firstIndex);
    this.nextToPublish = firstIndex;
    this.nextToTake = firstIndex;
    for (int k = 0; k < workerThreads; k++) {
      Thread t = new Thread(this::work, "unet4j-patch-worker-" + k);
      t.setDaemon(true); // a forgotten queue must not keep the JVM alive
      workers.add(t);
    }
    workers.forEach(Thread::start);
  }

  /** Patches {@code sampler.sample(seed, 0)}, {@code sampler.sample(seed, 1)}, … on {@code workerThreads} threads. */
  public static PatchQueue of(PatchSampler sampler, long seed, int workerThreads, int capacity) {
    return new PatchQueue(i -> sampler.sample(seed, i), 0, workerThreads, capacity);
  }

  /**
   * The next patch in index order, waiting for it if needed.
   *
   * @throws IllegalStateException if producing it failed (cause = the worker's exception) or the queue is closed
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public TrainingPatch take() throws InterruptedException {
    if (failure != null) {
      throw failure;
    }
    if (closed) {
      throw new IllegalStateException("patch queue is closed");
    }
    Entry e = queue.take();
    if (e.failure != null) {
      failure = new IllegalStateException("producing patch " + e.index + " failed: " + e.failure, e.failure);
      close();
      throw failure;
    }
    nextToTake = e.index + 1;
    return e.patch;
  }

  /** Index of the patch the next {@link #take()} returns. */
  public long nextIndex() {
    return nextToTake;
  }

  /** Stops the workers (interrupting them) and discards queued patches. */
  @Override
  public void close() {
    closed = true;
    stopWorkers = true;
    for (Thread t : workers) {
      t.interrupt();
    }
    synchronized (turn) {
      turn.notifyAll();
    }
    queue.clear();
  }

  private void work() {
    while (!stopWorkers) {
      long i = nextIndex.getAndIncrement();
      Entry e;
      try {
        e = new Entry(i, producer.apply(i), null);
      } catch (Throwable ex) { // every failure must reach the consumer, or take() would wait forever
        e = new Entry(i, null, ex);
      }
      try {
        synchronized (turn) {
          while (nextToPublish != i && !stopWorkers) {
            turn.wait();
          }
        }
        if (stopWorkers) {
          return;
        }
        queue.put(e); // only the worker holding the turn puts, so the queue stays in index order
        synchronized (turn) {
          nextToPublish++;
          turn.notifyAll();
        }
      } catch (InterruptedException ex) {
        return; // close() interrupts to stop us
      }
      if (e.failure != null) {
        stopWorkers = true; // later patches would never be taken
        synchronized (turn) {
          turn.notifyAll();
        }
        return;
      }
    }
  }

  private record Entry(long index, TrainingPatch patch, Throwable failure) {}
}
