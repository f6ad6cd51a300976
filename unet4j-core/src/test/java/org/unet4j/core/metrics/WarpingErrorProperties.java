package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;

/** The warp changes only the geometry: topology of the truth is kept, and it never moves away from the target. */
class WarpingErrorProperties {

  private static LabelImage random(Random random, int height, int width, double density) {
    int[] data = new int[height * width];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextDouble() < density ? 1 : 0;
    }
    return new LabelImage(height, width, data);
  }

  /** Objects (4-connected) and background regions (8-connected, with the outside frame as one region). */
  private static int[] topology(LabelImage image) {
    int h = image.height() + 2;
    int w = image.width() + 2;
    int[] framed = new int[h * w];
    int[] inverted = new int[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean inside = y > 0 && x > 0 && y < h - 1 && x < w - 1;
        int v = inside ? image.get(y - 1, x - 1) : 0;
        framed[y * w + x] = v;
        inverted[y * w + x] = 1 - v;
      }
    }
    return new int[] {
      ConnectedComponents.label(new LabelImage(h, w, framed), Connectivity.FOUR).maxLabel(),
      ConnectedComponents.label(new LabelImage(h, w, inverted), Connectivity.EIGHT).maxLabel()
    };
  }

  @Property(tries = 200)
  void warpedTruthKeepsTheTopologyAndOnlyGetsCloserToThePrediction(
      @ForAll @IntRange(min = 3, max = 12) int height, @ForAll @IntRange(min = 3, max = 12) int width,
      @ForAll long seed) {
    Random random = new Random(seed);
    LabelImage truth = random(random, height, width, 0.55);
    LabelImage prediction = random(random, height, width, 0.55);
    WarpingResult result = WarpingError.warp(truth, prediction);
    assertThat(topology(result.warpedTruth())).containsExactly(topology(truth));
    long before = 0;
    long after = 0;
    for (int i = 0; i < truth.data().length; i++) {
      before += truth.data()[i] != prediction.data()[i] ? 1 : 0;
      after += result.warpedTruth().data()[i] != prediction.data()[i] ? 1 : 0;
      // a pixel is only ever flipped toward the prediction
      if (result.warpedTruth().data()[i] != truth.data()[i]) {
        assertThat(result.warpedTruth().data()[i]).isEqualTo(prediction.data()[i]);
      }
    }
    assertThat(after).isLessThanOrEqualTo(before).isEqualTo(result.counts().mismatchPixels());
    // every remaining mismatch is classified, and splits/mergers are among them
    long classified = java.util.Arrays.stream(result.mismatchTypes().data()).filter(c -> c != 0).count();
    assertThat(classified).isEqualTo(after);
    assertThat(result.counts().splitPixels() + result.counts().mergePixels()).isLessThanOrEqualTo(after);
  }

  @Property(tries = 100)
  void warpingTheTruthOntoItselfShiftedByOnePixelInsideTheFrameCostsNothingForConvexBlobs(
      @ForAll @IntRange(min = 2, max = 6) int blobHeight, @ForAll @IntRange(min = 2, max = 6) int blobWidth,
      @ForAll @IntRange(min = -1, max = 1) int dy, @ForAll @IntRange(min = -1, max = 1) int dx) {
    int h = blobHeight + 4;
    int w = blobWidth + 4;
    LabelImage truth = LabelImage.zeros(h, w);
    LabelImage shifted = LabelImage.zeros(h, w);
    for (int y = 2; y < 2 + blobHeight; y++) {
      for (int x = 2; x < 2 + blobWidth; x++) {
        truth.set(y, x, 1);
        shifted.set(y + dy, x + dx, 1);
      }
    }
    assertThat(WarpingError.warp(truth, shifted).counts().mismatchPixels()).isZero();
  }
}
