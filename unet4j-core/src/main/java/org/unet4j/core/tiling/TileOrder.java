package org.unet4j.core.tiling;

/** The plan-order checks shared by the mergers. */
final class TileOrder {
  private TileOrder() {}

  static void check(TilePlan plan, Tile tile, int expectedIndex) {
    if (expectedIndex >= plan.size() || !plan.tiles().get(expectedIndex).equals(tile)) {
      throw new IllegalStateException(
          "tile " + tile.index() + " arrived but the merger expects tile " + expectedIndex + " of " + plan.size()
              + " of its own plan; add tiles in plan order");
    }
  }

  static void checkComplete(TilePlan plan, int added) {
    if (added != plan.size()) {
      throw new IllegalStateException(
          "only " + added + " of " + plan.size() + " tiles were merged; the result would have holes");
    }
  }
}
