package org.unet4j.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellShapeTest {
  private static final CellPopulation IRREGULAR = new CellPopulation(1, 30, 40, 2.5, 0.45, 0);
  private static final CellPopulation ELONGATED = new CellPopulation(1, 30, 40, 4, 0.45, 0);

  @Test
  void pixelAreaMatchesTheClosedForm() {
    SplittableRandom rng = new SplittableRandom(21);
    for (int repeat = 0; repeat < 10; repeat++) {
      CellShape shape = CellShape.random(IRREGULAR, rng).movedTo(150.3, 149.6);
      int inside = 0;
      for (int y = 0; y < 300; y++) {
        for (int x = 0; x < 300; x++) {
          inside += shape.depth(y, x) < 1 ? 1 : 0;
        }
      }
      assertThat((double) inside).isCloseTo(shape.areaPx(), within(0.01 * shape.areaPx()));
    }
  }

  @Test
  void depthIsOneOnTheOutlineAndLinearAlongRays() {
    SplittableRandom rng = new SplittableRandom(22);
    for (int repeat = 0; repeat < 40; repeat++) {
      CellShape shape = CellShape.random(repeat % 2 == 0 ? IRREGULAR : ELONGATED, rng).movedTo(10, -4);
      double maxExtent = shape.maxExtentPx();
      double farthest = 0;
      for (int k = 0; k < 3600; k++) {
        double angle = 2 * Math.PI * k / 3600;
        double extent = shape.extentPx(angle);
        assertThat(extent).isLessThanOrEqualTo(maxExtent).isPositive();
        farthest = Math.max(farthest, extent);
        double y = 10 + extent * Math.sin(angle);
        double x = -4 + extent * Math.cos(angle);
        assertThat(shape.depth(y, x)).isCloseTo(1, within(1e-9));
        assertThat(shape.depth(10 + 0.25 * extent * Math.sin(angle), -4 + 0.25 * extent * Math.cos(angle)))
            .isCloseTo(0.25, within(1e-9));
      }
      assertThat(shape.depth(10, -4)).isZero();
      // the bound is tight enough to keep bounding boxes small
      assertThat(maxExtent).isLessThan(farthest * 1.1 + 1);
    }
  }

  @Test
  void depthWithinSkipsOnlyPointsFartherOutThanTheMargin() {
    SplittableRandom rng = new SplittableRandom(23);
    int skipped = 0;
    for (int repeat = 0; repeat < 20; repeat++) {
      CellShape shape = CellShape.random(repeat % 2 == 0 ? IRREGULAR : ELONGATED, rng).movedTo(0, 0);
      for (int y = -130; y <= 130; y += 2) {
        for (int x = -130; x <= 130; x += 2) {
          double depth = shape.depth(y, x);
          double within = shape.depthWithin(y, x, 2);
          if (within == Double.POSITIVE_INFINITY) {
            skipped++;
            double distance = Math.sqrt(y * y + x * x);
            // distance to the outline along the ray
            assertThat(distance - distance / depth).isGreaterThanOrEqualTo(2);
          } else {
            assertThat(within).isEqualTo(depth);
          }
        }
      }
    }
    assertThat(skipped).isGreaterThan(20 * 131 * 131 / 2);
  }
}
