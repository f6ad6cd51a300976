package org.unet4j.core.tiling;

/** Told after every batch how many tiles of the current image are done (for progress bars). */
@FunctionalInterface
public interface TileProgress {

  /** Progress that reports nowhere. */
  TileProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} tiles are merged. */
  void tilesDone(int done, int total);
}
