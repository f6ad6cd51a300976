package org.unet4j.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.unet4j.train.TrainingListener;

/**
 * Shows training progress: on a terminal a progress bar with ETA, the loss and the last validation score; elsewhere
 * (CI logs, redirected output) a plain line every 5 % of the run.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {

  private final ProgressBar bar;
  private final long total;
  private final long first;
  private final long startNanos = System.nanoTime();
  private double lastValidation = Double.NaN;
  private double smoothedLoss = Double.NaN;

  /**
   * @param task name shown before the bar
   * @param total iterations of the whole run
   * @param first the iteration this session starts at (non-zero when resuming)
   */
  TrainingProgress(String task, long total, long first) {
    this.total = total;
    this.first = first;
    this.bar =
        System.console() != null
            ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(first, java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build()
            : null;
  }

  /** The latest validation score, shown from now on. */
  void showValidation(double score) {
    lastValidation = score;
  }

  @Override
  public void onIteration(long iteration, double loss, double learningRate) {
    // An exponential average: single-batch losses jump too much to read.
    smoothedLoss = Double.isNaN(smoothedLoss) ? loss : 0.9 * smoothedLoss + 0.1 * loss;
    String message =
        String.format(
            "loss %.4f  val IoU %s", smoothedLoss,
            Double.isNaN(lastValidation) ? "–" : String.format("%.3f", lastValidation));
    boolean last = iteration + 1 == total;
    if (bar != null) {
      bar.stepTo(iteration + 1);
      bar.setExtraMessage(message);
    } else if ((iteration + 1) % Math.max(1, total / 20) == 0 || last) {
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      long done = iteration + 1 - first;
      double eta = elapsed / Math.max(1, done) * (total - iteration - 1);
      System.err.printf(
          "train %d/%d  %s  elapsed %.0f s  ETA %.0f s%n", iteration + 1, total, message, elapsed, eta);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
