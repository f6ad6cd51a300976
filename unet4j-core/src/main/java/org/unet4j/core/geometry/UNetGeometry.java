package org.unet4j.core.geometry;

import org.unet4j.core.model.Padding;

/**
 * The size arithmetic of a U-Net: which input sizes work and what comes out. The only place that knows it.
 *
 * <p>Each level has two 3×3 convs; the contracting path halves the size {@code depth} times with 2×2 max-pools
 * (which must see an even size), and the expanding path doubles it with 2×2 up-convs.
 *
 * <p><b>VALID</b> (the paper): every conv loses 2 px, so with {@code m} the size entering the bottom level, the
 * input is {@code n = 2^d·m + 4·(2^d − 1)} and the output {@code n − (12·2^d − 8)}. For depth 4: valid inputs are
 * {@code n ≡ 12 (mod 16)}, {@code n ≥ 188}; 572 in → 388 out; the margin lost per side is 92 px. Worked example: a
 * 1000-px-wide image needs ⌈1000 / 388⌉ = 3 output tiles of 388 px.
 *
 * <p><b>SAME</b>: output = input; inputs must be multiples of {@code 2^depth} so every pool sees an even size.
 *
 * @param depth number of max-pool steps (≥ 1)
 * @param padding conv padding
 */
public record UNetGeometry(int depth, Padding padding) {

  /** Checks the depth. */
  public UNetGeometry {
    if (depth < 1 || depth > 30) {
      throw new IllegalArgumentException("depth is " + depth + "; use a depth of at least 1");
    }
    if (padding == null) {
      throw new IllegalArgumentException("padding must be VALID or SAME");
    }
  }

  /** Pixels lost per side between input and output: {@code 6·2^d − 4} for VALID (92 at depth 4), 0 for SAME. */
  public int marginPx() {
    return padding == Padding.VALID ? 6 * (1 << depth) - 4 : 0;
  }

  /** The stride of the pooling grid, {@code 2^depth}: the net is shift-equivariant only for multiples of it. */
  public int poolingStridePx() {
    return 1 << depth;
  }

  /** Whether a spatial size of {@code n} px goes through the net with every pool seeing an even size. */
  public boolean isValidInput(int n) {
    if (n < 1) {
      return false;
    }
    int scale = 1 << depth;
    if (padding == Padding.SAME) {
      return n % scale == 0;
    }
    int lost = 4 * (scale - 1); // two valid convs per contracting level, accumulated through the pools
    if (n <= lost || (n - lost) % scale != 0) {
      return false;
    }
    int size = (n - lost) / scale - 4; // bottom level output
    for (int level = 0; level < depth; level++) {
      if (size < 1) {
        return false;
      }
      size = 2 * size - 4;
    }
    return size >= 1;
  }

  /**
   * The output size for a valid input size.
   *
   * @throws IllegalArgumentException naming the nearest valid sizes if {@code n} is not valid
   */
  public int outputSize(int n) {
    requireValidInput(n);
    return n - 2 * marginPx();
  }

  /** The smallest valid input whose output is at least {@code outputPx} px. */
  public int inputSizeFor(int outputPx) {
    if (outputPx < 1) {
      throw new IllegalArgumentException("output size is " + outputPx + " px; it must be at least 1");
    }
    return nextValidInput(outputPx + 2 * marginPx());
  }

  /** The smallest valid input size ≥ {@code n}. */
  public int nextValidInput(int n) {
    int candidate = Math.max(1, n);
    while (!isValidInput(candidate)) {
      candidate++;
    }
    return candidate;
  }

  /** The largest valid input size ≤ {@code n}, or -1 if there is none. */
  public int previousValidInput(int n) {
    for (int candidate = n; candidate >= 1; candidate--) {
      if (isValidInput(candidate)) {
        return candidate;
      }
    }
    return -1;
  }

  /** The smallest valid input size. */
  public int minimumInput() {
    return nextValidInput(1);
  }

  /**
   * Throws unless {@code n} is valid, naming the valid sizes around it.
   *
   * <p>Example: "500 is not a valid input for depth 4 (VALID padding); use 492 or 508".
   */
  public void requireValidInput(int n) {
    if (isValidInput(n)) {
      return;
    }
    int below = previousValidInput(n);
    int above = nextValidInput(n);
    String rule =
        padding == Padding.VALID
            ? "n ≡ " + (4 * (poolingStridePx() - 1)) % poolingStridePx() + " (mod " + poolingStridePx() + "), n ≥ "
                + minimumInput()
            : "a multiple of " + poolingStridePx();
    String use = below > 0 ? "use " + below + " or " + above : "use " + above;
    throw new IllegalArgumentException(
        n + " is not a valid input for depth " + depth + " (" + padding + " padding: " + rule + "); " + use);
  }
}
