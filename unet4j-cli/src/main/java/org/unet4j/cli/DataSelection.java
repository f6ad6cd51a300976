package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.BorderWeightMap;
import org.unet4j.core.weights.ClassBalance;
import org.unet4j.core.weights.SeparationBorders;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.io.ChannelSelection;
import org.unet4j.io.Normalization;
import org.unet4j.io.dataset.DatasetLayout;
import org.unet4j.io.dataset.LoadedSample;
import org.unet4j.io.dataset.MaskMode;
import org.unet4j.io.dataset.SampleLoader;
import org.unet4j.io.dataset.SamplePair;

/**
 * Which files a run trains and validates on, and how their masks are read: stored in the run's {@code config.json}
 * so that {@code --resume} (and anyone repeating the run) loads exactly the same data.
 *
 * @param root the dataset folder given with {@code --data}
 * @param layout the resolved layout name
 * @param maskMode how mask values are read
 * @param invertMask whether binary masks are inverted
 * @param validationSplit the fraction held out (0 when {@code --val} names a folder)
 * @param train training files
 * @param validation validation files
 */
record DataSelection(
    String root,
    String layout,
    String maskMode,
    boolean invertMask,
    double validationSplit,
    List<DataFile> train,
    List<DataFile> validation) {

  /**
   * One image/mask pair (page of a stack for multipage layouts).
   *
   * @param image image path
   * @param mask mask path
   * @param page page index in both files
   */
  record DataFile(String image, String mask, int page) {
    /** The pair with absolute paths, so that a run can be resumed from any working directory. */
    static DataFile of(SamplePair pair) {
      return new DataFile(absolute(pair.image()), absolute(pair.mask()), pair.page());
    }

    private static String absolute(Path path) {
      return path.toAbsolutePath().normalize().toString();
    }

    SamplePair toPair() {
      return new SamplePair(Path.of(image), Path.of(mask), page);
    }

    String name() {
      String file = Path.of(image).getFileName().toString();
      return page == 0 ? file : file + "#" + page;
    }
  }

  /**
   * Splits pairs into training and validation: the last {@code ceil(fraction·n)} pairs in natural file order
   * (a contiguous block, like held-out slices of a stack) are validation.
   */
  static List<List<SamplePair>> split(List<SamplePair> pairs, double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("--val-split is " + fraction + "; use a fraction in [0, 1), e.g. 0.2");
    }
    int held = (int) Math.ceil(fraction * pairs.size() - 1e-9); // 0.2 × 20 must give 4, not 5
    if (fraction > 0 && held >= pairs.size()) {
      throw new IllegalArgumentException(
          "--val-split " + fraction + " leaves no training image among " + pairs.size()
              + "; use a smaller split or --val DIR");
    }
    return List.of(pairs.subList(0, pairs.size() - held), pairs.subList(pairs.size() - held, pairs.size()));
  }

  /** The weight-map recipe: the paper's eq. 2 with w0 and σ, touching instances separated. */
  static WeightMaps weightMaps(double w0, double sigmaPx) {
    return new WeightMaps(
        new BorderWeightMap(w0, sigmaPx), ClassBalance.BACKGROUND_ONE,
        java.util.Optional.of(SeparationBorders.defaults()));
  }

  /**
   * Loads pairs and turns each mask into a class mask plus weight map: instance masks get separation borders and
   * the border term; binary and class masks get class balance and the border term of their components. The mask
   * mode is the layout's reading of {@code maskMode} ({@link DatasetLayout#maskModeFor}: AUTO is INSTANCES for
   * Cell Tracking Challenge ground truth), and class masks are checked against {@code numClasses}.
   */
  static List<TrainingSample> load(
      List<SamplePair> pairs, DatasetLayout layout, String maskMode, boolean invertMask, int inChannels,
      int numClasses, WeightMaps maps)
      throws IOException {
    int classes = Math.max(2, numClasses);
    SampleLoader loader =
        new SampleLoader(
            layout.maskModeFor(MaskMode.forName(maskMode)), invertMask, classes,
            inChannels == 1 ? new ChannelSelection.Grey() : new ChannelSelection.FirstN(inChannels),
            Normalization.percentile());
    List<TrainingSample> samples = new ArrayList<>();
    for (SamplePair pair : pairs) {
      LoadedSample loaded = loader.load(pair);
      WeightedMask target = target(loaded.mask(), loaded.maskMode(), classes, maps);
      samples.add(new TrainingSample(loaded.image(), target.classMask(), target.weights()));
    }
    return samples;
  }

  /**
   * The class mask and weight map training uses for an interpreted mask: instance labels are separated and weighted
   * as instances ({@link WeightMaps#fromInstances}); binary and class masks keep their pixels and weigh their
   * 4-connected components ({@link WeightMaps#fromClassMask}).
   *
   * @param mode the resolved mode the mask was interpreted with (not AUTO)
   */
  static WeightedMask target(LabelImage mask, MaskMode mode, int numClasses, WeightMaps maps) {
    return mode == MaskMode.INSTANCES ? maps.fromInstances(mask) : maps.fromClassMask(mask, numClasses);
  }

  /** Training samples of this selection. */
  List<TrainingSample> loadTraining(int inChannels, int numClasses, WeightMaps maps) throws IOException {
    return load(pairs(train), datasetLayout(), maskMode, invertMask, inChannels, numClasses, maps);
  }

  /** Validation images with their class masks. */
  List<ValidationImage> loadValidation(int inChannels, int numClasses, WeightMaps maps) throws IOException {
    List<TrainingSample> samples =
        load(pairs(validation), datasetLayout(), maskMode, invertMask, inChannels, numClasses, maps);
    List<ValidationImage> images = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      images.add(new ValidationImage(validation.get(i).name(), samples.get(i).image(), samples.get(i).mask()));
    }
    return images;
  }

  /** The stored layout name as a layout. */
  private DatasetLayout datasetLayout() {
    return DatasetLayout.valueOf(layout.toUpperCase(java.util.Locale.ROOT));
  }

  private static List<SamplePair> pairs(List<DataFile> files) {
    return files.stream().map(DataFile::toPair).toList();
  }
}
