package org.unet4j.io.figure;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * The side-by-side picture for checking a segmentation against its ground truth: image | ground truth | prediction |
 * error map, left to right with a thin white gap ({@link FigureGrid}).
 *
 * <p>Truth and prediction are drawn as masks ({@link OverlayRenderer#mask}). The error map colours every pixel by
 * agreement, with colour-blind-safe colours (Okabe–Ito):
 *
 * <pre>
 *   both background            black
 *   both foreground, same class light grey   {@link #AGREE_RGB}
 *   false positive             orange       {@link #FALSE_POSITIVE_RGB}  (prediction foreground, truth background)
 *   false negative             blue         {@link #FALSE_NEGATIVE_RGB}  (truth foreground, prediction background)
 *   both foreground, classes differ  yellow {@link #WRONG_CLASS_RGB}
 * </pre>
 *
 * Foreground is any non-zero label; with instance labels the error map compares foreground only.
 */
public final class ComparisonFigure {

  /** Correct foreground. */
  public static final int AGREE_RGB = 0xC8C8C8;

  /** Predicted foreground where the truth is background. */
  public static final int FALSE_POSITIVE_RGB = 0xE69F00;

  /** Truth foreground the prediction missed. */
  public static final int FALSE_NEGATIVE_RGB = 0x0072B2;

  /** Foreground in both but of different classes. */
  public static final int WRONG_CLASS_RGB = 0xF0E442;

  private static final int GAP_PX = 4;

  private ComparisonFigure() {}

  /**
   * The four panels side by side; without an image ({@code null}) the image panel is left out.
   *
   * @param image the input image (channel 0 drawn in grey), or {@code null}
   * @param truth class labels (or instances), 0 = background
   * @param prediction class labels (or instances), same size
   * @param instances whether labels are instance ids: the error map then ignores which non-zero value a pixel has
   * @throws IllegalArgumentException if the sizes differ
   */
  public static BufferedImage render(FloatImage image, LabelImage truth, LabelImage prediction, boolean instances) {
    checkSize(truth, prediction, "prediction");
    List<BufferedImage> panels = new ArrayList<>();
    if (image != null) {
      if (image.height() != truth.height() || image.width() != truth.width()) {
        throw new IllegalArgumentException(
            "image is " + image.height() + "×" + image.width() + " but the truth is " + truth.height() + "×"
                + truth.width() + " (H×W)");
      }
      panels.add(OverlayRenderer.grey(image));
    }
    panels.add(OverlayRenderer.mask(truth));
    panels.add(OverlayRenderer.mask(prediction));
    panels.add(errorMap(truth, prediction, instances));
    return FigureGrid.layout(panels, panels.size(), GAP_PX);
  }

  /** The error map alone (colours in the class comment). */
  public static BufferedImage errorMap(LabelImage truth, LabelImage prediction, boolean instances) {
    checkSize(truth, prediction, "prediction");
    BufferedImage picture = new BufferedImage(truth.width(), truth.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < truth.height(); y++) {
      for (int x = 0; x < truth.width(); x++) {
        picture.setRGB(x, y, colour(truth.get(y, x), prediction.get(y, x), instances));
      }
    }
    return picture;
  }

  private static int colour(int truth, int prediction, boolean instances) {
    if (truth == 0) {
      return prediction == 0 ? 0x000000 : FALSE_POSITIVE_RGB;
    }
    if (prediction == 0) {
      return FALSE_NEGATIVE_RGB;
    }
    return instances || truth == prediction ? AGREE_RGB : WRONG_CLASS_RGB;
  }

  private static void checkSize(LabelImage truth, LabelImage other, String name) {
    if (truth.height() != other.height() || truth.width() != other.width()) {
      throw new IllegalArgumentException(
          name + " is " + other.height() + "×" + other.width() + " but the truth is " + truth.height() + "×"
              + truth.width() + " (H×W); they must have the same size");
    }
  }
}
