package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;
import org.unet4j.infer.ClassDecision;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.dataset.MaskMode;

/**
 * One truth/prediction pair in memory, in every form the metric groups need.
 *
 * @param name for reports
 * @param image the input image for the figure (raw values), or {@code null}
 * @param truthClasses class per pixel (instance truth: 1 on objects)
 * @param truthInstances object labels (class truth: its 4-connected foreground components)
 * @param truthIsInstances whether the truth file held instance labels
 * @param probabilities the predicted class probabilities K×H×W (K = 1: foreground probability), or {@code null} for
 *     a label prediction
 * @param predictedClasses class per pixel (argmax of the probabilities; instance predictions: 1 on objects)
 * @param predictedInstances object labels (class predictions: 4-connected foreground components)
 */
record EvaluationImage(
    String name, FloatImage image, LabelImage truthClasses, LabelImage truthInstances, boolean truthIsInstances,
    FloatImage probabilities, LabelImage predictedClasses, LabelImage predictedInstances) {

  /** Tolerance for probabilities stored slightly outside [0, 1] by float rounding. */
  private static final float PROBABILITY_SLACK = 1e-5f;

  /** The truth of a mask file page, read with {@code mode} (see {@link MaskMode}). */
  record Truth(LabelImage classes, LabelImage instances, boolean isInstances) {

    static Truth read(Path mask, int page, MaskMode mode, boolean invert) throws IOException {
      LabelImage raw = MicroscopyImages.readLabels(mask, page);
      return of(raw, mode.resolve(raw, MicroscopyImages.sampleType(mask, page)), invert, mask);
    }

    static Truth of(LabelImage raw, MaskMode resolved, boolean invert, Path file) throws IOException {
      return ofInterpreted(resolved.interpret(raw, invert, 0, file), resolved == MaskMode.INSTANCES);
    }

    /** From labels already interpreted by a mask mode. */
    static Truth ofInterpreted(LabelImage labels, boolean instances) {
      return instances ? new Truth(labels.foreground(), labels, true) : new Truth(labels, components(labels), false);
    }
  }

  /** Pairs truth and prediction, checking sizes. */
  static EvaluationImage of(String name, FloatImage image, Truth truth, Prediction prediction, Path predictionFile) {
    LabelImage t = truth.classes();
    LabelImage p = prediction.classes();
    if (t.height() != p.height() || t.width() != p.width()) {
      throw new IllegalArgumentException(
          "prediction " + predictionFile + " is " + p.height() + "×" + p.width() + " but the truth of " + name + " is "
              + t.height() + "×" + t.width() + " (H×W); predictions must have the size of their images");
    }
    return new EvaluationImage(
        name, image, truth.classes(), truth.instances(), truth.isInstances(), prediction.probabilities(),
        prediction.classes(), prediction.instances());
  }

  /** The foreground (interior) probability: channel 0 of a 1-channel map, else channel 1 (class 1). */
  FloatImage foregroundProbability() {
    return probabilities.channels() == 1 ? probabilities : probabilities.channel(1);
  }

  /** A prediction in every form. */
  record Prediction(FloatImage probabilities, LabelImage classes, LabelImage instances) {

    /** From class probabilities (argmax; a single channel is thresholded at 0.5). */
    static Prediction ofProbabilities(FloatImage probabilities, String source) {
      checkProbabilities(probabilities, source);
      LabelImage classes = ClassDecision.argmax(probabilities);
      return new Prediction(probabilities, classes, components(classes));
    }

    /**
     * Reads page {@code page} (or, for {@code page = −1}, the whole file) of a prediction: float files are
     * probabilities (a multipage float file read whole holds one class per page), integer files are labels read
     * with {@code mode}.
     */
    static Prediction read(Path file, int page, MaskMode mode) throws IOException {
      int first = Math.max(page, 0);
      SampleType type = MicroscopyImages.sampleType(file, first);
      if (type.isInteger()) {
        LabelImage raw = MicroscopyImages.readLabels(file, first);
        MaskMode resolved = mode.resolve(raw, type);
        LabelImage labels = resolved.interpret(raw, false, 0, file);
        if (resolved == MaskMode.INSTANCES) {
          return new Prediction(null, labels.foreground(), labels);
        }
        return new Prediction(null, labels, components(labels));
      }
      int pages = page >= 0 ? 1 : MicroscopyImages.pageCount(file);
      FloatImage probabilities;
      if (pages == 1) {
        probabilities = MicroscopyImages.read(file, first).pixels();
      } else {
        RawImage firstPage = MicroscopyImages.read(file, 0);
        int plane = firstPage.height() * firstPage.width();
        float[] data = new float[pages * plane];
        for (int c = 0; c < pages; c++) {
          RawImage classPage = c == 0 ? firstPage : MicroscopyImages.read(file, c);
          if (classPage.height() != firstPage.height() || classPage.width() != firstPage.width()) {
            throw new IllegalArgumentException(
                "prediction " + file + ": page " + c + " is " + classPage.height() + "×" + classPage.width()
                    + " but page 0 is " + firstPage.height() + "×" + firstPage.width() + "; class pages must match");
          }
          System.arraycopy(classPage.pixels().data(), 0, data, c * plane, plane);
        }
        probabilities = new FloatImage(pages, firstPage.height(), firstPage.width(), data);
      }
      return ofProbabilities(probabilities, file.toString());
    }
  }

  private static void checkProbabilities(FloatImage probabilities, String source) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : probabilities.data()) {
      if (Float.isNaN(v)) {
        throw new IllegalArgumentException(
            "prediction " + source + " contains NaN; a float prediction is read as probabilities in [0, 1]");
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min < -PROBABILITY_SLACK || max > 1 + PROBABILITY_SLACK) {
      throw new IllegalArgumentException(
          "prediction " + source + " has values from " + min + " to " + max + "; a float prediction is read as"
              + " probabilities in [0, 1]: save class labels as an integer TIFF/PNG instead, or rescale the map");
    }
  }

  private static LabelImage components(LabelImage classes) {
    return ConnectedComponents.label(classes.foreground(), Connectivity.FOUR);
  }
}
