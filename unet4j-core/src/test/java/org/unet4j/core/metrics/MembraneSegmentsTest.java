package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class MembraneSegmentsTest {

  private static FloatImage map(int height, int width, float... values) {
    return new FloatImage(1, height, width, values);
  }

  @Test
  void interiorIsStrictlyAboveTheThreshold() {
    FloatImage p = map(1, 4, 0.2f, 0.5f, 0.51f, 1f);
    assertThat(MembraneSegments.interior(p, 0.5)).containsExactly(false, false, true, true);
    assertThat(MembraneSegments.interior(p, 0.0)).containsExactly(true, true, true, true);
  }

  @Test
  void connectedComponentsAreFourConnectedAndLeaveMembraneZero() {
    // 1 0 1
    // 0 1 1   the top-left pixel touches the centre only diagonally: a separate segment
    FloatImage p = map(2, 3, 1, 0, 1, 0, 1, 1);
    LabelImage segments = MembraneSegments.connectedComponents(p, 0.5);
    assertThat(segments.data()).containsExactly(1, 0, 2, 0, 2, 2);
  }

  @Test
  void thinningSplitsAThreePixelMembraneIntoTwoSegmentsAndOneLine() {
    // A B: interior at x=0 and x=4; the flood reaches x=1 from A, x=3 from B, and x=2 from both → watershed line.
    FloatImage p = map(1, 5, 1, 0, 0, 0, 1);
    assertThat(MembraneSegments.thinned(p, 0.5).data()).containsExactly(1, 1, 0, 2, 2);
  }

  @Test
  void thinningOfATwoPixelMembraneFollowsTheScriptsTieBreaking() {
    // Flooding order x=1 (from A) then x=2: x=2 is queued beside B, is popped after x=1 took A, first sees A on its
    // left (takes A), then B on its right → watershed. The line ends up on the B side, 1 pixel wide.
    FloatImage p = map(1, 4, 1, 0, 0, 1);
    assertThat(MembraneSegments.thinned(p, 0.5).data()).containsExactly(1, 1, 0, 2);
  }

  @Test
  void membraneTouchingOneSegmentOnlyJoinsIt() {
    // 1 1 0
    // 1 1 0   the membrane column touches one segment: no line remains
    // 0 0 0
    FloatImage p = map(3, 3, 1, 1, 0, 1, 1, 0, 0, 0, 0);
    assertThat(MembraneSegments.thinned(p, 0.5).data()).containsOnly(1);
  }

  @Test
  void aMapWithoutInteriorIsOneSegment() {
    FloatImage p = map(2, 2, 0, 0.1f, 0.2f, 0);
    assertThat(MembraneSegments.thinned(p, 0.5).data()).containsOnly(1);
    assertThat(MembraneSegments.connectedComponents(p, 0.5).data()).containsOnly(0);
  }

  @Test
  void thinnedLinesSeparateEveryPairOfSegments() {
    // Three blobs in a thick membrane: after thinning, no two different segments touch (4-neighbourhood) and every
    // remaining line pixel has two different segments among its 4-neighbours or another line pixel next to it.
    int h = 9;
    int w = 11;
    float[] v = new float[h * w];
    int[][] blobs = {{1, 1}, {1, 8}, {6, 4}};
    for (int[] b : blobs) {
      for (int y = b[0]; y < b[0] + 2; y++) {
        for (int x = b[1]; x < b[1] + 2; x++) {
          v[y * w + x] = 1;
        }
      }
    }
    LabelImage s = MembraneSegments.thinned(map(h, w, v), 0.5);
    assertThat(s.maxLabel()).isEqualTo(3);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x + 1 < w; x++) {
        int a = s.get(y, x);
        int b = s.get(y, x + 1);
        assertThat(a == 0 || b == 0 || a == b).as("segments touch at (%d,%d)", y, x).isTrue();
      }
    }
    for (int y = 0; y + 1 < h; y++) {
      for (int x = 0; x < w; x++) {
        int a = s.get(y, x);
        int b = s.get(y + 1, x);
        assertThat(a == 0 || b == 0 || a == b).as("segments touch at (%d,%d)", y, x).isTrue();
      }
    }
    long linePixels = java.util.Arrays.stream(s.data()).filter(l -> l == 0).count();
    assertThat(linePixels).isLessThan(h * w / 3);
  }

  @Test
  void nanIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> MembraneSegments.thinned(map(1, 2, 0, Float.NaN), 0.5))
        .hasMessageContaining("(y=0, x=1) is NaN");
  }
}
