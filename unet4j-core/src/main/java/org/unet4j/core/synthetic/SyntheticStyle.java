package org.unet4j.core.synthetic;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Presets that resemble common microscopy modalities. Each gives a {@link SyntheticCellsSpec} for any image size,
 * with the cell count chosen so that cells cover about the same fraction of the image at every size.
 */
public enum SyntheticStyle {
  /**
   * The default: fluorescently stained cells (cytoplasm stain) glowing on a dark background, with darker nuclei,
   * granular texture, varied brightness, soft edges and dark lines where cells touch; 60 % of them touch a neighbour.
   * Mild blur, vignetting and shot noise.
   */
  CELLS(
      0.47,
      new CellPopulation(0, 10, 18, 1.7, 0.25, 0.6),
      new CellAppearance(ContrastMode.INTENSITY, 0.06, 0.01, 0.5, 0.35, 2.5, 0.22, 2.5, -0.55, -0.12, 1.0, 0, 1),
      new Acquisition(1.0, 0.25, 250, 0.01)),
  /**
   * Fluorescent nuclei (DAPI/Hoechst): small, nearly elliptic, strongly varying brightness, chromatin texture, on a
   * dark background; 40 % touch a neighbour. Noisier than {@link #CELLS}.
   */
  NUCLEI(
      0.30,
      new CellPopulation(0, 6, 11, 1.5, 0.08, 0.4),
      new CellAppearance(ContrastMode.INTENSITY, 0.05, 0.008, 0.55, 0.4, 1.5, 0.2, 1.5, 0, -0.05, 0.8, 0, 1),
      new Acquisition(1.2, 0.2, 150, 0.01)),
  /**
   * Phase contrast, like the ISBI cell tracking set PhC-C2DH-U373: large, irregular, spread-out cells slightly darker
   * than a grey background, surrounded by a bright halo, with a bright line where cells touch (40 % do); low interior
   * contrast.
   */
  PHASE_CONTRAST(
      0.36,
      new CellPopulation(0, 12, 25, 2.2, 0.35, 0.4),
      new CellAppearance(ContrastMode.INTENSITY, 0.5, 0.02, -0.15, 0.3, 0, 0.35, 2.5, -0.5, 0.2, 1.2, 0.3, 2.5),
      new Acquisition(1.0, 0.15, 400, 0.012)),
  /**
   * Differential interference contrast, like DIC-C2DH-HeLa: dense cells, 75 % touching, on a grey background; they look
   * lit from the upper left (relief shading of their optical height), with textured interiors and nuclei.
   */
  DIC(
      0.55,
      new CellPopulation(0, 12, 22, 1.8, 0.25, 0.75),
      new CellAppearance(ContrastMode.RELIEF, 0.5, 0.01, 0.9, 0.25, 4.0, 0.3, 3.0, 0.3, -0.3, 1.5, 0, 1),
      new Acquisition(1.2, 0.2, 500, 0.01));

  private final double coverage;
  private final CellPopulation cells;
  private final CellAppearance appearance;
  private final Acquisition acquisition;

  SyntheticStyle(double coverage, CellPopulation cells, CellAppearance appearance, Acquisition acquisition) {
    this.coverage = coverage;
    this.cells = cells;
    this.appearance = appearance;
    this.acquisition = acquisition;
  }

  /**
   * This style for a {@code heightPx × widthPx} image: the cell count is {@code round(coverage · H · W / mean cell
   * area)}, so the cells cover a fixed fraction of the image (about 25–45 %, depending on the style; overlaps and
   * the image border take a share of the nominal coverage).
   *
   * @throws IllegalArgumentException if the image is smaller than the largest cell (see {@link SyntheticCellsSpec})
   */
  public SyntheticCellsSpec spec(int heightPx, int widthPx) {
    int count = (int) Math.min(100_000, Math.round(coverage * heightPx * widthPx / cells.meanAreaPx()));
    return new SyntheticCellsSpec(heightPx, widthPx, cells.withCellCount(count), appearance, acquisition);
  }

  /** The name used on the command line: lower case with '-' ({@code cells}, {@code phase-contrast}, …). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The style called {@code name} (its {@link #cliName()}, case-insensitive; '_' works for '-').
   *
   * @throws IllegalArgumentException listing the styles if there is none of that name
   */
  public static SyntheticStyle forName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (SyntheticStyle style : values()) {
      if (style.cliName().equals(wanted)) {
        return style;
      }
    }
    throw new IllegalArgumentException("unknown synthetic style '" + name + "'; use "
        + Arrays.stream(values()).map(SyntheticStyle::cliName).collect(Collectors.joining(", ")));
  }
}
