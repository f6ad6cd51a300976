package org.unet4j.io.figure;

import java.awt.image.BufferedImage;
import org.unet4j.core.image.FloatImage;

/**
 * Renders a scalar map (a weight map, a probability) in the "jet" colour scale the paper's Fig. 3d uses:
 * dark blue → blue → cyan → yellow → red → dark red from {@code min} to {@code max}.
 */
public final class HeatmapRenderer {
  private HeatmapRenderer() {}

  /** Channel 0 of {@code values} scaled from its own minimum to maximum. */
  public static BufferedImage render(FloatImage values) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < values.planeSize(); i++) {
      min = Math.min(min, values.data()[i]);
      max = Math.max(max, values.data()[i]);
    }
    return render(values, min, max);
  }

  /** Channel 0 of {@code values} with {@code min} at the blue end and {@code max} at the red end (clamped). */
  public static BufferedImage render(FloatImage values, double min, double max) {
    double range = max > min ? max - min : 1;
    BufferedImage picture = new BufferedImage(values.width(), values.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < values.height(); y++) {
      for (int x = 0; x < values.width(); x++) {
        double t = (values.data()[y * values.width() + x] - min) / range;
        picture.setRGB(x, y, jet(Math.max(0, Math.min(1, t))));
      }
    }
    return picture;
  }

  /** The jet colour at {@code t ∈ [0, 1]} as {@code 0xRRGGBB}: piecewise-linear channel ramps. */
  static int jet(double t) {
    int r = channel(1.5 - Math.abs(4 * t - 3));
    int g = channel(1.5 - Math.abs(4 * t - 2));
    int b = channel(1.5 - Math.abs(4 * t - 1));
    return (r << 16) | (g << 8) | b;
  }

  private static int channel(double v) {
    return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
  }
}
