package org.unet4j.core.image;

import java.io.IOException;

/**
 * Receives rectangular regions of a C×H×W result image as they are finished (tile by tile during overlap-tile
 * inference), so the whole result never has to be in memory. The shape of {@code org.unet4j.io.ImageSink#write}: a
 * file sink is passed as {@code sink::write}.
 */
@FunctionalInterface
public interface RegionWriter {

  /**
   * Takes rows {@code y0..y0+height−1}, columns {@code x0..x0+width−1} of every channel from {@code values}, laid out
   * channel-major like {@link RegionReader#read} from index 0; the array may be longer than {@code C·height·width}
   * and is reused by the caller after the call returns.
   *
   * @throws IOException if storing fails
   */
  void write(int y0, int x0, int height, int width, float[] values) throws IOException;

  /** A writer into an in-memory image (which must have the result's channel count). */
  static RegionWriter into(FloatImage target) {
    return (y0, x0, height, width, values) -> {
      RegionBounds.check(y0, x0, height, width, target.height(), target.width());
      for (int c = 0; c < target.channels(); c++) {
        for (int y = 0; y < height; y++) {
          System.arraycopy(values, (c * height + y) * width, target.data(),
              (c * target.height() + y0 + y) * target.width() + x0, width);
        }
      }
    };
  }
}
