package org.unet4j.infer;

import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/** Turns class probabilities into a label per pixel. */
public final class ClassDecision {
  private ClassDecision() {}

  /**
   * The most probable class per pixel (ties go to the lower class index). A single-channel probability map is read
   * as foreground probability and thresholded at 0.5.
   */
  public static LabelImage argmax(FloatImage probabilities) {
    if (probabilities.channels() == 1) {
      return threshold(probabilities, 0.5f);
    }
    int plane = probabilities.planeSize();
    int[] labels = new int[plane];
    float[] p = probabilities.data();
    for (int i = 0; i < plane; i++) {
      int best = 0;
      float bestValue = p[i];
      for (int k = 1; k < probabilities.channels(); k++) {
        float value = p[k * plane + i];
        if (value > bestValue) {
          bestValue = value;
          best = k;
        }
      }
      labels[i] = best;
    }
    return new LabelImage(probabilities.height(), probabilities.width(), labels);
  }

  /**
   * Foreground where the foreground probability is at least {@code threshold}: channel 0 of a single-channel map,
   * otherwise channel 1 (class 1 = foreground).
   */
  public static LabelImage threshold(FloatImage probabilities, float threshold) {
    int plane = probabilities.planeSize();
    int offset = probabilities.channels() == 1 ? 0 : plane;
    int[] labels = new int[plane];
    for (int i = 0; i < plane; i++) {
      labels[i] = probabilities.data()[offset + i] >= threshold ? 1 : 0;
    }
    return new LabelImage(probabilities.height(), probabilities.width(), labels);
  }
}
