package org.unet4j.core.augment;

/**
 * How a {@link SpatialTransform} reads a source image between pixel centres. Pixel {@code (y, x)} has its centre
 * at integer coordinates; at integer coordinates every kind returns the pixel value exactly.
 */
public enum Interpolation {
  /** The nearest pixel (ties round up: 1.5 → 2). The only kind for labels; keeps label values as they are. */
  NEAREST,
  /** Bilinear: 2×2 pixels. Never leaves the range of its neighbours; the kind for weight maps. */
  LINEAR,
  /**
   * Bicubic Catmull-Rom (Keys kernel, {@code a = −½}): 4×4 pixels, interpolating (passes through the samples),
   * may overshoot the range of its neighbours by a few percent at edges.
   */
  CUBIC
}
