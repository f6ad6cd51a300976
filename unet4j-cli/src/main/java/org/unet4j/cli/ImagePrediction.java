package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.image.RegionWriter;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.tiling.TilePlan;
import org.unet4j.core.tiling.TileProgress;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;
import org.unet4j.infer.ClassDecision;
import org.unet4j.infer.Segmenter;
import org.unet4j.io.ChannelSelection;
import org.unet4j.io.FileImageSource;
import org.unet4j.io.ImageSource;
import org.unet4j.io.Normalization;
import org.unet4j.io.PngImages;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImageSink;
import org.unet4j.io.TiffImages;
import org.unet4j.io.figure.Outline;
import org.unet4j.io.figure.OverlayRenderer;

/**
 * Segments one input page and writes its outputs. The image is read region by region, normalised like the training
 * images (grey or the first C channels, percentiles 1–99.8 % → [0, 1], computed over the whole image in two
 * streaming passes), and probabilities and TIFF labels are written tile by tile, so their memory does not grow with
 * the image. Instances, PNG labels and the overlay need the whole label image and are made only for images within
 * {@link PredictionOutputs#inMemoryLimitPx()}.
 */
final class ImagePrediction {

  /** Green outlines in the overlay. */
  private static final int OUTLINE_RGB = 0x00FF00;

  /**
   * What was done for one input.
   *
   * @param height rows
   * @param width columns
   * @param plan the tile plan
   * @param written the files written
   * @param notes outputs skipped, with the reason
   */
  record Result(int height, int width, TilePlan plan, List<Path> written, List<String> notes) {}

  private final Segmenter segmenter;
  private final PredictionOutputs outputs;
  private final ChannelSelection channels;
  private final Normalization normalization = Normalization.percentile();

  ImagePrediction(Segmenter segmenter, PredictionOutputs outputs) {
    this.segmenter = segmenter;
    this.outputs = outputs;
    UNetConfig config = segmenter.config();
    this.channels =
        config.inChannels() == 1 ? new ChannelSelection.Grey() : new ChannelSelection.FirstN(config.inChannels());
  }

  /** Segments {@code input} and writes its outputs. */
  Result run(PredictionInput input, TileProgress progress) throws IOException {
    UNetConfig config = segmenter.config();
    try (FileImageSource file = FileImageSource.open(input.file(), input.page())) {
      ImageSource selected = channels.applyTo(file);
      ImageSource normalised = normalization.mappingFor(selected).applyTo(selected);
      int height = file.height();
      int width = file.width();
      TilePlan plan = segmenter.plan(height, width);
      boolean inMemory = (long) height * width <= outputs.inMemoryLimitPx();
      List<Path> written = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      if (outputs.labelFormat().equals("png") && !inMemory) {
        throw new IllegalArgumentException(tooLarge(height, width, "PNG labels") + "; use --label-format tif");
      }
      if (outputs.instances() && !inMemory) {
        throw new IllegalArgumentException(tooLarge(height, width, "--instances")
            + "; raise the heap (UNET_JAVA_OPTS=-Xmx…) or omit --instances");
      }
      LabelImage labels = inMemory ? LabelImage.zeros(height, width) : null;
      Path probabilitiesFile = outputs.probabilities(input.name());
      Path labelsFile = outputs.labels(input.name());
      boolean tiffLabels = outputs.labelFormat().equals("tif");
      SampleType labelType = config.numClasses() <= 256 ? SampleType.UINT8 : SampleType.UINT16;
      Files.createDirectories(probabilitiesFile.getParent());
      Files.createDirectories(labelsFile.getParent());
      try (TiffImageSink probabilities =
              TiffImageSink.create(probabilitiesFile, config.numClasses(), height, width, SampleType.FLOAT32, 0);
          TiffImageSink labelSink =
              tiffLabels ? TiffImageSink.create(labelsFile, 1, height, width, labelType, 0) : null) {
        RegionWriter writer = (y0, x0, h, w, values) -> {
          probabilities.write(y0, x0, h, w, values);
          int count = config.numClasses() * h * w;
          float[] region = values.length == count ? values : java.util.Arrays.copyOf(values, count);
          LabelImage decided = decide(new FloatImage(config.numClasses(), h, w, region));
          if (labelSink != null) {
            labelSink.write(y0, x0, h, w, asFloats(decided));
          }
          if (labels != null) {
            for (int y = 0; y < h; y++) {
              System.arraycopy(decided.data(), y * w, labels.data(), (y0 + y) * width + x0, w);
            }
          }
        };
        segmenter.predict(normalised::read, height, width, writer, progress);
        probabilities.finish();
        written.add(probabilitiesFile);
        if (labelSink != null) {
          labelSink.finish();
          written.add(labelsFile);
        }
      }
      if (!tiffLabels) {
        PngImages.writeLabels(labelsFile, labels);
        written.add(labelsFile);
      }
      LabelImage instances = null;
      if (outputs.instances()) {
        instances = instancesOf(labels, outputs.minSizePx());
        Path instancesFile = outputs.instances(input.name());
        TiffImages.writeLabels(instancesFile, instances, TiffCompression.DEFLATE);
        written.add(instancesFile);
      }
      if (outputs.overlay()) {
        if (inMemory) {
          FloatImage image = FloatImage.zeros(normalised.channels(), height, width);
          normalised.read(0, 0, height, width, image.data());
          Path overlayFile = outputs.overlay(input.name());
          PngImages.write(overlayFile, OverlayRenderer.render(image,
              List.of(new Outline(instances != null ? instances : labels, OUTLINE_RGB))));
          written.add(overlayFile);
        } else {
          notes.add(tooLarge(height, width, "the overlay") + "; skipped it");
        }
      }
      return new Result(height, width, plan, written, notes);
    }
  }

  /**
   * Instance labels: the 4-connected components of each foreground class (pixels of equal non-zero label), numbered
   * 1..n in raster order, without components smaller than {@code minSizePx}. Touching cells come out as separate
   * instances when the net was trained, as the paper's, to predict the separation borders between cells as
   * background (or as a class of their own).
   */
  static LabelImage instancesOf(LabelImage labels, int minSizePx) {
    return ConnectedComponents.removeSmall(ConnectedComponents.splitInstances(labels, Connectivity.FOUR), minSizePx);
  }

  private LabelImage decide(FloatImage probabilities) {
    return outputs.threshold() != null
        ? ClassDecision.threshold(probabilities, outputs.threshold())
        : ClassDecision.argmax(probabilities);
  }

  private static float[] asFloats(LabelImage labels) {
    float[] values = new float[labels.data().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = labels.data()[i];
    }
    return values;
  }

  private String tooLarge(int height, int width, String what) {
    return height + "×" + width + " px is larger than the " + outputs.inMemoryLimitPx() + " px that " + what
        + " can hold in this heap";
  }
}
