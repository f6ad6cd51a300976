package org.unet4j.core.tiling;

import java.util.List;
import java.util.Objects;

/**
 * An immutable overlap-tile plan for one image: equal-size tiles in row-major order and how their outputs merge.
 *
 * @param imageHeight image rows (px)
 * @param imageWidth image columns (px)
 * @param tileInputHeightPx rows of every tile input
 * @param tileInputWidthPx columns of every tile input
 * @param marginPx pixels the net loses per side (VALID; 0 for SAME), so outputs are input − 2·margin
 * @param rows tile rows
 * @param columns tile columns
 * @param mergeRule how overlapping outputs combine
 * @param overlapPx the overlap between neighbouring tile outputs that blending was planned for (0 for {@link
 *     MergeRule#CROP}); the width of the {@link MergeRule#LINEAR_RAMP}
 * @param tiles {@code rows·columns} tiles, tile {@code r·columns + c} at row r, column c
 */
public record TilePlan(
    int imageHeight,
    int imageWidth,
    int tileInputHeightPx,
    int tileInputWidthPx,
    int marginPx,
    int rows,
    int columns,
    MergeRule mergeRule,
    int overlapPx,
    List<Tile> tiles) {

  /** Checks the tile count and order and keeps an unmodifiable copy of the tiles. */
  public TilePlan {
    Objects.requireNonNull(mergeRule, "mergeRule");
    tiles = List.copyOf(tiles);
    if (rows < 1 || columns < 1 || tiles.size() != rows * columns) {
      throw new IllegalArgumentException(
          rows + "×" + columns + " tiles expected but the plan lists " + tiles.size());
    }
    for (int i = 0; i < tiles.size(); i++) {
      Tile t = tiles.get(i);
      if (t.index() != i || t.row() != i / columns || t.column() != i % columns
          || t.input().height() != tileInputHeightPx || t.input().width() != tileInputWidthPx) {
        throw new IllegalArgumentException("tile " + i + " " + t + " is out of row-major order or has another size"
            + " than " + tileInputHeightPx + "×" + tileInputWidthPx);
      }
    }
  }

  /** Rows of every tile output: {@code tileInputHeightPx − 2·marginPx}. */
  public int tileOutputHeightPx() {
    return tileInputHeightPx - 2 * marginPx;
  }

  /** Columns of every tile output: {@code tileInputWidthPx − 2·marginPx}. */
  public int tileOutputWidthPx() {
    return tileInputWidthPx - 2 * marginPx;
  }

  /** Number of tiles. */
  public int size() {
    return tiles.size();
  }

  /**
   * Input pixels the net processes per image pixel ({@code ≥ 1}): the cost of the margins, overlaps and padding.
   * Worked example: 572-px tiles (stride 384) over a 2048² image: 6·6·572² / 2048² = 2.81.
   */
  public double inputPixelsPerImagePixel() {
    return (double) size() * tileInputHeightPx * tileInputWidthPx / ((double) imageHeight * imageWidth);
  }
}
