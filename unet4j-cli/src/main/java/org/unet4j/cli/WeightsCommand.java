package org.unet4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.BorderWeightMap;
import org.unet4j.core.weights.ClassBalance;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;
import org.unet4j.core.weights.SeparationBorders;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.core.weights.WeightedMask;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.PngImages;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;
import org.unet4j.io.dataset.MaskMode;
import org.unet4j.io.figure.HeatmapRenderer;
import org.unet4j.io.figure.OverlayRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unet weights}: the paper's weight map (eq. 2) and separation borders for one mask, computed exactly as
 * training computes them ({@link DataSelection#target}).
 */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the U-Net weight map w(x) = w_c(x) + w0·exp(−(d1+d2)²/(2σ²)) from a mask, as training does.",
      "Instance labels (0 = background, 1..n = cells): touching cells are separated and weighted. A binary mask",
      "(0 and one value, e.g. 0/255): its connected regions are the instances (ISBI 2012: the cells between",
      "membranes). Writes weights.tif (float), weights.png (colour, like the paper's Fig. 3d), borders.png",
      "(separation borders and gaps of ≤ 2 px) and mask.png (the class mask training uses)."
    })
final class WeightsCommand implements Callable<Integer> {

  @Option(names = "--labels", required = true, description = "instance labels or binary mask, TIFF or PNG")
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

  @Option(
      names = "--mask-mode",
      defaultValue = "auto",
      description = "auto (binary if the mask holds 0 and one other value, else instances) | binary | instances |"
          + " classes (default: auto)")
  String maskMode;

  @Option(names = "--invert-mask", description = "swap foreground/background of a binary mask")
  boolean invertMask;

  @Option(names = "--page", defaultValue = "0", description = "page of a multipage TIFF (default: 0)")
  int page;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(labels)) {
      throw new IllegalArgumentException("--labels " + labels + " is not a file; give an instance-label TIFF or PNG");
    }
    LabelImage raw = MicroscopyImages.readLabels(labels, page);
    SampleType storedAs = MicroscopyImages.sampleType(labels, page);
    MaskMode mode = resolve(MaskMode.forName(maskMode), raw, storedAs);
    LabelImage mask = mode.interpret(raw, invertMask, 0, labels);
    int numClasses = Math.max(2, mask.maxLabel() + 1);
    SeparationBorders separation = SeparationBorders.defaults();
    WeightMaps maps = new WeightMaps(new BorderWeightMap(w0, sigmaPx), classBalance, Optional.of(separation));
    WeightedMask result = DataSelection.target(mask, mode, numClasses, maps);
    LabelImage instances =
        mode == MaskMode.INSTANCES ? mask : ConnectedComponents.label(mask, Connectivity.FOUR);
    LabelImage borders = separation.borderMask(instances);

    TiffImages.writeFloat(out.resolve("weights.tif"), result.weights(), TiffCompression.DEFLATE);
    PngImages.write(out.resolve("weights.png"), HeatmapRenderer.render(result.weights()));
    PngImages.write(out.resolve("borders.png"), OverlayRenderer.mask(borders));
    PngImages.write(out.resolve("mask.png"), OverlayRenderer.mask(result.classMask()));
    float max = 0;
    for (float w : result.weights().data()) {
      max = Math.max(max, w);
    }
    spec.commandLine().getOut().printf(
        "weights: %s mask, %d %s, %d×%d px; w0 %.3g, σ %.3g px; max weight %.3f; wrote %s%n",
        mode.name().toLowerCase(java.util.Locale.ROOT),
        java.util.Arrays.stream(ConnectedComponents.sizesPx(instances)).skip(1).filter(n -> n > 0).count(),
        mode == MaskMode.INSTANCES ? "instances" : "connected regions", raw.height(), raw.width(), w0, sigmaPx, max,
        out);
    return 0;
  }

  /**
   * AUTO here means binary or instances: this command documents instance labels as its input, so AUTO's guess of a
   * class mask for an 8-bit image with few labels would be the wrong reading.
   */
  private static MaskMode resolve(MaskMode requested, LabelImage raw, SampleType storedAs) {
    if (requested != MaskMode.AUTO) {
      return requested;
    }
    return MaskMode.AUTO.resolve(raw, storedAs) == MaskMode.BINARY ? MaskMode.BINARY : MaskMode.INSTANCES;
  }
}
