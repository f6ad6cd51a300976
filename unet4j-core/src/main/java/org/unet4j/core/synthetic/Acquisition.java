package org.unet4j.core.synthetic;

import static org.unet4j.core.synthetic.SpecChecks.inRange;

/**
 * The microscope and camera: how the specimen image is degraded. Applied in this order: Gaussian blur (the
 * point-spread function), uneven illumination (multiplicative), Poisson shot noise, Gaussian read noise, clipping to
 * [0, 1].
 *
 * <p>Illumination is {@code 1 + illuminationUnevenness · g(x)} with {@code g ∈ [−1, 1]} a mix of a linear ramp in a
 * random direction (60 %) and a centred vignetting fall-off (40 %). Shot noise: a pixel of grey value {@code v}
 * collects {@code Poisson(v · photonsAtFullScale)} photons and becomes {@code photons / photonsAtFullScale}, so its
 * noise variance is {@code v / photonsAtFullScale}; read noise then adds {@code N(0, readNoiseSd²)}.
 *
 * @param blurSigmaPx Gaussian σ of the point-spread function, px, in [0, 20] (0 = no blur)
 * @param illuminationUnevenness relative amplitude of the illumination field, in [0, 0.9] (0 = even)
 * @param photonsAtFullScale photons collected at grey value 1, in [0, 10⁹] (0 = no shot noise; 100 = very noisy,
 *     10 000 = almost clean)
 * @param readNoiseSd standard deviation of the additive Gaussian read noise, grey values, in [0, 1]
 */
public record Acquisition(
    double blurSigmaPx, double illuminationUnevenness, double photonsAtFullScale, double readNoiseSd) {

  /** Checks every field against its range. */
  public Acquisition {
    inRange("blurSigmaPx", blurSigmaPx, 0, 20, "0 = no blur");
    inRange("illuminationUnevenness", illuminationUnevenness, 0, 0.9, "0 = even illumination");
    inRange("photonsAtFullScale", photonsAtFullScale, 0, 1e9, "0 = no shot noise");
    inRange("readNoiseSd", readNoiseSd, 0, 1, "0 = no read noise");
  }

  /** A perfect microscope: no blur, even illumination, no noise. */
  public static Acquisition ideal() {
    return new Acquisition(0, 0, 0, 0);
  }

  /** This acquisition with another illumination unevenness. */
  public Acquisition withIlluminationUnevenness(double unevenness) {
    return new Acquisition(blurSigmaPx, unevenness, photonsAtFullScale, readNoiseSd);
  }

  /** This acquisition with other noise settings. */
  public Acquisition withNoise(double photons, double readSd) {
    return new Acquisition(blurSigmaPx, illuminationUnevenness, photons, readSd);
  }
}
