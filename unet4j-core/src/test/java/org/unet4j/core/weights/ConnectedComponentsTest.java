package org.unet4j.core.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unet4j.core.image.LabelImage;

class ConnectedComponentsTest {

  /**
   * Reference labelling by breadth-first flood fill, started from pixels in raster order, so it numbers components
   * by their first raster pixel like the union–find scan.
   */
  static int[] bfsLabels(int[] values, int height, int width, Connectivity connectivity, boolean sameValue) {
    int[] labels = new int[values.length];
    int next = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < values.length; start++) {
      if (values[start] == 0 || labels[start] != 0) {
        continue;
      }
      labels[start] = ++next;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        int y = i / width;
        int x = i % width;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            if ((dy == 0 && dx == 0) || (connectivity == Connectivity.FOUR && dy != 0 && dx != 0)) {
              continue;
            }
            int ny = y + dy;
            int nx = x + dx;
            if (ny < 0 || ny >= height || nx < 0 || nx >= width) {
              continue;
            }
            int j = ny * width + nx;
            if (values[j] != 0 && labels[j] == 0 && (!sameValue || values[j] == values[i])) {
              labels[j] = next;
              queue.add(j);
            }
          }
        }
      }
    }
    return labels;
  }

  @ParameterizedTest
  @EnumSource(Connectivity.class)
  void labelsEqualBreadthFirstFloodFillOnRandomMasks(Connectivity connectivity) {
    SplittableRandom random = new SplittableRandom(11);
    for (int repeat = 0; repeat < 200; repeat++) {
      int height = 1 + random.nextInt(40);
      int width = 1 + random.nextInt(40);
      double density = random.nextDouble();
      int[] values = new int[height * width];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextDouble() < density ? 1 + random.nextInt(3) : 0;
      }
      LabelImage mask = new LabelImage(height, width, values);
      assertThat(ConnectedComponents.label(mask, connectivity).data())
          .as("%d×%d density %s", height, width, density)
          .containsExactly(bfsLabels(values, height, width, connectivity, false));
      assertThat(ConnectedComponents.splitInstances(mask, connectivity).data())
          .containsExactly(bfsLabels(values, height, width, connectivity, true));
    }
  }

  @Test
  void diagonalNeighboursJoinOnlyWithEightConnectivity() {
    boolean[] mask = {true, false, false, true};
    assertThat(ConnectedComponents.label(mask, 2, 2, Connectivity.FOUR).data()).containsExactly(1, 0, 0, 2);
    assertThat(ConnectedComponents.label(mask, 2, 2, Connectivity.EIGHT).data()).containsExactly(1, 0, 0, 1);
  }

  @Test
  void relabelKeepsOrderAndMakesLabelsConsecutive() {
    LabelImage instances = new LabelImage(2, 3, new int[] {40, 0, 7, 7, 1_000_000_000, 40});
    assertThat(ConnectedComponents.relabelConsecutive(instances).data()).containsExactly(2, 0, 1, 1, 3, 2);
    LabelImage small = new LabelImage(1, 4, new int[] {9, 0, 3, 9});
    assertThat(ConnectedComponents.relabelConsecutive(small).data()).containsExactly(2, 0, 1, 2);
  }

  @Test
  void sizesCountPixelsPerLabelWithBackgroundAtIndexZero() {
    LabelImage labels = new LabelImage(2, 4, new int[] {0, 1, 1, 3, 0, 1, 3, 0});
    assertThat(ConnectedComponents.sizesPx(labels)).containsExactly(3, 3, 0, 2);
  }

  @Test
  void removeSmallDropsComponentsBelowTheMinimumAndRenumbers() {
    LabelImage labels = new LabelImage(2, 5, new int[] {1, 1, 0, 2, 0, 1, 0, 3, 3, 3});
    assertThat(ConnectedComponents.removeSmall(labels, 3).data()).containsExactly(1, 1, 0, 0, 0, 1, 0, 2, 2, 2);
    assertThat(ConnectedComponents.removeSmall(labels, 1)).isEqualTo(labels);
    assertThat(ConnectedComponents.removeSmall(labels, 4).maxLabel()).isZero();
  }
}
