package org.unet4j.cli;

import java.util.Locale;

/**
 * One line of a run's {@code metrics.csv}: the state of training at the end of an epoch.
 *
 * @param epoch 1-based epoch
 * @param iteration steps done at the end of the epoch
 * @param trainLoss mean training loss over the epoch's steps
 * @param valIou validation IoU (foreground; mean over foreground classes), NaN without validation data
 * @param valDice validation Dice, likewise
 * @param valPixelError validation pixel error, likewise
 * @param learningRate learning rate of the epoch's last step
 * @param elapsedSeconds wall time since the run started (summed over resumed sessions)
 * @param rssMb resident memory of the process in MiB (NaN where the OS does not say)
 */
record EpochRow(
    int epoch,
    long iteration,
    double trainLoss,
    double valIou,
    double valDice,
    double valPixelError,
    double learningRate,
    double elapsedSeconds,
    double rssMb) {

  /** The CSV header. */
  static final String HEADER =
      "epoch,iteration,train_loss,val_iou,val_dice,val_pixel_error,learning_rate,elapsed_s,rss_mb";

  /** This row as CSV (empty cells for NaN). */
  String toCsv() {
    return String.join(
        ",", Integer.toString(epoch), Long.toString(iteration), cell(trainLoss), cell(valIou), cell(valDice),
        cell(valPixelError), cell(learningRate), String.format(Locale.ROOT, "%.1f", elapsedSeconds),
        Double.isNaN(rssMb) ? "" : String.format(Locale.ROOT, "%.0f", rssMb));
  }

  /** Parses a line written by {@link #toCsv}. */
  static EpochRow parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 9) {
      throw new IllegalArgumentException("metrics.csv line has " + f.length + " fields, expected 9: " + line);
    }
    return new EpochRow(
        Integer.parseInt(f[0]), Long.parseLong(f[1]), number(f[2]), number(f[3]), number(f[4]), number(f[5]),
        number(f[6]), number(f[7]), number(f[8]));
  }

  private static String cell(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
  }

  private static double number(String text) {
    return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
  }
}
