package org.unet4j.io.dataset;

import java.io.IOException;
import java.util.Objects;
import org.unet4j.core.image.LabelImage;
import org.unet4j.io.ChannelSelection;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.Normalization;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;

/**
 * Loads {@link SamplePair}s into memory: reads the image page, selects channels, normalises; reads the mask page as
 * exact integers, checks its size against the image, and interprets it with the mask mode.
 *
 * @param maskMode how mask values become labels
 * @param invertMask swap foreground/background of binary masks (ISBI 2012: 0 = membrane)
 * @param numClasses number of classes K to check CLASSES masks against, 0 if unknown
 * @param channels which image channels to use
 * @param normalization how raw intensities are scaled
 */
public record SampleLoader(MaskMode maskMode, boolean invertMask, int numClasses, ChannelSelection channels,
    Normalization normalization) {

  /** Rejects nulls and negative class counts. */
  public SampleLoader {
    Objects.requireNonNull(maskMode, "maskMode");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(normalization, "normalization");
    if (numClasses < 0) {
      throw new IllegalArgumentException("numClasses " + numClasses + " must be ≥ 0 (0 = unknown)");
    }
  }

  /** AUTO masks, no inversion, grey images with the default percentile normalisation. */
  public static SampleLoader defaults() {
    return new SampleLoader(MaskMode.AUTO, false, 0, new ChannelSelection.Grey(), Normalization.percentile());
  }

  /**
   * Reads and checks one pair.
   *
   * @throws DatasetException if image and mask differ in size, or the mask values do not fit the mode
   * @throws org.unet4j.io.ImageFormatException if a file cannot be decoded (message names the file and cause)
   */
  public LoadedSample load(SamplePair pair) throws IOException {
    RawImage raw = MicroscopyImages.read(pair.image(), pair.page());
    LabelImage rawMask = MicroscopyImages.readLabels(pair.mask(), pair.page());
    if (raw.height() != rawMask.height() || raw.width() != rawMask.width()) {
      throw new DatasetException("image " + pair.image() + page(pair) + " is " + raw.height() + "×" + raw.width()
          + " (H×W) but mask " + pair.mask() + page(pair) + " is " + rawMask.height() + "×" + rawMask.width()
          + "; a mask must have the size of its image");
    }
    SampleType maskType = MicroscopyImages.sampleType(pair.mask(), pair.page());
    MaskMode mode = maskMode.resolve(rawMask, maskType);
    LabelImage mask = mode.interpret(rawMask, invertMask, numClasses, pair.mask());
    return new LoadedSample(normalization.apply(channels.apply(raw.pixels())), mask, raw.sampleType(), mode, pair);
  }

  private static String page(SamplePair pair) {
    return pair.page() > 0 ? " page " + pair.page() : "";
  }
}
