package org.unet4j.io;

import java.io.IOException;

/**
 * A C×H×W image written region by region (for example tile by tile during tiled inference) without holding the whole
 * image in memory. The result becomes visible only after {@link #finish()}; closing without finishing discards it.
 */
public interface ImageSink extends AutoCloseable {
  /** Rows. */
  int height();

  /** Columns. */
  int width();

  /** Channels. */
  int channels();

  /**
   * Writes rows {@code y0..y0+h−1}, columns {@code x0..x0+w−1} of every channel from {@code src}, laid out
   * channel-major like {@link ImageSource#read}. Regions may come in any order; a pixel written twice keeps the last
   * value; pixels never written are 0.
   *
   * @throws IndexOutOfBoundsException if the region leaves the image or {@code src} is too short
   * @throws IllegalArgumentException if a value cannot be stored in the sink's sample type
   * @throws IllegalStateException after {@link #finish()} or {@link #close()}
   */
  void write(int y0, int x0, int h, int w, float[] src) throws IOException;

  /** Completes the file and makes it visible under its final name. */
  void finish() throws IOException;

  /** Releases resources; if {@link #finish()} was not called, deletes the partial output. */
  @Override
  void close() throws IOException;
}
