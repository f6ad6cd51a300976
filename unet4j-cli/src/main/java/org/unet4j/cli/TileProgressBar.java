package org.unet4j.cli;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.unet4j.core.tiling.TileProgress;

/**
 * Shows prediction progress over the tiles of one image, titled with the image's place among all inputs: a progress
 * bar with ETA on a terminal, nothing elsewhere (the command prints one summary line per image).
 */
final class TileProgressBar implements TileProgress, AutoCloseable {
  private final String task;
  private ProgressBar bar;

  /**
   * @param index 1-based position of the image among the inputs
   * @param count number of inputs
   * @param name the image's name
   */
  TileProgressBar(int index, int count, String name) {
    this.task = "[" + index + "/" + count + "] " + name;
  }

  @Override
  public void tilesDone(int done, int total) {
    if (System.console() == null) {
      return;
    }
    if (bar == null) {
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(0, Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" tiles", 1).build();
    }
    bar.stepTo(done);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
