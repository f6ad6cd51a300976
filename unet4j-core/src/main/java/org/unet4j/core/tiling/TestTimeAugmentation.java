package org.unet4j.core.tiling;

import java.util.Objects;

/**
 * Test-time augmentation: a {@link TileModel} that runs its inner model on up to 8 flipped and rotated copies of each
 * tile ({@link DihedralTransform}, in declaration order), maps every output back and returns the mean probability.
 * The paper averaged 7 rotated versions on ISBI 2012. The inner model sees transposed tiles ({@code W×H}) for the
 * rotations, so it must accept both orientations (any VALID or SAME net does: both sizes are valid).
 *
 * <p>Sums are kept in double, so a model that commutes with every used transform gets back exactly its own output.
 */
public final class TestTimeAugmentation implements TileModel {

  /** The largest number of variants: all of D4. */
  public static final int MAX_VARIANTS = 8;

  private final TileModel inner;
  private final int variants;

  /**
   * Averages {@code variants} transforms of each tile: 1 = identity only, 2 adds the left–right flip, 4 all flips,
   * 8 all flips and rotations.
   *
   * @throws IllegalArgumentException unless {@code 1 ≤ variants ≤ 8}
   */
  public TestTimeAugmentation(TileModel inner, int variants) {
    this.inner = Objects.requireNonNull(inner, "inner");
    if (variants < 1 || variants > MAX_VARIANTS) {
      throw new IllegalArgumentException(
          "test-time augmentation uses 1 to " + MAX_VARIANTS + " variants (flips and 90° rotations), not " + variants);
    }
    this.variants = variants;
  }

  /** Number of transforms averaged. */
  public int variants() {
    return variants;
  }

  @Override
  public int inChannels() {
    return inner.inChannels();
  }

  @Override
  public int outChannels() {
    return inner.outChannels();
  }

  @Override
  public int marginPx() {
    return inner.marginPx();
  }

  @Override
  public float[] predict(float[] tiles, int count, int heightPx, int widthPx) {
    int outHeight = heightPx - 2 * marginPx();
    int outWidth = widthPx - 2 * marginPx();
    int outPlanes = count * outChannels();
    double[] sums = new double[outPlanes * outHeight * outWidth];
    for (int v = 0; v < variants; v++) {
      DihedralTransform transform = DihedralTransform.values()[v];
      float[] input = transform.apply(tiles, count * inChannels(), heightPx, widthPx);
      float[] output =
          transform.transposes()
              ? inner.predict(input, count, widthPx, heightPx)
              : inner.predict(input, count, heightPx, widthPx);
      transform.addInverse(output, outPlanes, outHeight, outWidth, sums);
    }
    float[] mean = new float[sums.length];
    for (int i = 0; i < sums.length; i++) {
      mean[i] = (float) (sums[i] / variants);
    }
    return mean;
  }
}
