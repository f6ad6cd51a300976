package org.unet4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.BorderWeightMap;
import org.unet4j.core.weights.ClassBalance;
import org.unet4j.core.weights.SeparationBorders;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.PngImages;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;
import org.unet4j.io.figure.HeatmapRenderer;
import org.unet4j.io.figure.OverlayRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unet weights}: the paper's weight map (eq. 2) and separation borders for one instance-label image. */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the U-Net weight map w(x) = w_c(x) + w0·exp(−(d1+d2)²/(2σ²)) from an instance-label image.",
      "Writes weights.tif (float), weights.png (colour, like the paper's Fig. 3d), borders.png and mask.png."
    })
final class WeightsCommand implements Callable<Integer> {

  @Option(names = "--labels", required = true, description = "instance labels (0 = background), TIFF or PNG")
  Path labels;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--w0", defaultValue = "10", description = "border weight w0 (default: ${DEFAULT-VALUE})")
  double w0;

  @Option(names = "--sigma-px", defaultValue = "5", description = "border width σ in px (default: ${DEFAULT-VALUE})")
  double sigmaPx;

  @Option(
      names = "--class-balance",
      defaultValue = "BACKGROUND_ONE",
      description = "w_c from class frequencies: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  ClassBalance classBalance;

  @Option(names = "--page", defaultValue = "0", description = "page of a multipage TIFF (default: 0)")
  int page;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(labels)) {
      throw new IllegalArgumentException("--labels " + labels + " is not a file; give an instance-label TIFF or PNG");
    }
    LabelImage instances = MicroscopyImages.readLabels(labels, page);
    SeparationBorders separation = SeparationBorders.defaults();
    WeightMaps maps =
        new WeightMaps(new BorderWeightMap(w0, sigmaPx), classBalance, Optional.of(separation));
    WeightedMask result = maps.fromInstances(instances);
    LabelImage borders = separation.borderMask(instances);
    TiffImages.writeFloat(out.resolve("weights.tif"), result.weights(), TiffCompression.DEFLATE);
    PngImages.write(out.resolve("weights.png"), HeatmapRenderer.render(result.weights()));
    PngImages.write(out.resolve("borders.png"), OverlayRenderer.mask(borders));
    PngImages.write(out.resolve("mask.png"), OverlayRenderer.mask(result.classMask()));
    float max = 0;
    for (float w : result.weights().data()) {
      max = Math.max(max, w);
    }
    PrintWriter console = spec.commandLine().getOut();
    console.printf(
        "weights: %d instances, %d×%d px; w0 %.3g, σ %.3g px; max weight %.3f; wrote %s%n", instances.maxLabel(),
        instances.height(), instances.width(), w0, sigmaPx, max, out);
    return 0;
  }
}
