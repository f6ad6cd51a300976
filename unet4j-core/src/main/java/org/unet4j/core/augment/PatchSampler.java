package org.unet4j.core.augment;

import java.util.List;
import java.util.SplittableRandom;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.FloatImage;

/**
 * Draws random, augmented training patches of a model's tile sizes from in-memory training samples, each in one
 * resampling pass. Patch {@code i} of seed {@code s} depends only on {@code (s, i)}, so a sequence is the same
 * whatever the number of loader threads.
 *
 * <p>Geometry (VALID paper net: {@code inputPx = 572}, {@code outputPx = 388}, {@code marginPx = 92}):
 *
 * <pre>
 *   source image      ┌───────────────────────────────┐
 *                     │   input window 572×572        │  top-left (oy − 92, ox − 92); may leave the image
 *                     │    ┌─────────────┐            │  (mirror padding), e.g. for images smaller than a tile
 *                     │    │ output 388² │ ← mask and weights: top-left (oy, ox)
 *                     │    └─────────────┘            │
 *                     └───────────────────────────────┘
 * </pre>
 *
 * <p>Per patch, from a generator seeded by {@code (seed, index)}: (1) pick a sample uniformly; (2) pick the output
 * region's top-left {@code oy} uniformly from the integers in {@code [min(0, H − out), max(0, H − out)]} (same for
 * {@code ox}) — inside the image when it is large enough, otherwise the image lies somewhere inside the region;
 * (3) draw a {@link SpatialTransform} for the {@code in × in} window from the {@link Augmentation}, rotating and
 * deforming about the window centre; (4) resample the image (configurable interpolation) on the whole window and
 * the mask (nearest) and weights (linear) on its centred {@code out × out} region with that same transform;
 * (5) apply a drawn {@link IntensityTransform} to the image only.
 *
 * <p>Immutable and thread-safe.
 */
public final class PatchSampler {

  private final List<TrainingSample> samples;
  private final int inputPx;
  private final int outputPx;
  private final Augmentation augmentation;
  private final IntensityJitter intensity;
  private final Interpolation imageInterpolation;

  /**
   * A sampler.
   *
   * @param samples training data (at least one; not copied, must not change)
   * @param inputPx input tile size (px), e.g. 572 for the paper's net
   * @param outputPx output tile size (px), e.g. 388; {@code inputPx − outputPx} must be even and ≥ 0
   * @param augmentation geometric augmentation ({@link AugmentationSpec#none()} for plain crops)
   * @param intensity grey-value jitter for the image ({@link IntensityJitter#none()} for none)
   * @param imageInterpolation how to resample the image (CUBIC or LINEAR; masks are always nearest, weights linear)
   */
  public PatchSampler(
      List<TrainingSample> samples,
      int inputPx,
      int outputPx,
      AugmentationSpec augmentation,
      IntensityJitter intensity,
      Interpolation imageInterpolation) {
    if (samples == null || samples.isEmpty()) {
      throw new IllegalArgumentException("need at least one training sample to draw patches from");
    }
    if (outputPx < 1 || inputPx < outputPx || (inputPx - outputPx) % 2 != 0) {
      throw new IllegalArgumentException(
          "tile sizes " + inputPx + " in / " + outputPx + " out do not fit: need 1 ≤ out ≤ in with an even"
              + " difference (in = out + 2·marginPx; use UNetGeometry.inputSizeFor(out))");
    }
    if (intensity == null || imageInterpolation == null) {
      throw new IllegalArgumentException("intensity and imageInterpolation must be given");
    }
    this.samples = List.copyOf(samples);
    this.inputPx = inputPx;
    this.outputPx = outputPx;
    this.augmentation = new Augmentation(augmentation);
    this.intensity = intensity;
    this.imageInterpolation = imageInterpolation;
  }

  /** A sampler that resamples images with {@link Interpolation#CUBIC} (see the full constructor). */
  public PatchSampler(
      List<TrainingSample> samples, int inputPx, int outputPx, AugmentationSpec augmentation, IntensityJitter intensity) {
    this(samples, inputPx, outputPx, augmentation, intensity, Interpolation.CUBIC);
  }

  /** Input tile size (px). */
  public int inputPx() {
    return inputPx;
  }

  /** Output tile size (px). */
  public int outputPx() {
    return outputPx;
  }

  /** Pixels between the input and output tile on each side, {@code (inputPx − outputPx)/2}. */
  public int marginPx() {
    return (inputPx - outputPx) / 2;
  }

  /** Number of training samples. */
  public int sampleCount() {
    return samples.size();
  }

  /**
   * Patch number {@code index} of the sequence {@code seed}: a pure function of {@code (seed, index)}.
   *
   * @param index any long (negative allowed)
   */
  public TrainingPatch sample(long seed, long index) {
    SplittableRandom rng = new SplittableRandom(streamSeed(seed, index));
    TrainingSample s = samples.get(samples.size() == 1 ? 0 : rng.nextInt(samples.size()));
    int oy = offset(rng, s.image().height());
    int ox = offset(rng, s.image().width());
    int m = marginPx();
    SpatialTransform t = augmentation.sample(rng, inputPx, inputPx).translate(oy - m, ox - m);
    IntensityTransform jitter = intensity.isNone() ? IntensityTransform.identity() : intensity.sample(rng);
    return extract(s, t, jitter);
  }

  /**
   * The patch {@code sample} produces for a given sample and transform (an {@code in × in} window) — the
   * deterministic part, exposed for tests and custom samplers.
   */
  public TrainingPatch extract(TrainingSample s, SpatialTransform window, IntensityTransform jitter) {
    if (window.outHeight() != inputPx || window.outWidth() != inputPx) {
      throw new IllegalArgumentException(
          "the transform's output is " + window.outHeight() + "×" + window.outWidth() + " but patches need "
              + inputPx + "×" + inputPx);
    }
    Interval2d centre = new Interval2d(marginPx(), marginPx(), outputPx, outputPx);
    FloatImage image = jitter.applyInPlace(window.apply(s.image(), imageInterpolation)); // a fresh image
    SpatialTransform.LabelAndWeights target = window.applyToTarget(s.mask(), s.weights(), centre);
    return new TrainingPatch(image, target.mask(), target.weights());
  }

  private int offset(SplittableRandom rng, int size) {
    int slack = size - outputPx;
    int lo = Math.min(0, slack);
    int hi = Math.max(0, slack);
    return lo == hi ? lo : rng.nextInt(lo, hi + 1);
  }

  /**
   * A well-mixed seed for stream {@code index} of {@code seed}. {@code SplittableRandom(s)} and
   * {@code SplittableRandom(s + γ)} give shifted copies of one sequence, so {@code seed + index} would correlate
   * neighbouring patches; two rounds of the SplitMix64 finaliser decorrelate them.
   */
  static long streamSeed(long seed, long index) {
    return mix64(mix64(seed) ^ mix64(index + 0x9E3779B97F4A7C15L));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
