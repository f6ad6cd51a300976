package org.unet4j.core.synthetic;

import static org.unet4j.core.synthetic.SpecChecks.inRange;

/**
 * How many cells there are and what shapes they have.
 *
 * <p>Each cell is an ellipse with equivalent radius {@code r = √(a·b)} drawn uniformly from
 * {@code [minRadiusPx, maxRadiusPx]} and aspect ratio {@code a/b} drawn uniformly from {@code [1, maxAspectRatio]},
 * whose boundary is then perturbed by low-frequency Fourier harmonics (orders 2–6, amplitudes decaying as
 * {@code 1/k}, summing to at most {@code 2·irregularity}). The result is star-convex, and its area is
 * {@code π·r²·(1 + ½·Σ a_k²)}, so equivalent radii stay within
 * {@code [minRadiusPx, maxRadiusPx·√(1 + 2·irregularity²)]}
 * before neighbours take their share.
 *
 * <p>About a fraction {@code touchingFraction} of the cells shares a boundary with another cell (on average a few
 * per cent more, never much less unless the image is too crowded). Such contacts are made by pressing a new cell
 * against a placed one (centre distance 75–92 % of the sum of their radii along the line joining them) whenever the
 * share of touching cells is below the target; the overlap is split between the two by giving each pixel to the cell
 * it lies most deeply inside, so they share a boundary. All other cells keep a gap of at least {@link #GAP_PX} px to
 * every cell. If the image is too crowded, fewer than {@code cellCount} cells are placed.
 *
 * @param cellCount cells to place (0 gives an empty specimen, useful to look at the background and noise alone)
 * @param minRadiusPx smallest equivalent radius, px (≥ 2)
 * @param maxRadiusPx largest equivalent radius, px (≥ minRadiusPx)
 * @param maxAspectRatio largest ratio of the long to the short ellipse axis (1 = circles, up to 4)
 * @param irregularity boundary roughness in [0, 0.45] (0 = smooth ellipses, 0.1 = nuclei, 0.35 = spread-out cells)
 * @param touchingFraction fraction in [0, 1] of cells that touch another cell
 */
public record CellPopulation(
    int cellCount,
    double minRadiusPx,
    double maxRadiusPx,
    double maxAspectRatio,
    double irregularity,
    double touchingFraction) {

  /** The gap (px, between boundaries) kept between a cell that is not placed touching and every other cell. */
  public static final double GAP_PX = 2;

  /** Checks every field against its range. */
  public CellPopulation {
    inRange("cellCount", cellCount, 0, 100_000, "0 draws the background only");
    inRange("minRadiusPx", minRadiusPx, 2, 1000, "cells smaller than 2 px are not resolved");
    inRange("maxRadiusPx", maxRadiusPx, minRadiusPx, 1000, "maxRadiusPx must be ≥ minRadiusPx " + minRadiusPx);
    inRange("maxAspectRatio", maxAspectRatio, 1, 4, "1 = circles");
    inRange("irregularity", irregularity, 0, 0.45, "0 = smooth ellipses, 0.35 = very irregular");
    inRange("touchingFraction", touchingFraction, 0, 1, "fraction of cells that touch another");
  }

  /** The mean cell area in px², ignoring irregularity: {@code π·E[r²]} for r uniform in the radius range. */
  public double meanAreaPx() {
    double a = minRadiusPx;
    double b = maxRadiusPx;
    return Math.PI * (a * a + a * b + b * b) / 3;
  }

  /** This population with another cell count. */
  public CellPopulation withCellCount(int count) {
    return new CellPopulation(count, minRadiusPx, maxRadiusPx, maxAspectRatio, irregularity, touchingFraction);
  }

  /** This population with another touching fraction. */
  public CellPopulation withTouchingFraction(double fraction) {
    return new CellPopulation(cellCount, minRadiusPx, maxRadiusPx, maxAspectRatio, irregularity, fraction);
  }
}
