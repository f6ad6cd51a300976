package org.unet4j.core.synthetic;

import static org.unet4j.core.synthetic.SpecChecks.inRange;

import java.util.Objects;

/**
 * Everything that defines a family of synthetic cell images: the image size, the cells, their appearance and the
 * microscope. Start from a preset ({@link #defaults(int, int)} or {@link SyntheticStyle#spec(int, int)}) and change
 * parts with the {@code with…} methods.
 *
 * @param heightPx image rows, in [16, 16384]
 * @param widthPx image columns, in [16, 16384]
 * @param cells number, sizes and shapes of the cells; the largest cell must fit: {@code 2·maxRadiusPx ≤ min(H, W)}
 * @param appearance the specimen's grey values
 * @param acquisition blur, illumination and noise
 */
public record SyntheticCellsSpec(
    int heightPx, int widthPx, CellPopulation cells, CellAppearance appearance, Acquisition acquisition) {

  /** Checks the size and that the largest cell fits the image. */
  public SyntheticCellsSpec {
    inRange("heightPx", heightPx, 16, 16384, "image rows");
    inRange("widthPx", widthPx, 16, 16384, "image columns");
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(appearance, "appearance");
    Objects.requireNonNull(acquisition, "acquisition");
    if (2 * cells.maxRadiusPx() > Math.min(heightPx, widthPx)) {
      throw new IllegalArgumentException("a " + heightPx + "×" + widthPx + " px (H×W) image is too small for cells of "
          + "radius up to " + cells.maxRadiusPx() + " px; make it at least " + (int) Math.ceil(2 * cells.maxRadiusPx())
          + " px in both axes or use smaller cells");
    }
  }

  /** The default preset, {@link SyntheticStyle#CELLS}: fluorescent cells, many touching, moderate noise. */
  public static SyntheticCellsSpec defaults(int heightPx, int widthPx) {
    return SyntheticStyle.CELLS.spec(heightPx, widthPx);
  }

  /**
   * This spec for another image size, with the cell count scaled by the ratio of image areas (so the density stays
   * the same).
   */
  public SyntheticCellsSpec withSize(int newHeightPx, int newWidthPx) {
    double ratio = (double) newHeightPx * newWidthPx / ((double) heightPx * widthPx);
    int count = (int) Math.min(100_000, Math.round(cells.cellCount() * ratio));
    return new SyntheticCellsSpec(newHeightPx, newWidthPx, cells.withCellCount(count), appearance, acquisition);
  }

  /** This spec with other cells. */
  public SyntheticCellsSpec withCells(CellPopulation newCells) {
    return new SyntheticCellsSpec(heightPx, widthPx, newCells, appearance, acquisition);
  }

  /** This spec with another appearance. */
  public SyntheticCellsSpec withAppearance(CellAppearance newAppearance) {
    return new SyntheticCellsSpec(heightPx, widthPx, cells, newAppearance, acquisition);
  }

  /** This spec with another acquisition. */
  public SyntheticCellsSpec withAcquisition(Acquisition newAcquisition) {
    return new SyntheticCellsSpec(heightPx, widthPx, cells, appearance, newAcquisition);
  }
}
