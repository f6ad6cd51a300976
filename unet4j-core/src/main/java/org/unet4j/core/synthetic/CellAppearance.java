package org.unet4j.core.synthetic;

import static org.unet4j.core.synthetic.SpecChecks.inRange;

import java.util.Objects;

/**
 * What the cells and the background look like in the specimen, before blur and noise. Grey values are on the
 * image's 0–1 scale; the "cell signal" is the quantity that {@link ContrastMode} turns into grey values.
 *
 * <p>The cell signal at a pixel of cell k at depth {@code s} px inside its boundary is
 *
 * <pre>
 *   cellContrast · b_k · (1 − exp(−s / edgeSoftnessPx)) · (1 + nucleusContrast · n(x))
 *     · max(0, 1 + textureStrength · t(x)) + boundaryContrast · exp(−d² / (2·boundaryWidthPx²))
 * </pre>
 *
 * where {@code b_k} is the cell's brightness, uniform in {@code [1 − cellContrastSpread, 1 + cellContrastSpread]},
 * {@code n(x) ∈ [0, 1]} is the cell's nucleus (a smaller ellipse inside it), {@code t(x)} is smooth noise of unit
 * standard deviation (a {@code textureScalePx} blob scale mixed with fine granules), and {@code d} is the distance in
 * px to the cell's boundary pixels. Two touching cells each get the rim term along their shared boundary, so a dark
 * ({@code boundaryContrast < 0}) or bright rim draws a line between them. Background pixels get
 * {@code haloContrast · exp(−(d − 1) / haloWidthPx)}, where {@code d} is the distance to the nearest cell: the bright
 * halo of phase contrast. The specimen's grey value is {@code backgroundLevel + backgroundTextureSd · haze(x) + halo}
 * plus the cell signal ({@link ContrastMode#INTENSITY}) or its relief ({@link ContrastMode#RELIEF}).
 *
 * @param contrastMode how the cell signal becomes grey values
 * @param backgroundLevel grey value of the empty background, in [0, 1]
 * @param backgroundTextureSd standard deviation of a smooth texture added everywhere (out-of-focus haze, σ ≈ 8 px),
 *     in [0, 0.5]
 * @param cellContrast signal of a cell's interior relative to the background, before the edge, nucleus and texture
 *     factors, in [−1, 1] (negative = darker cells); in {@link ContrastMode#RELIEF} the optical height of a cell
 * @param cellContrastSpread relative cell-to-cell variation of the signal, in [0, 0.9]
 * @param edgeSoftnessPx distance (px) over which the signal rises from a cell's edge to its interior, in [0, 50]; 0 =
 *     flat cells with sharp edges
 * @param textureStrength relative standard deviation of the interior texture, in [0, 2]
 * @param textureScalePx blob size (Gaussian σ, px) of the interior texture, in [0.5, 50]
 * @param nucleusContrast relative change of the signal inside the nucleus, in [−1, 2]; 0 = no visible nucleus
 * @param boundaryContrast signal added on a cell's own boundary, in [−1, 1] (negative = dark rims and dark lines
 *     between touching cells, positive = bright ones, 0 = none)
 * @param boundaryWidthPx Gaussian width (px) of the rim, in [0.3, 20]
 * @param haloContrast grey value added just outside cells, in [−1, 1] (positive = phase-contrast halo, 0 = none)
 * @param haloWidthPx decay length (px) of the halo, in [0.3, 50]
 */
public record CellAppearance(
    ContrastMode contrastMode,
    double backgroundLevel,
    double backgroundTextureSd,
    double cellContrast,
    double cellContrastSpread,
    double edgeSoftnessPx,
    double textureStrength,
    double textureScalePx,
    double nucleusContrast,
    double boundaryContrast,
    double boundaryWidthPx,
    double haloContrast,
    double haloWidthPx) {

  /** Checks every field against its range. */
  public CellAppearance {
    Objects.requireNonNull(contrastMode, "contrastMode");
    inRange("backgroundLevel", backgroundLevel, 0, 1, "grey value of the empty background");
    inRange("backgroundTextureSd", backgroundTextureSd, 0, 0.5, "0 = flat background");
    inRange("cellContrast", cellContrast, -1, 1, "negative = cells darker than the background");
    inRange("cellContrastSpread", cellContrastSpread, 0, 0.9, "0 = all cells equally bright");
    inRange("edgeSoftnessPx", edgeSoftnessPx, 0, 50, "0 = flat cells with sharp edges");
    inRange("textureStrength", textureStrength, 0, 2, "0 = smooth interiors");
    inRange("textureScalePx", textureScalePx, 0.5, 50, "Gaussian σ of the texture blobs");
    inRange("nucleusContrast", nucleusContrast, -1, 2, "0 = no nucleus");
    inRange("boundaryContrast", boundaryContrast, -1, 1, "negative = dark rims, 0 = none");
    inRange("boundaryWidthPx", boundaryWidthPx, 0.3, 20, "Gaussian width of the rim");
    inRange("haloContrast", haloContrast, -1, 1, "0 = no halo");
    inRange("haloWidthPx", haloWidthPx, 0.3, 50, "decay length of the halo");
  }

  /** This appearance with another boundary (rim) contrast. */
  public CellAppearance withBoundaryContrast(double contrast) {
    return new CellAppearance(contrastMode, backgroundLevel, backgroundTextureSd, cellContrast, cellContrastSpread,
        edgeSoftnessPx, textureStrength, textureScalePx, nucleusContrast, contrast, boundaryWidthPx, haloContrast,
        haloWidthPx);
  }

  /** This appearance with another background texture. */
  public CellAppearance withBackgroundTextureSd(double sd) {
    return new CellAppearance(contrastMode, backgroundLevel, sd, cellContrast, cellContrastSpread, edgeSoftnessPx,
        textureStrength, textureScalePx, nucleusContrast, boundaryContrast, boundaryWidthPx, haloContrast,
        haloWidthPx);
  }
}
