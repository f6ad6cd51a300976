package org.unet4j.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.unet4j.core.image.FloatImage;

/**
 * Generates synthetic microscopy images of cells with exact instance labels, deterministically from a seed.
 *
 * <pre>
 *   SyntheticCellsSpec spec = SyntheticCellsSpec.defaults(256, 256);
 *   List&lt;SyntheticImage&gt; train = SyntheticCells.dataset(spec, 42, 16);
 * </pre>
 *
 * <p>Cost: linear in the pixel count (cell placement, a distance transform, separable Gaussian blurs, noise): about
 * 15–20 ms of one core for 256×256 px and 55–70 ms for 512×512 px, measured on a busy 2-core machine.
 */
public final class SyntheticCells {
  private SyntheticCells() {}

  /**
   * The image for {@code seed}: the same spec and seed give bit-identical results on every run and JVM.
   *
   * <p>The seed is split into four independent streams, in this order: cell layout, texture, illumination, noise.
   * So two specs that differ only in their {@link Acquisition} give the same labels and specimen.
   */
  public static SyntheticImage generate(SyntheticCellsSpec spec, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom layoutRng = root.split();
    SplittableRandom textureRng = root.split();
    SplittableRandom illuminationRng = root.split();
    SplittableRandom noiseRng = root.split();
    CellLayout layout = CellLayout.place(spec, layoutRng);
    float[] specimen = Specimen.render(layout, spec.appearance(), textureRng);
    float[] pixels = Microscope.acquire(
        specimen, spec.heightPx(), spec.widthPx(), spec.acquisition(), illuminationRng, noiseRng);
    return new SyntheticImage(new FloatImage(1, spec.heightPx(), spec.widthPx(), pixels), layout.labels());
  }

  /**
   * Image {@code index} of the dataset with seed {@code seed}: {@code generate(spec, imageSeed(seed, index))}. It
   * depends only on (spec, seed, index), never on how many images are made.
   *
   * @throws IllegalArgumentException if {@code index < 0}
   */
  public static SyntheticImage generate(SyntheticCellsSpec spec, long seed, int index) {
    return generate(spec, imageSeed(seed, index));
  }

  /**
   * Images {@code 0..count−1} of the dataset with seed {@code seed} (see {@link #generate(SyntheticCellsSpec, long,
   * int)}).
   *
   * @throws IllegalArgumentException if {@code count < 0}
   */
  public static List<SyntheticImage> dataset(SyntheticCellsSpec spec, long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("image count " + count + " must be ≥ 0");
    }
    List<SyntheticImage> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      images.add(generate(spec, seed, i));
    }
    return images;
  }

  /**
   * The seed of image {@code index} in the dataset with seed {@code seed}: the SplitMix64 finaliser of a
   * combination of both, so neighbouring seeds and indices give unrelated images.
   *
   * @throws IllegalArgumentException if {@code index < 0}
   */
  public static long imageSeed(long seed, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("image index " + index + " must be ≥ 0");
    }
    return mix(mix(seed) + 0x9E3779B97F4A7C15L * (index + 1L));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
