package org.unet4j.core.model;

import java.util.Locale;
import java.util.Objects;
import org.unet4j.core.geometry.UNetGeometry;

/**
 * The architecture of one U-Net: everything needed to rebuild the network, nothing about training.
 *
 * <p>Channels at level {@code l} (0 = full resolution) are {@code baseFilters · 2^l}; the paper's net has depth 4
 * and base 64, so 64 → 128 → 256 → 512 → 1024. The record is immutable and Jackson-serialisable as plain JSON.
 *
 * @param inChannels image channels fed to the net (1 for grey, 3 for RGB)
 * @param numClasses output channels of the final 1×1 conv (2 for foreground/background with softmax)
 * @param depth number of 2×2 max-pool steps (paper: 4)
 * @param baseFilters channels of the first level (paper: 64)
 * @param padding {@link Padding#VALID} as in the paper, or {@link Padding#SAME}
 * @param norm normalisation after each conv
 * @param upsampling learned up-conv (paper) or bilinear + 1×1 conv
 * @param dropoutRate dropout probability at the end of the contracting path (0 disables it; paper: 0.5)
 * @see <a href="https://doi.org/10.1007/978-3-319-24574-4_28">Ronneberger, Fischer &amp; Brox 2015</a>
 */
public record UNetConfig(
    int inChannels,
    int numClasses,
    int depth,
    int baseFilters,
    Padding padding,
    Norm norm,
    Upsampling upsampling,
    double dropoutRate) {

  /** The deepest supported net; at depth 7 a 64-filter base already has 8192 channels at the bottom. */
  public static final int MAX_DEPTH = 7;

  /** Validates every field, with messages that say how to fix them. */
  public UNetConfig {
    Objects.requireNonNull(padding, "padding must be VALID or SAME");
    Objects.requireNonNull(norm, "norm must be NONE or BATCH");
    Objects.requireNonNull(upsampling, "upsampling must be UPCONV or BILINEAR");
    if (inChannels < 1) {
      throw new IllegalArgumentException("inChannels is " + inChannels + "; use 1 for grey or 3 for RGB images");
    }
    if (numClasses < 1) {
      throw new IllegalArgumentException(
          "numClasses is " + numClasses + "; use 2 for foreground/background (softmax) or 1 for a sigmoid output");
    }
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth is " + depth + "; use 1.." + MAX_DEPTH + " (the paper uses 4)");
    }
    if (baseFilters < 1) {
      throw new IllegalArgumentException("baseFilters is " + baseFilters + "; use a positive count (paper: 64)");
    }
    if (!(dropoutRate >= 0 && dropoutRate < 1)) {
      throw new IllegalArgumentException("dropoutRate is " + dropoutRate + "; use a value in [0, 1) (paper: 0.5)");
    }
  }

  /** The paper's network: 1 channel in, 2 classes, depth 4, base 64, valid convs, no norm, up-conv, dropout 0.5. */
  public static UNetConfig paper() {
    return new UNetConfig(1, 2, 4, 64, Padding.VALID, Norm.NONE, Upsampling.UPCONV, 0.5);
  }

  /** The common modern variant: the paper's net with same-padded convs and batch norm (output size = input size). */
  public static UNetConfig padded() {
    return new UNetConfig(1, 2, 4, 64, Padding.SAME, Norm.BATCH, Upsampling.UPCONV, 0.5);
  }

  /**
   * Returns a named preset.
   *
   * @param name {@code paper} or {@code padded} (case-insensitive)
   * @throws IllegalArgumentException naming the known presets if {@code name} is not one of them
   */
  public static UNetConfig preset(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "paper":
        return paper();
      case "padded":
        return padded();
      default:
        throw new IllegalArgumentException("unknown preset '" + name + "'; use 'paper' or 'padded'");
    }
  }

  /** Channels at a level: {@code baseFilters · 2^level}. */
  public int channelsAt(int level) {
    return baseFilters << level;
  }

  /** The size arithmetic of this architecture. */
  public UNetGeometry geometry() {
    return new UNetGeometry(depth, padding);
  }

  /** A copy with another input channel count. */
  public UNetConfig withInChannels(int channels) {
    return new UNetConfig(channels, numClasses, depth, baseFilters, padding, norm, upsampling, dropoutRate);
  }

  /** A copy with another class count. */
  public UNetConfig withNumClasses(int classes) {
    return new UNetConfig(inChannels, classes, depth, baseFilters, padding, norm, upsampling, dropoutRate);
  }

  /** A copy with another depth. */
  public UNetConfig withDepth(int newDepth) {
    return new UNetConfig(inChannels, numClasses, newDepth, baseFilters, padding, norm, upsampling, dropoutRate);
  }

  /** A copy with another base filter count. */
  public UNetConfig withBaseFilters(int filters) {
    return new UNetConfig(inChannels, numClasses, depth, filters, padding, norm, upsampling, dropoutRate);
  }

  /** A copy with another normalisation. */
  public UNetConfig withNorm(Norm newNorm) {
    return new UNetConfig(inChannels, numClasses, depth, baseFilters, padding, newNorm, upsampling, dropoutRate);
  }

  /** A copy with another dropout rate. */
  public UNetConfig withDropoutRate(double rate) {
    return new UNetConfig(inChannels, numClasses, depth, baseFilters, padding, norm, upsampling, rate);
  }
}
