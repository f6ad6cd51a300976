package org.unet4j.core.tiling;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.geometry.Intervals;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.Padding;

class TilePlannerProperties {

  /** A VALID geometry (depth 1–4), an image size (1 px, primes, smaller or larger than a tile) and a tile size. */
  record Case(UNetGeometry geometry, int height, int width, int tilePx) {}

  @Provide
  Arbitrary<Case> validCases() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 1300),
            Arbitraries.integers().between(1, 1300),
            Arbitraries.integers().between(1, 40))
        .as((depth, h, w, k) -> {
          UNetGeometry g = new UNetGeometry(depth, Padding.VALID);
          // k-th valid size whose output reaches the pooling stride
          int tile = g.inputSizeFor(g.poolingStridePx());
          for (int i = 0; i < k; i++) {
            tile = g.nextValidInput(tile + 1);
          }
          return new Case(g, h, w, tile);
        });
  }

  @Provide
  Arbitrary<Case> sameCases() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 900),
            Arbitraries.integers().between(1, 900),
            Arbitraries.integers().between(2, 20))
        .as((depth, h, w, k) -> {
          UNetGeometry g = new UNetGeometry(depth, Padding.SAME);
          return new Case(g, h, w, k * g.poolingStridePx());
        });
  }

  @Property(tries = 300)
  void alignedKeptIntervalsCoverEveryPixelExactlyOnce(@ForAll("validCases") Case c) {
    TilePlan plan = new TilePlanner(c.geometry()).aligned(c.height(), c.width(), c.tilePx());
    int[] hits = new int[c.height() * c.width()];
    for (Tile t : plan.tiles()) {
      assertThat(Interval2d.ofSize(c.height(), c.width()).contains(t.kept())).isTrue();
      for (int y = t.kept().y0(); y < t.kept().y1(); y++) {
        for (int x = t.kept().x0(); x < t.kept().x1(); x++) {
          hits[y * c.width() + x]++;
        }
      }
    }
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] != 1) {
        throw new AssertionError("pixel (" + i / c.width() + ", " + i % c.width() + ") is kept by " + hits[i]
            + " tiles of " + plan);
      }
    }
  }

  @Property(tries = 300)
  void alignedTilesAreValidAndShiftedByMultiplesOfThePoolingStride(@ForAll("validCases") Case c) {
    UNetGeometry g = c.geometry();
    TilePlan plan = new TilePlanner(g).aligned(c.height(), c.width(), c.tilePx());
    assertThat(g.isValidInput(plan.tileInputHeightPx())).isTrue();
    assertThat(g.isValidInput(plan.tileInputWidthPx())).isTrue();
    assertThat(plan.tileInputHeightPx()).isLessThanOrEqualTo(c.tilePx());
    for (Tile t : plan.tiles()) {
      assertThat(t.input()).isEqualTo(Intervals.expand(t.output(), g.marginPx()));
      // the whole-image pass reads from (−margin, −margin); tiles sit on its pooling grid
      assertThat(Math.floorMod(t.output().y0(), g.poolingStridePx())).isZero();
      assertThat(Math.floorMod(t.output().x0(), g.poolingStridePx())).isZero();
      // never beyond the mirrored canvas: inputs start at −margin at the earliest, outputs inside the image
      assertThat(t.input().y0()).isGreaterThanOrEqualTo(-g.marginPx());
      assertThat(t.input().x0()).isGreaterThanOrEqualTo(-g.marginPx());
      assertThat(t.output().y0()).isLessThan(c.height());
      assertThat(t.output().x0()).isLessThan(c.width());
    }
  }

  @Property(tries = 300)
  void anAxisThatFitsOneTileGetsTheWholeImagePadding(@ForAll("validCases") Case c) {
    UNetGeometry g = c.geometry();
    TilePlan plan = new TilePlanner(g).aligned(c.height(), c.width(), c.tilePx());
    if (g.inputSizeFor(c.height()) <= c.tilePx()) {
      assertThat(plan.rows()).isEqualTo(1);
      assertThat(plan.tileInputHeightPx()).isEqualTo(g.inputSizeFor(c.height()));
      assertThat(plan.tiles().get(0).input().y0()).isEqualTo(-g.marginPx());
    } else {
      assertThat(plan.tileInputHeightPx()).isEqualTo(c.tilePx());
      // no superfluous tile: without the last one the axis would not be covered
      int stride = plan.tiles().get(plan.columns()).output().y0();
      assertThat((plan.rows() - 2) * stride + plan.tileOutputHeightPx()).isLessThan(c.height());
    }
  }

  @Property(tries = 300)
  void blendedTilesCoverEveryPixelAndOverlapByAtLeastTheRequest(@ForAll("sameCases") Case c) {
    UNetGeometry g = c.geometry();
    int overlap = c.tilePx() / 4;
    TilePlan plan = new TilePlanner(g).blended(c.height(), c.width(), c.tilePx(), overlap, MergeRule.GAUSSIAN);
    int[] hits = new int[c.height() * c.width()];
    for (Tile t : plan.tiles()) {
      assertThat(t.output()).isEqualTo(t.input());
      assertThat(t.kept()).isEqualTo(Intervals.intersect(t.output(), Interval2d.ofSize(c.height(), c.width())));
      assertThat(Math.floorMod(t.input().y0(), g.poolingStridePx())).isZero();
      assertThat(t.input().y0()).isGreaterThanOrEqualTo(0);
      for (int y = t.kept().y0(); y < t.kept().y1(); y++) {
        for (int x = t.kept().x0(); x < t.kept().x1(); x++) {
          hits[y * c.width() + x]++;
        }
      }
      if (t.column() > 0) {
        Tile left = plan.tiles().get(t.index() - 1);
        assertThat(left.output().x1() - t.output().x0()).isGreaterThanOrEqualTo(overlap);
      }
    }
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] < 1) {
        throw new AssertionError("pixel (" + i / c.width() + ", " + i % c.width() + ") is in no tile of " + plan);
      }
    }
  }
}
