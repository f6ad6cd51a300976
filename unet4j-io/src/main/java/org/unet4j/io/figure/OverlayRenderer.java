package org.unet4j.io.figure;

import java.awt.image.BufferedImage;
import java.util.List;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/**
 * Draws segmentation outlines over a grey image, the picture users check results with.
 *
 * <p>The grey values are stretched linearly from the image's minimum to maximum. An outline pixel is a labelled
 * pixel with a 4-neighbour of a different label (so touching instances get a line between them); later outlines
 * in the list are drawn over earlier ones.
 */
public final class OverlayRenderer {
  private OverlayRenderer() {}

  /** Channel 0 of {@code image} in grey with every outline drawn on top. */
  public static BufferedImage render(FloatImage image, List<Outline> outlines) {
    BufferedImage picture = grey(image);
    for (Outline outline : outlines) {
      LabelImage labels = outline.labels();
      if (labels.height() != image.height() || labels.width() != image.width()) {
        throw new IllegalArgumentException(
            "outline labels are " + labels.height() + "×" + labels.width() + " but the image is " + image.height()
                + "×" + image.width());
      }
      for (int y = 0; y < labels.height(); y++) {
        for (int x = 0; x < labels.width(); x++) {
          if (isBoundary(labels, y, x)) {
            picture.setRGB(x, y, outline.rgb());
          }
        }
      }
    }
    return picture;
  }

  /** Channel 0 of {@code image} stretched min→max to 0–255 grey. */
  public static BufferedImage grey(FloatImage image) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < image.planeSize(); i++) {
      min = Math.min(min, image.data()[i]);
      max = Math.max(max, image.data()[i]);
    }
    float scale = max > min ? 255f / (max - min) : 0f;
    BufferedImage picture = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int g = Math.round((image.data()[y * image.width() + x] - min) * scale);
        picture.setRGB(x, y, (g << 16) | (g << 8) | g);
      }
    }
    return picture;
  }

  /** Labels 0/1/… as black/white/grey levels (class masks as users expect to see them). */
  public static BufferedImage mask(LabelImage labels) {
    int max = Math.max(1, labels.maxLabel());
    BufferedImage picture = new BufferedImage(labels.width(), labels.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < labels.height(); y++) {
      for (int x = 0; x < labels.width(); x++) {
        int g = Math.round(255f * labels.get(y, x) / max);
        picture.setRGB(x, y, (g << 16) | (g << 8) | g);
      }
    }
    return picture;
  }

  private static boolean isBoundary(LabelImage labels, int y, int x) {
    int label = labels.get(y, x);
    if (label == 0) {
      return false;
    }
    return (y > 0 && labels.get(y - 1, x) != label)
        || (y + 1 < labels.height() && labels.get(y + 1, x) != label)
        || (x > 0 && labels.get(y, x - 1) != label)
        || (x + 1 < labels.width() && labels.get(y, x + 1) != label);
  }
}
