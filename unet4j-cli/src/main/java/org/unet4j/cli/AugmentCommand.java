package org.unet4j.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.unet4j.core.augment.AugmentationSpec;
import org.unet4j.core.augment.IntensityJitter;
import org.unet4j.core.augment.PatchSampler;
import org.unet4j.core.augment.TrainingPatch;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.io.PngImages;
import org.unet4j.io.dataset.DatasetScan;
import org.unet4j.io.figure.FigureGrid;
import org.unet4j.io.figure.Outline;
import org.unet4j.io.figure.OverlayRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unet augment}: a contact sheet of augmented training patches, to check augmentation by eye. */
@Command(
    name = "augment",
    mixinStandardHelpOptions = true,
    description = {
      "Draw augmented training patches (elastic deformation, flips, rotations, grey values) from a dataset",
      "and write them as one PNG grid (image with the mask outline in green)."
    })
final class AugmentCommand implements Callable<Integer> {

  @Mixin DataOptions dataOptions;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(
      names = {"--n", "-n"},
      defaultValue = "16",
      description = "number of patches (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--tile-size", defaultValue = "256", description = "patch size in px (default: ${DEFAULT-VALUE})")
  int tilePx;

  @Option(names = "--seed", defaultValue = "0", description = "augmentation seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (count < 1 || tilePx < 1) {
      throw new IllegalArgumentException("--n and --tile-size must be positive, got " + count + " and " + tilePx);
    }
    DatasetScan scan = dataOptions.scan();
    List<TrainingSample> samples = dataOptions.loadTrainingSamples(scan, 2);
    PatchSampler sampler =
        new PatchSampler(samples, tilePx, tilePx, AugmentationSpec.defaults(), IntensityJitter.defaults());
    List<BufferedImage> pictures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TrainingPatch patch = sampler.sample(seed, i);
      pictures.add(OverlayRenderer.render(patch.image(), List.of(new Outline(patch.mask(), 0x20E020))));
    }
    Path file = out.resolve("augmented.png");
    PngImages.write(file, FigureGrid.layout(pictures, (int) Math.ceil(Math.sqrt(count)), 4));
    spec.commandLine().getOut().printf(
        "augment: %d patches of %d×%d px from %d %s pairs in %s; wrote %s%n", count, tilePx, tilePx,
        scan.pairs().size(), scan.layout().cliName(), dataOptions.data, file);
    return 0;
  }
}
