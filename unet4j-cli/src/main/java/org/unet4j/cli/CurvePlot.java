package org.unet4j.cli;

import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Training curves as a picture: loss per iteration (smoothed) and, if given, validation scores. */
final class CurvePlot {
  private CurvePlot() {}

  /**
   * Renders the curves.
   *
   * @param iterations x values of the loss points
   * @param losses loss per iteration
   * @param validationIterations x values of the validation points (may be empty)
   * @param validationScores validation IoU at those iterations
   */
  static BufferedImage render(
      List<Integer> iterations, List<Double> losses, List<Integer> validationIterations,
      List<Double> validationScores) {
    XYChart chart =
        new XYChartBuilder().width(800).height(450).title("Training").xAxisTitle("iteration").yAxisTitle("value")
            .build();
    chart.getStyler().setMarkerSize(4);
    XYSeries raw = chart.addSeries("loss", iterations, losses);
    raw.setMarker(SeriesMarkers.NONE);
    raw.setLineColor(new java.awt.Color(160, 160, 220));
    XYSeries smooth = chart.addSeries("loss (moving average)", iterations, movingAverage(losses, 25));
    smooth.setMarker(SeriesMarkers.NONE);
    smooth.setLineColor(new java.awt.Color(40, 40, 160));
    if (!validationScores.isEmpty()) {
      XYSeries validation = chart.addSeries("validation IoU", validationIterations, validationScores);
      validation.setLineColor(new java.awt.Color(200, 60, 40));
      validation.setMarker(SeriesMarkers.CIRCLE);
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static List<Double> movingAverage(List<Double> values, int window) {
    double[] out = new double[values.size()];
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      sum += values.get(i);
      if (i >= window) {
        sum -= values.get(i - window);
      }
      out[i] = sum / Math.min(i + 1, window);
    }
    return java.util.Arrays.stream(out).boxed().toList();
  }
}
