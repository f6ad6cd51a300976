package org.unet4j.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.unet4j.core.model.Padding;

/**
 * The closed-form size arithmetic of {@link UNetGeometry} against a brute-force, layer-by-layer simulation of the
 * network (every conv, pool and up-conv), for depths 1–5 and sizes up to 2000 px.
 */
class UNetGeometryProperties {

  /**
   * The output size of a net of this depth for input {@code n}, or -1 if some layer cannot run: a conv needs at
   * least 3 px (VALID), a 2×2 pool needs an even size.
   */
  static int simulate(int n, int depth, Padding padding) {
    int lostPerConv = padding == Padding.VALID ? 2 : 0;
    int size = n;
    for (int level = 0; level < depth; level++) {
      for (int conv = 0; conv < 2; conv++) {
        size -= lostPerConv;
        if (size < 1) {
          return -1;
        }
      }
      if (size % 2 != 0) {
        return -1;
      }
      size /= 2;
    }
    for (int conv = 0; conv < 2; conv++) {
      size -= lostPerConv;
      if (size < 1) {
        return -1;
      }
    }
    for (int level = 0; level < depth; level++) {
      size *= 2; // 2×2 up-conv, stride 2
      for (int conv = 0; conv < 2; conv++) {
        size -= lostPerConv;
        if (size < 1) {
          return -1;
        }
      }
    }
    return size;
  }

  @Property(tries = 3000)
  void closedFormAgreesWithTheLayerByLayerSimulation(
      @ForAll @IntRange(min = 1, max = 2000) int n, @ForAll @IntRange(min = 1, max = 5) int depth,
      @ForAll Padding padding) {
    UNetGeometry geometry = new UNetGeometry(depth, padding);
    int simulated = simulate(n, depth, padding);
    assertThat(geometry.isValidInput(n)).as("n = %d", n).isEqualTo(simulated > 0);
    if (simulated > 0) {
      assertThat(geometry.outputSize(n)).isEqualTo(simulated);
      int lost = padding == Padding.VALID ? 12 * (1 << depth) - 8 : 0;
      assertThat(geometry.outputSize(n)).isEqualTo(n - lost);
      assertThat(2 * geometry.marginPx()).isEqualTo(lost);
    }
  }

  @Property(tries = 500)
  void nextValidInputAndInputSizeForAreTheSmallestValidSizes(
      @ForAll @IntRange(min = 1, max = 1500) int n, @ForAll @IntRange(min = 1, max = 5) int depth,
      @ForAll Padding padding) {
    UNetGeometry geometry = new UNetGeometry(depth, padding);
    int next = geometry.nextValidInput(n);
    assertThat(simulate(next, depth, padding)).isPositive();
    for (int m = n; m < next; m++) {
      assertThat(simulate(m, depth, padding)).as("m = %d", m).isNegative();
    }
    int input = geometry.inputSizeFor(n);
    assertThat(simulate(input, depth, padding)).isGreaterThanOrEqualTo(n);
    int smaller = geometry.previousValidInput(input - 1);
    if (smaller > 0) {
      assertThat(simulate(smaller, depth, padding)).isLessThan(n);
    }
  }

  @Example
  void paperNumbers() {
    UNetGeometry paper = new UNetGeometry(4, Padding.VALID);
    assertThat(paper.outputSize(572)).isEqualTo(388);
    assertThat(paper.marginPx()).isEqualTo(92);
    assertThat(paper.minimumInput()).isEqualTo(188);
    assertThat(paper.outputSize(188)).isEqualTo(4);
    assertThat(paper.inputSizeFor(388)).isEqualTo(572);
    assertThat(paper.nextValidInput(500)).isEqualTo(508);
  }

  @Example
  void invalidSizesAreRejectedNamingTheNearestValidOnes() {
    assertThatThrownBy(() -> new UNetGeometry(4, Padding.VALID).outputSize(500))
        .hasMessageContaining("500 is not a valid input for depth 4")
        .hasMessageContaining("n ≡ 12 (mod 16), n ≥ 188")
        .hasMessageContaining("use 492 or 508");
    assertThatThrownBy(() -> new UNetGeometry(4, Padding.VALID).outputSize(100))
        .hasMessageContaining("use 188");
    assertThatThrownBy(() -> new UNetGeometry(3, Padding.SAME).outputSize(100))
        .hasMessageContaining("a multiple of 8")
        .hasMessageContaining("use 96 or 104");
  }
}
