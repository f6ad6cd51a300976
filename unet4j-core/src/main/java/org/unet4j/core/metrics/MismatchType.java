package org.unet4j.core.metrics;

/**
 * What a pixel that the topology-preserving warp could not fix would change (classified as the ISBI 2012 warping
 * script, Fiji {@code WarpingError.classifyMismatches2d}, from the 4-connected objects of the warped truth around
 * the pixel).
 */
public enum MismatchType {
  /** A truth object pixel the prediction leaves out, and removing it would cut the object: a false split. */
  SPLIT,
  /** A truth background pixel the prediction fills, and filling it would join two objects: a false merger. */
  MERGE,
  /** Fixing the pixel would open a hole in an object. */
  HOLE_ADDITION,
  /** Fixing the pixel would close a hole of an object. */
  HOLE_DELETION,
  /** Fixing the pixel would create a new object (the prediction has an extra object). */
  OBJECT_ADDITION,
  /** Fixing the pixel would delete an object (the prediction misses an object). */
  OBJECT_DELETION
}
