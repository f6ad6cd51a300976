package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.io.dataset.DatasetLayout;
import org.unet4j.io.dataset.DatasetScan;
import picocli.CommandLine.Option;

/** Options naming a training dataset and how its masks become targets and weight maps. */
final class DataOptions {

  @Option(names = "--data", description = "dataset folder")
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

  @Option(names = "--w0", description = "border weight w0 (default: 10)")
  Double w0;

  @Option(names = "--sigma-px", description = "border width σ in px (default: 5)")
  Double sigmaPx;

  /** The dataset's image/mask pairs. */
  DatasetScan scan() throws IOException {
    if (data == null) {
      throw new IllegalArgumentException("--data is missing; name the dataset folder, e.g. --data my-cells/");
    }
    return DatasetLayout.forName(layout, data).scan(data);
  }

  /** w0 given, else the paper's 10. */
  double w0OrDefault() {
    return w0 != null ? w0 : 10;
  }

  /** σ given, else the paper's 5 px. */
  double sigmaPxOrDefault() {
    return sigmaPx != null ? sigmaPx : 5;
  }

  /** The weight-map recipe: the paper's eq. 2 with the chosen w0 and σ, touching instances separated. */
  WeightMaps weightMaps() {
    return DataSelection.weightMaps(w0OrDefault(), sigmaPxOrDefault());
  }

  /** Loads every pair of {@code scan} as training samples (see {@link DataSelection#load}). */
  List<TrainingSample> loadTrainingSamples(DatasetScan scan, int numClasses) throws IOException {
    return DataSelection.load(scan.pairs(), scan.layout(), maskMode, invertMask, 1, numClasses, weightMaps());
  }
}
