package org.unet4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.unet4j.core.metrics.ConfusionCounts;
import org.unet4j.core.metrics.InstanceMatching;
import org.unet4j.core.metrics.InstanceScores;
import org.unet4j.core.metrics.IsbiEvaluation;
import org.unet4j.core.metrics.IsbiProtocol;
import org.unet4j.core.metrics.IsbiScores;
import org.unet4j.core.metrics.MatchingCounts;
import org.unet4j.core.metrics.PerImageMean;
import org.unet4j.core.metrics.PixelScores;

/**
 * Dataset scores of {@code unet evaluate}: every group pooled over the images (merged counts) and as the mean of the
 * per-image scores; rendered as a terminal table and as the {@code summary.json} tree.
 */
final class EvaluationSummary {

  private final Set<MetricGroup> groups;
  private final int numClasses;
  private final IsbiProtocol protocol;
  private int images;
  private ConfusionCounts pixel;
  private PerImageMean iou = PerImageMean.EMPTY;
  private PerImageMean dice = PerImageMean.EMPTY;
  private PerImageMean pixelError = PerImageMean.EMPTY;
  private IsbiEvaluation isbi;
  private PerImageMean vRand = PerImageMean.EMPTY;
  private PerImageMean vInfo = PerImageMean.EMPTY;
  private PerImageMean warpingError = PerImageMean.EMPTY;
  private InstanceScores instance;
  private PerImageMean seg = PerImageMean.EMPTY;
  private PerImageMean ap50 = PerImageMean.EMPTY;
  private PerImageMean meanAp = PerImageMean.EMPTY;

  EvaluationSummary(Set<MetricGroup> groups, int numClasses, IsbiProtocol protocol) {
    this.groups = groups;
    this.numClasses = numClasses;
    this.protocol = protocol;
    if (groups.contains(MetricGroup.PIXEL)) {
      pixel = new ConfusionCounts(numClasses);
    }
    if (groups.contains(MetricGroup.ISBI)) {
      isbi = new IsbiEvaluation(protocol);
    }
  }

  void add(ImageScores scores) {
    images++;
    if (scores.pixel() != null) {
      pixel.merge(scores.pixel());
      PixelScores s = PixelScores.of(scores.pixel());
      iou = iou.add(s.foregroundIou());
      dice = dice.add(s.foregroundDice());
      pixelError = pixelError.add(s.pixelError());
    }
    if (scores.isbi() != null) {
      isbi.merge(scores.isbi());
      IsbiScores s = scores.isbi().scores();
      vRand = vRand.add(s.vRand());
      vInfo = vInfo.add(s.vInfo());
      warpingError = warpingError.add(s.warpingError());
    }
    if (scores.instance() != null) {
      instance = instance == null ? scores.instance() : instance.merge(scores.instance());
      seg = seg.add(scores.instance().seg().seg());
      ap50 = ap50.add(scores.instance().at(0.5).averagePrecision());
      meanAp = meanAp.add(scores.instance().meanAveragePrecision());
    }
  }

  /** The summary table: one line per score, pooled and mean over images. */
  void print(PrintWriter out) {
    out.printf("%-34s %12s %16s%n", "metric", "pooled", "mean of images");
    if (pixel != null) {
      PixelScores s = PixelScores.of(pixel);
      line(out, "IoU (foreground classes)", s.foregroundIou(), iou);
      line(out, "Dice (foreground classes)", s.foregroundDice(), dice);
      line(out, "pixel error", s.pixelError(), pixelError);
      for (int k = 0; k < numClasses && numClasses > 2; k++) {
        line(out, "IoU class " + k, s.iou()[k], null);
      }
    }
    if (isbi != null) {
      IsbiScores s = isbi.scores();
      line(out, "V_rand (thinned, best t=" + threshold(s.vRandThreshold()) + ")", s.vRand(), vRand);
      line(out, "V_info (thinned, best t=" + threshold(s.vInfoThreshold()) + ")", s.vInfo(), vInfo);
      line(out, "Rand error 2012 (t=" + threshold(s.randErrorThreshold()) + ")", s.randError(), null);
      line(out, "pixel error 2012 (t=" + threshold(s.pixelErrorThreshold()) + ")", s.pixelError(), null);
      if (!protocol.warpingThresholds().isEmpty()) {
        line(out, "warping error (t=" + threshold(s.warpingThreshold()) + ")", s.warpingError(), warpingError);
        out.printf("%-34s %12d%n", "  split errors", s.warping().splits());
        out.printf("%-34s %12d%n", "  merger errors", s.warping().mergers());
      }
    }
    if (instance != null) {
      MatchingCounts at50 = instance.at(0.5);
      line(out, "SEG (CTC)", instance.seg().seg(), seg);
      line(out, "AP@0.50 = TP/(TP+FP+FN)", at50.averagePrecision(), ap50);
      line(out, "AP@0.50:0.95", instance.meanAveragePrecision(), meanAp);
      line(out, "precision@0.50", at50.precision(), null);
      line(out, "recall@0.50", at50.recall(), null);
      line(out, "F1@0.50", at50.f1(), null);
      line(out, "panoptic quality@0.50", at50.panopticQuality(), null);
      out.printf("%-34s %12d%n", "true objects", at50.truePositives() + at50.falseNegatives());
      out.printf("%-34s %12d%n", "predicted objects", at50.truePositives() + at50.falsePositives());
    }
  }

  private static void line(PrintWriter out, String name, double pooled, PerImageMean mean) {
    out.printf("%-34s %12s %16s%n", name, format(pooled), mean == null ? "" : format(mean.mean()));
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static String threshold(double t) {
    return Double.isNaN(t) ? "–" : String.format(Locale.ROOT, "%.1f", t);
  }

  /** The {@code summary.json} tree (NaN written as null). */
  Map<String, Object> toJson(Map<String, Object> inputs, List<String> warnings) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("images", images);
    root.putAll(inputs);
    root.put("metrics", groups.stream().map(MetricGroup::cliName).toList());
    if (pixel != null) {
      PixelScores s = PixelScores.of(pixel);
      Map<String, Object> pooled = new LinkedHashMap<>();
      pooled.put("iou", numbers(s.iou()));
      pooled.put("dice", numbers(s.dice()));
      pooled.put("foregroundIou", number(s.foregroundIou()));
      pooled.put("foregroundDice", number(s.foregroundDice()));
      pooled.put("pixelError", number(s.pixelError()));
      Map<String, Object> mean = new LinkedHashMap<>();
      mean.put("foregroundIou", number(iou.mean()));
      mean.put("foregroundDice", number(dice.mean()));
      mean.put("pixelError", number(pixelError.mean()));
      mean.put("imagesWithoutScore", iou.skipped());
      root.put("pixel", Map.of("classes", numClasses, "pooled", pooled, "meanOverImages", mean));
    }
    if (isbi != null) {
      root.put("isbi", isbiJson(isbi.scores()));
    }
    if (instance != null) {
      root.put("instance", instanceJson());
    }
    root.put("warnings", warnings);
    root.put("conventions", conventions());
    return root;
  }

  private Map<String, Object> isbiJson(IsbiScores s) {
    Map<String, Object> pooled = new LinkedHashMap<>();
    pooled.put("vRand", number(s.vRand()));
    pooled.put("vRandThreshold", number(s.vRandThreshold()));
    pooled.put("vInfo", number(s.vInfo()));
    pooled.put("vInfoThreshold", number(s.vInfoThreshold()));
    pooled.put("randError", number(s.randError()));
    pooled.put("randErrorThreshold", number(s.randErrorThreshold()));
    pooled.put("pixelError", number(s.pixelError()));
    pooled.put("pixelErrorThreshold", number(s.pixelErrorThreshold()));
    pooled.put("warpingError", number(s.warpingError()));
    pooled.put("warpingThreshold", number(s.warpingThreshold()));
    pooled.put("classicWarpingError", number(s.warping().warpingError()));
    pooled.put("splitErrors", s.warping().splits());
    pooled.put("mergerErrors", s.warping().mergers());
    pooled.put("splitPixels", s.warping().splitPixels());
    pooled.put("mergePixels", s.warping().mergePixels());
    List<Map<String, Object>> curve = new ArrayList<>();
    for (var point : s.curve()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("threshold", point.threshold());
      p.put("vRand", number(point.vRand()));
      p.put("vInfo", number(point.vInfo()));
      p.put("randFScore", number(point.randFScore()));
      p.put("pixelFScore", number(point.pixelFScore()));
      p.put("splitsAndMergersError", number(point.splitsAndMergersError()));
      curve.add(p);
    }
    Map<String, Object> mean = new LinkedHashMap<>();
    mean.put("vRand", number(vRand.mean()));
    mean.put("vInfo", number(vInfo.mean()));
    mean.put("warpingError", number(warpingError.mean()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pooled", pooled);
    json.put("meanOverImages", mean);
    json.put("curve", curve);
    return json;
  }

  private Map<String, Object> instanceJson() {
    Map<String, Object> pooled = new LinkedHashMap<>();
    pooled.put("seg", number(instance.seg().seg()));
    pooled.put("referenceObjects", instance.seg().referenceObjects());
    pooled.put("apMean", number(instance.meanAveragePrecision()));
    List<Map<String, Object>> perThreshold = new ArrayList<>();
    for (MatchingCounts m : instance.matches()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("iouThreshold", m.iouThreshold());
      t.put("tp", m.truePositives());
      t.put("fp", m.falsePositives());
      t.put("fn", m.falseNegatives());
      t.put("ap", number(m.averagePrecision()));
      t.put("precision", number(m.precision()));
      t.put("recall", number(m.recall()));
      t.put("f1", number(m.f1()));
      t.put("panopticQuality", number(m.panopticQuality()));
      t.put("meanMatchedIou", number(m.meanMatchedIou()));
      perThreshold.add(t);
    }
    pooled.put("thresholds", perThreshold);
    Map<String, Object> mean = new LinkedHashMap<>();
    mean.put("seg", number(seg.mean()));
    mean.put("ap50", number(ap50.mean()));
    mean.put("apMean", number(meanAp.mean()));
    return Map.of("pooled", pooled, "meanOverImages", mean);
  }

  private Map<String, Object> conventions() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("pooled", "counts (pixels, pixel pairs, objects) summed over images, then the score");
    c.put("meanOverImages", "mean of the per-image scores; images with nothing to score (NaN) are left out");
    if (isbi != null) {
      c.put("isbi", "ISBI 2012 scripts: interior where p > t (1 = interior); V_rand/V_info after watershed border"
          + " thinning, foreground-restricted, max over t (V_info: mean over slices); Rand and pixel error: 1 - max"
          + " F-score; warping error: min over t of (split + merger pixels) / pixels");
    }
    if (instance != null) {
      c.put("instance", "one-to-one optimal matching at IoU >= t, t = " + InstanceMatching.AP_THRESHOLDS
          + "; AP = TP/(TP+FP+FN); SEG: match when |R∩S| > 0.5|R|, mean Jaccard over reference objects;"
          + " class masks become 4-connected components");
    }
    return c;
  }

  private static Object number(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static List<Object> numbers(double[] values) {
    List<Object> list = new ArrayList<>();
    for (double v : values) {
      list.add(number(v));
    }
    return list;
  }
}
