package org.unet4j.core.augment;

/**
 * The Catmull-Rom (cubic convolution, a = −½) weights of the four taps at offsets −1, 0, 1, 2 for a fractional
 * position {@code t ∈ [0, 1]}, in float arithmetic: the one definition every cubic image kernel here uses.
 */
final class CatmullRom {
  private CatmullRom() {}

  static float weight0(float t) {
    return ((-0.5f * t + 1.0f) * t - 0.5f) * t;
  }

  static float weight1(float t) {
    return (1.5f * t - 2.5f) * t * t + 1.0f;
  }

  static float weight2(float t) {
    return ((-1.5f * t + 2.0f) * t + 0.5f) * t;
  }

  static float weight3(float t) {
    return (0.5f * t - 0.5f) * t * t;
  }
}
