package org.unet4j.core.tiling;

import java.util.Objects;
import org.unet4j.core.geometry.Interval2d;

/**
 * One tile of an overlap-tile plan, all intervals in image coordinates {@code (y0, x0, height, width)}.
 *
 * <pre>
 *   input  ┌──────────────────┐  read from the image, mirrored where it leaves the image
 *          │ margin           │
 *          │   ┌──────────┐   │  output = input shrunk by the net's margin (VALID), = input (SAME)
 *          │   │ kept ┌ ─ ┤   │  kept   = the image pixels this tile's output contributes
 *          │   └──────────┘   │
 *          └──────────────────┘
 * </pre>
 *
 * @param index position in the plan's row-major order (0-based)
 * @param row tile row (0-based)
 * @param column tile column (0-based)
 * @param input the pixels fed to the net; may reach beyond the image (mirror padding)
 * @param output the pixels the net returns for this input
 * @param kept the pixels of {@code output} this tile contributes, inside the image: with a cropping plan the kept
 *     intervals of all tiles cover every image pixel exactly once; with a blending plan they overlap
 */
public record Tile(int index, int row, int column, Interval2d input, Interval2d output, Interval2d kept) {

  /** Checks that the kept pixels lie in the output and the output in the input. */
  public Tile {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(kept, "kept");
    if (!input.contains(output) || !output.contains(kept) || kept.isEmpty()) {
      throw new IllegalArgumentException(
          "tile " + index + ": kept " + kept + " must be non-empty and lie in output " + output
              + ", which must lie in input " + input);
    }
  }
}
