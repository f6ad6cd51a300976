package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;

/**
 * The simple-point table against the definition: flipping a pixel of a random image must change neither the number
 * of 4-connected objects nor the number of 8-connected background regions (holes plus the outside, with a background
 * frame) exactly when the table calls it simple.
 */
class SimplePointsProperties {

  private static final int SIZE = 7;

  private static int objects(int[] image) {
    return ConnectedComponents.label(new LabelImage(SIZE, SIZE, image), Connectivity.FOUR).maxLabel();
  }

  private static int backgroundRegions(int[] image) {
    int[] inverted = new int[image.length];
    for (int i = 0; i < image.length; i++) {
      inverted[i] = 1 - image[i];
    }
    return ConnectedComponents.label(new LabelImage(SIZE, SIZE, inverted), Connectivity.EIGHT).maxLabel();
  }

  @Property(tries = 300)
  void simpleExactlyWhenTheFlipKeepsObjectsAndBackgroundRegions(@ForAll long seed) {
    Random random = new Random(seed);
    int[] image = new int[SIZE * SIZE];
    double density = 0.3 + 0.4 * random.nextDouble();
    for (int y = 1; y < SIZE - 1; y++) {
      for (int x = 1; x < SIZE - 1; x++) {
        image[y * SIZE + x] = random.nextDouble() < density ? 1 : 0;
      }
    }
    int objects = objects(image);
    int background = backgroundRegions(image);
    // Pixels whose 3×3 neighbourhood stays inside the background frame.
    for (int y = 2; y < SIZE - 2; y++) {
      for (int x = 2; x < SIZE - 2; x++) {
        int bits = 0;
        for (int b = 0; b < 8; b++) {
          bits |= image[(y + SimplePoints.DY[b]) * SIZE + x + SimplePoints.DX[b]] << b;
        }
        int[] flipped = image.clone();
        flipped[y * SIZE + x] ^= 1;
        boolean keeps = objects(flipped) == objects && backgroundRegions(flipped) == background;
        assertThat(SimplePoints.isSimple(bits)).as("pixel (%d,%d) bits %s", y, x, Integer.toBinaryString(bits))
            .isEqualTo(keeps);
      }
    }
  }

  @Test
  void handCases() {
    assertThat(SimplePoints.isSimple(0)).as("isolated pixel: deleting it deletes an object").isFalse();
    assertThat(SimplePoints.isSimple(0xff)).as("interior pixel: removing it opens a hole").isFalse();
    // only the left neighbour (bit 7): an end point, simple
    assertThat(SimplePoints.isSimple(1 << 7)).isTrue();
    // left and right neighbours only: a bridge pixel, not simple
    assertThat(SimplePoints.isSimple((1 << 7) | (1 << 3))).isFalse();
    // only a diagonal neighbour: with 4-connected objects adding it would make a new object
    assertThat(SimplePoints.isSimple(1)).isFalse();
  }
}
