package org.unet4j.core.tiling;

/**
 * A {@link TileModel} ran out of memory on a batch. {@link TiledRunner} retries with smaller batches; a single tile
 * that does not fit is reported to the user, who needs a smaller tile.
 */
public final class TileMemoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An out-of-memory failure with the engine's cause. */
  public TileMemoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
