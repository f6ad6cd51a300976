package org.unet4j.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.unet4j.train.TrainingListener;

/**
 * Shows training progress: a progress bar with ETA, loss and the last validation score on a terminal, and plain
 * log lines otherwise (CI logs, files). Records the curves for {@link #curve()}.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {

  private final ProgressBar bar;
  private final boolean terminal;
  private final long total;
  private final long validateEvery;
  private final LongToDoubleFunction validation;
  private final List<Integer> iterations = new ArrayList<>();
  private final List<Double> losses = new ArrayList<>();
  private final List<Integer> validationIterations = new ArrayList<>();
  private final List<Double> validationScores = new ArrayList<>();
  private double lastValidation = Double.NaN;
  private final long startNanos = System.nanoTime();

  /**
   * @param task name shown before the bar
   * @param total iterations
   * @param validateEvery run {@code validation} every so many iterations (and at the end); 0 = never
   * @param validation IoU after the given iteration
   */
  TrainingProgress(String task, long total, long validateEvery, LongToDoubleFunction validation) {
    this.total = total;
    this.validateEvery = validateEvery;
    this.validation = validation;
    this.terminal = System.console() != null;
    this.bar =
        terminal
            ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).showSpeed().build()
            : null;
  }

  @Override
  public void onIteration(long iteration, double loss, double learningRate) {
    iterations.add((int) iteration + 1);
    losses.add(loss);
    boolean last = iteration + 1 == total;
    if (validateEvery > 0 && ((iteration + 1) % validateEvery == 0 || last)) {
      lastValidation = validation.applyAsDouble(iteration);
      validationIterations.add((int) iteration + 1);
      validationScores.add(lastValidation);
    }
    String message = String.format("loss %.4f  val IoU %s", loss, Double.isNaN(lastValidation) ? "–" : String.format("%.3f", lastValidation));
    if (terminal) {
      bar.step();
      bar.setExtraMessage(message);
    } else if ((iteration + 1) % Math.max(1, total / 20) == 0 || last) {
      double elapsed = (System.nanoTime() - startNanos) / 1e9;
      double eta = elapsed / (iteration + 1) * (total - iteration - 1);
      System.err.printf("train %d/%d  %s  elapsed %.0f s  ETA %.0f s%n", iteration + 1, total, message, elapsed, eta);
    }
  }

  /** The loss of the last iteration (NaN before the first). */
  double lastLoss() {
    return losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
  }

  /** The loss and validation curves as a picture. */
  BufferedImage curve() {
    return CurvePlot.render(iterations, losses, validationIterations, validationScores);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
