package org.unet4j.cli;

import org.unet4j.core.model.Norm;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.core.model.Upsampling;
import picocli.CommandLine.Option;

/** Architecture options shared by commands that build a net: a preset plus per-field overrides. */
final class ModelOptions {

  @Option(names = "--preset", description = "paper | padded (default: paper)")
  String preset;

  @Option(names = "--depth", description = "number of 2×2 max-pools (preset: 4)")
  Integer depth;

  @Option(names = "--base-filters", description = "channels of the first level (preset: 64)")
  Integer baseFilters;

  @Option(names = "--in-channels", description = "image channels (preset: 1)")
  Integer inChannels;

  @Option(names = "--classes", description = "output classes (preset: 2)")
  Integer numClasses;

  @Option(names = "--padding", description = "VALID | SAME")
  Padding padding;

  @Option(names = "--norm", description = "NONE | BATCH")
  Norm norm;

  @Option(names = "--upsampling", description = "UPCONV | BILINEAR")
  Upsampling upsampling;

  @Option(names = "--dropout", description = "dropout rate at the end of the contracting path")
  Double dropout;

  /** The preset (default {@code paper}) with every given override applied. */
  UNetConfig toConfig() {
    return toConfig(UNetConfig.paper());
  }

  /** The given preset, else {@code fallback}, with every given override applied. */
  UNetConfig toConfig(UNetConfig fallback) {
    UNetConfig base = preset != null ? UNetConfig.preset(preset) : fallback;
    return new UNetConfig(
        inChannels != null ? inChannels : base.inChannels(),
        numClasses != null ? numClasses : base.numClasses(),
        depth != null ? depth : base.depth(),
        baseFilters != null ? baseFilters : base.baseFilters(),
        padding != null ? padding : base.padding(),
        norm != null ? norm : base.norm(),
        upsampling != null ? upsampling : base.upsampling(),
        dropout != null ? dropout : base.dropoutRate());
  }
}
