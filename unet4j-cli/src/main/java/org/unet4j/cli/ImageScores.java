package org.unet4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.metrics.InstanceMatching;
import org.unet4j.core.metrics.InstanceScores;
import org.unet4j.core.metrics.IsbiEvaluation;
import org.unet4j.core.metrics.IsbiProtocol;
import org.unet4j.core.metrics.IsbiScores;
import org.unet4j.core.metrics.PixelScores;

/**
 * The sufficient statistics of one evaluated image, per metric group ({@code null} for groups not computed), and
 * its row of the per-image CSV.
 *
 * @param name image name
 * @param heightPx rows
 * @param widthPx columns
 * @param pixel confusion counts
 * @param isbi the slice's ISBI evaluation
 * @param instance instance scores at {@link InstanceMatching#AP_THRESHOLDS}
 */
record ImageScores(
    String name, int heightPx, int widthPx, ConfusionCounts pixel, IsbiEvaluation isbi, InstanceScores instance) {

  /** Scores {@code image} for every group in {@code groups}. */
  static ImageScores of(EvaluationImage image, Set<MetricGroup> groups, int numClasses, IsbiProtocol protocol) {
    ConfusionCounts pixel = null;
    if (groups.contains(MetricGroup.PIXEL)) {
      checkClasses(image.truthClasses(), numClasses, "truth", image.name());
      checkClasses(image.predictedClasses(), numClasses, "prediction", image.name());
      pixel = ConfusionCounts.of(image.truthClasses(), image.predictedClasses(), numClasses);
    }
    IsbiEvaluation isbi = null;
    if (groups.contains(MetricGroup.ISBI)) {
      FloatImage interior = image.probabilities() != null ? image.foregroundProbability()
          : binary(image.predictedClasses());
      isbi = new IsbiEvaluation(protocol).add(image.truthClasses(), interior);
    }
    InstanceScores instance = groups.contains(MetricGroup.INSTANCE)
        ? InstanceMatching.evaluate(image.truthInstances(), image.predictedInstances()) : null;
    return new ImageScores(
        image.name(), image.truthClasses().height(), image.truthClasses().width(), pixel, isbi, instance);
  }

  private static FloatImage binary(LabelImage classes) {
    float[] p = new float[classes.data().length];
    for (int i = 0; i < p.length; i++) {
      p[i] = classes.data()[i] != 0 ? 1f : 0f;
    }
    return new FloatImage(1, classes.height(), classes.width(), p);
  }

  private static void checkClasses(LabelImage labels, int numClasses, String which, String name) {
    int max = labels.maxLabel();
    if (max >= numClasses) {
      throw new IllegalArgumentException(
          which + " of " + name + " has class " + max + " but --classes is " + numClasses + "; raise --classes to "
              + (max + 1) + " or check the mask mode");
    }
  }

  /** CSV header for the groups computed. */
  static String header(Set<MetricGroup> groups) {
    List<String> columns = new ArrayList<>(List.of("image", "height_px", "width_px"));
    if (groups.contains(MetricGroup.PIXEL)) {
      columns.addAll(List.of("iou_foreground", "dice_foreground", "pixel_error"));
    }
    if (groups.contains(MetricGroup.ISBI)) {
      columns.addAll(List.of(
          "v_rand", "v_rand_threshold", "v_info", "v_info_threshold", "rand_error", "isbi_pixel_error",
          "warping_error", "warping_threshold", "split_errors", "merger_errors"));
    }
    if (groups.contains(MetricGroup.INSTANCE)) {
      columns.addAll(List.of(
          "true_objects", "predicted_objects", "seg", "ap_50", "ap_75", "ap_50_95", "precision_50", "recall_50",
          "f1_50", "panoptic_quality_50"));
    }
    return String.join(",", columns);
  }

  /** This image's CSV row (same columns as {@link #header}). */
  String row() {
    List<String> cells = new ArrayList<>(List.of(csvText(name), Integer.toString(heightPx), Integer.toString(widthPx)));
    if (pixel != null) {
      PixelScores s = PixelScores.of(pixel);
      cells.addAll(List.of(number(s.foregroundIou()), number(s.foregroundDice()), number(s.pixelError())));
    }
    if (isbi != null) {
      IsbiScores s = isbi.scores();
      cells.addAll(List.of(
          number(s.vRand()), number(s.vRandThreshold()), number(s.vInfo()), number(s.vInfoThreshold()),
          number(s.randError()), number(s.pixelError()), number(s.warpingError()), number(s.warpingThreshold()),
          Long.toString(s.warping().splits()), Long.toString(s.warping().mergers())));
    }
    if (instance != null) {
      var at50 = instance.at(0.5);
      cells.addAll(List.of(
          Long.toString(at50.truePositives() + at50.falseNegatives()),
          Long.toString(at50.truePositives() + at50.falsePositives()), number(instance.seg().seg()),
          number(at50.averagePrecision()), number(instance.at(0.75).averagePrecision()),
          number(instance.meanAveragePrecision()), number(at50.precision()), number(at50.recall()),
          number(at50.f1()), number(at50.panopticQuality())));
    }
    return String.join(",", cells);
  }

  /** A number for CSV: empty for NaN, else 6 significant digits. */
  static String number(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
  }

  private static String csvText(String text) {
    return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
