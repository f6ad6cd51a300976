package org.unet4j.core.tiling;

/**
 * The seam between tiling and any engine: turns a batch of equal-size input tiles into per-class probability tiles.
 * The planner and mergers know nothing else about the net, so tiling is testable with fake models and reusable by
 * any front end (CLI, Spark, REST).
 *
 * <p>Layouts are channel-major per tile, tiles one after another: input value {@code (n, c, y, x)} at
 * {@code ((n·C + c)·H + y)·W + x}; output value {@code (n, k, y, x)} at {@code ((n·K + k)·h + y)·w + x} with
 * {@code h = H − 2·marginPx}, {@code w = W − 2·marginPx}.
 */
public interface TileModel {

  /** Channels {@code C} of every input tile. */
  int inChannels();

  /** Channels {@code K} of every output tile (class probabilities). */
  int outChannels();

  /** Pixels lost per side between input and output tiles (VALID nets; 0 for SAME). */
  int marginPx();

  /**
   * Runs the net on {@code count} tiles of {@code heightPx × widthPx} (valid input sizes).
   *
   * @param tiles {@code count·C·heightPx·widthPx} values, layout as in the class comment; not modified
   * @return {@code count·K·(heightPx − 2·margin)·(widthPx − 2·margin)} probabilities
   * @throws TileMemoryException if the batch does not fit in the engine's memory (callers may retry smaller)
   */
  float[] predict(float[] tiles, int count, int heightPx, int widthPx);
}
