package org.unet4j.core.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;

class SeparationBordersTest {

  static LabelImage picture(String... rows) {
    LabelImage image = LabelImage.zeros(rows.length, rows[0].length());
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < rows[y].length(); x++) {
        char c = rows[y].charAt(x);
        image.set(y, x, c == '.' ? 0 : c == '#' ? 1 : c - '0');
      }
    }
    return image;
  }

  static LabelImage twoTouchingSquares() {
    return picture(
        "............",
        "............",
        "..11112222..",
        "..11112222..",
        "..11112222..",
        "..11112222..",
        "............",
        "............");
  }

  @Test
  void touchingSquaresLoseTheirContactLinesAndTheNotchesAreMarked() {
    LabelImage border = new SeparationBorders(2).borderMask(twoTouchingSquares());
    assertThat(border)
        .isEqualTo(
            picture(
                "............",
                "....####....",
                ".....##.....",
                ".....##.....",
                ".....##.....",
                ".....##.....",
                "....####....",
                "............"));
    assertThat(new SeparationBorders(0).borderMask(twoTouchingSquares()))
        .isEqualTo(
            picture(
                "............",
                "............",
                ".....##.....",
                ".....##.....",
                ".....##.....",
                ".....##.....",
                "............",
                "............"));
  }

  @Test
  void foregroundMaskSeparatesTouchingSquaresIntoTwoComponents() {
    SeparationBorders borders = SeparationBorders.defaults();
    LabelImage mask = borders.foregroundMask(twoTouchingSquares());
    assertThat(mask)
        .isEqualTo(
            picture(
                "............",
                "............",
                "..###..###..",
                "..###..###..",
                "..###..###..",
                "..###..###..",
                "............",
                "............"));
    assertThat(ConnectedComponents.label(mask, Connectivity.EIGHT).maxLabel()).isEqualTo(2);
    assertThat(borders.separate(twoTouchingSquares()).get(3, 7)).isEqualTo(2);
  }

  @Test
  void gapsUpToGapPxAreMarkedAndWiderGapsAreNot() {
    LabelImage gap2 = picture("1..2");
    assertThat(new SeparationBorders(2).borderMask(gap2).data()).containsExactly(0, 1, 1, 0);
    assertThat(new SeparationBorders(1).borderMask(gap2).data()).containsExactly(0, 0, 0, 0);
    assertThat(new SeparationBorders(2).borderMask(picture("1...2")).data()).containsOnly(0);
    assertThat(new SeparationBorders(3).borderMask(picture("1...2")).data()).containsExactly(0, 1, 1, 1, 0);
    // One instance alone never has borders, whatever its shape.
    assertThat(new SeparationBorders(2).borderMask(picture("1..1", "1111")).data()).containsOnly(0);
  }

  @Test
  void borderMaskFollowsTheDocumentedRuleOnRandomImages() {
    SplittableRandom random = new SplittableRandom(5);
    for (int repeat = 0; repeat < 40; repeat++) {
      int height = 1 + random.nextInt(20);
      int width = 1 + random.nextInt(20);
      int gap = random.nextInt(4);
      int[] labels = new int[height * width];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = random.nextDouble() < 0.15 ? 1 + random.nextInt(4) : 0;
      }
      LabelImage instances = new LabelImage(height, width, labels);
      int[] got = new SeparationBorders(gap).borderMask(instances).data();
      for (int i = 0; i < labels.length; i++) {
        assertThat(got[i]).as("gap %d pixel %d", gap, i).isEqualTo(ruleByBruteForce(instances, i, gap) ? 1 : 0);
      }
    }
  }

  /** The rule from the class Javadoc, with Chebyshev distances to every instance computed directly. */
  static boolean ruleByBruteForce(LabelImage instances, int i, int gap) {
    int width = instances.width();
    int[] labels = instances.data();
    int max = instances.maxLabel();
    int[] cheb = new int[max + 1];
    java.util.Arrays.fill(cheb, Integer.MAX_VALUE);
    for (int j = 0; j < labels.length; j++) {
      if (labels[j] != 0) {
        int d = Math.max(Math.abs(i / width - j / width), Math.abs(i % width - j % width));
        cheb[labels[j]] = Math.min(cheb[labels[j]], d);
      }
    }
    if (labels[i] != 0) {
      for (int l = 1; l <= max; l++) {
        if (l != labels[i] && cheb[l] <= 1) {
          return true;
        }
      }
      return false;
    }
    for (int a = 1; a <= max; a++) {
      for (int b = a + 1; b <= max; b++) {
        if (cheb[a] != Integer.MAX_VALUE && cheb[b] != Integer.MAX_VALUE && cheb[a] + cheb[b] <= gap + 1) {
          return true;
        }
      }
    }
    return false;
  }
}
