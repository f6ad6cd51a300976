package org.unet4j.io;

import java.util.Objects;
import org.unet4j.core.image.FloatImage;

/**
 * A decoded image with its sample values exactly as stored in the file (a 16-bit pixel of 4095 is 4095.0f, never
 * rescaled to 8 bits) and the file's sample type.
 *
 * <p>Channels are the colour channels without alpha: 1 for grey, 3 for RGB (palette images are expanded to RGB, or to
 * grey when the palette is grey).
 *
 * @param pixels the values, C×H×W
 * @param sampleType how the samples were stored
 */
public record RawImage(FloatImage pixels, SampleType sampleType) {

  /** Rejects nulls. */
  public RawImage {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(sampleType, "sampleType");
  }

  /** Number of channels. */
  public int channels() {
    return pixels.channels();
  }

  /** Rows. */
  public int height() {
    return pixels.height();
  }

  /** Columns. */
  public int width() {
    return pixels.width();
  }
}
