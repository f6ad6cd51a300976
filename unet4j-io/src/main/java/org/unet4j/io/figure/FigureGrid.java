package org.unet4j.io.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lays pictures out in a grid with a thin gap, row by row, for contact sheets of samples. */
public final class FigureGrid {
  private FigureGrid() {}

  /**
   * Places {@code tiles} in rows of {@code columns}; every cell has the size of the largest tile.
   *
   * @param gapPx white space between cells
   */
  public static BufferedImage layout(List<BufferedImage> tiles, int columns, int gapPx) {
    if (tiles.isEmpty() || columns < 1) {
      throw new IllegalArgumentException("need at least one picture and one column, got " + tiles.size()
          + " pictures and " + columns + " columns");
    }
    int cellWidth = tiles.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
    int cellHeight = tiles.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
    int rows = (tiles.size() + columns - 1) / columns;
    int usedColumns = Math.min(columns, tiles.size());
    BufferedImage sheet =
        new BufferedImage(
            usedColumns * cellWidth + (usedColumns + 1) * gapPx, rows * cellHeight + (rows + 1) * gapPx,
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      for (int i = 0; i < tiles.size(); i++) {
        int x = gapPx + (i % columns) * (cellWidth + gapPx);
        int y = gapPx + (i / columns) * (cellHeight + gapPx);
        g.drawImage(tiles.get(i), x, y, null);
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }
}
