package org.unet4j.core.metrics;

/**
 * Pixel scores derived from one confusion matrix (one image, or a pooled dataset): IoU and Dice per class, the mean
 * over the foreground classes 1…K−1, and the pixel error. Empty-set rule: a class absent from truth and prediction
 * has NaN IoU and Dice (see {@link ConfusionCounts#iou}); the foreground means skip NaN classes and are NaN only
 * when every foreground class is NaN.
 *
 * @param iou IoU of classes 0…K−1
 * @param dice Dice of classes 0…K−1
 * @param foregroundIou mean IoU of classes 1…K−1
 * @param foregroundDice mean Dice of classes 1…K−1
 * @param pixelError fraction of wrongly classified pixels
 */
public record PixelScores(double[] iou, double[] dice, double foregroundIou, double foregroundDice, double pixelError) {

  /** The scores of {@code counts}. */
  public static PixelScores of(ConfusionCounts counts) {
    int k = counts.numClasses();
    double[] iou = new double[k];
    double[] dice = new double[k];
    for (int c = 0; c < k; c++) {
      iou[c] = counts.iou(c);
      dice[c] = counts.dice(c);
    }
    return new PixelScores(iou, dice, meanFrom1(iou), meanFrom1(dice), counts.pixelError());
  }

  private static double meanFrom1(double[] values) {
    double sum = 0;
    int n = 0;
    for (int c = 1; c < values.length; c++) {
      if (!Double.isNaN(values[c])) {
        sum += values[c];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
