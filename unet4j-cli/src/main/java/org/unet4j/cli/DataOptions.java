package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.weights.BorderWeightMap;
import org.unet4j.core.weights.ClassBalance;
import org.unet4j.core.weights.SeparationBorders;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.io.Normalization;
import org.unet4j.io.dataset.DatasetLayout;
import org.unet4j.io.dataset.DatasetScan;
import org.unet4j.io.dataset.LoadedSample;
import org.unet4j.io.dataset.MaskMode;
import org.unet4j.io.dataset.SampleLoader;
import picocli.CommandLine.Option;

/** Options naming a training dataset and how its masks become targets and weight maps. */
final class DataOptions {

  @Option(names = "--data", required = true, description = "dataset folder")
  Path data;

  @Option(names = "--layout", defaultValue = "auto", description = "auto | paired | ctc | isbi (default: auto)")
  String layout;

  @Option(
      names = "--mask-mode",
      defaultValue = "auto",
      description = "how mask values are read: auto | binary | classes | instances (default: auto)")
  String maskMode;

  @Option(names = "--invert-mask", description = "swap foreground/background of binary masks (ISBI 2012: 0 = membrane)")
  boolean invertMask;

  @Option(names = "--w0", defaultValue = "10", description = "border weight w0 (default: ${DEFAULT-VALUE})")
  double w0;

  @Option(names = "--sigma-px", defaultValue = "5", description = "border width σ in px (default: ${DEFAULT-VALUE})")
  double sigmaPx;

  /** The dataset's image/mask pairs. */
  DatasetScan scan() throws IOException {
    return DatasetLayout.forName(layout, data).scan(data);
  }

  /** The weight-map recipe: the paper's eq. 2 with the chosen w0 and σ, touching instances separated. */
  WeightMaps weightMaps() {
    return new WeightMaps(
        new BorderWeightMap(w0, sigmaPx), ClassBalance.BACKGROUND_ONE, java.util.Optional.of(SeparationBorders.defaults()));
  }

  /**
   * Loads every pair and turns its mask into a class mask plus weight map: instance masks get separated borders
   * and the border term; binary and class masks get class balancing and the border term of their components.
   *
   * @param numClasses the model's class count
   */
  List<TrainingSample> loadTrainingSamples(DatasetScan scan, int numClasses) throws IOException {
    SampleLoader loader =
        new SampleLoader(MaskMode.forName(maskMode), invertMask, 0, new org.unet4j.io.ChannelSelection.Grey(),
            Normalization.percentile());
    WeightMaps maps = weightMaps();
    List<TrainingSample> samples = new ArrayList<>();
    for (var pair : scan.pairs()) {
      LoadedSample loaded = loader.load(pair);
      WeightedMask target =
          loaded.maskMode() == MaskMode.INSTANCES
              ? maps.fromInstances(loaded.mask())
              : maps.fromClassMask(loaded.mask(), Math.max(2, numClasses));
      samples.add(new TrainingSample(loaded.image(), target.classMask(), target.weights()));
    }
    return samples;
  }
}
