package org.unet4j.core.tiling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.geometry.Intervals;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.Padding;

/**
 * Splits an image of any size into equal, valid U-Net tiles (the paper's overlap-tile strategy, Fig. 2), driven by
 * the net's {@link UNetGeometry}.
 *
 * <p><b>VALID nets: aligned cropping ({@link #aligned}).</b> A net with {@code d} poolings is shift-equivariant only
 * for shifts that are multiples of {@code 2^d}, so tile outputs are placed with the stride {@code 2^d·⌊out/2^d⌋}.
 * Tile {@code k} of an axis reads input from {@code k·stride − margin} and keeps {@code stride} pixels centred in its
 * output (the first and last tile reach to the image edge): for nets with learned up-convs (the paper's) the merged
 * result equals <em>one pass of the net over the whole mirrored image</em> up to float rounding. Bilinear
 * up-sampling clamps at feature-map edges, so a VALID bilinear net is not exactly tileable; keeping the centre
 * pixels keeps its seam error small (measured: max 0.0011 in probability for a depth-3 net). The paper's net
 * (depth 4), 572-px tiles:
 *
 * <pre>
 *   output 388 px, stride 16·⌊388/16⌋ = 384 px, slack 4 px, margin 92 px;
 *   a 1000-px axis needs 1 + ⌈(1000 − 388)/384⌉ = 3 tiles: inputs from −92, 292, 676;
 *   outputs [0,388) [384,772) [768,1156), kept [0,386) [386,770) [770,1000)
 * </pre>
 *
 * <p><b>SAME nets: blending ({@link #blended}).</b> Zero padding at tile edges makes tiles differ from a whole-image
 * pass near their edges, so neighbouring outputs overlap by at least {@code overlapPx} and are averaged with a
 * smooth weight ({@link MergeRule#GAUSSIAN} or {@link MergeRule#LINEAR_RAMP}). Starts are multiples of {@code 2^d}
 * too, so tiles and a whole-image pass share the pooling grid.
 *
 * <p>An axis shorter than one tile gets a single, smaller tile: the smallest valid input covering it with its margins
 * (VALID) or the next multiple of {@code 2^d} (SAME), the same padding a whole-image pass uses. Context outside the
 * image is mirrored ({@link MirrorIndex}), repeatedly if the image is smaller than the margin.
 */
public final class TilePlanner {

  /** The smallest default SAME overlap as a fraction of the tile edge (MONAI's default 0.25). */
  public static final double DEFAULT_OVERLAP_FRACTION = 0.25;

  private final UNetGeometry geometry;

  /** A planner for nets with this geometry. */
  public TilePlanner(UNetGeometry geometry) {
    this.geometry = Objects.requireNonNull(geometry, "geometry");
  }

  /** The geometry plans are made for. */
  public UNetGeometry geometry() {
    return geometry;
  }

  /**
   * The default plan for the geometry: {@link #aligned} for VALID nets, {@link #blended} with the {@link
   * #defaultOverlapPx default overlap} and Gaussian weights for SAME nets.
   *
   * @param tileInputPx edge of the (square) tile input, a valid input size
   */
  public TilePlan plan(int imageHeight, int imageWidth, int tileInputPx) {
    if (geometry.padding() == Padding.VALID) {
      return aligned(imageHeight, imageWidth, tileInputPx);
    }
    return blended(imageHeight, imageWidth, tileInputPx, defaultOverlapPx(tileInputPx), MergeRule.GAUSSIAN);
  }

  /**
   * The default overlap of SAME tiles: {@code max(tile/4, 2·(6·2^d − 4))}, capped so that tiles still advance by
   * {@code 2^d}. Why twice {@code 6·2^d − 4} (the receptive-field radius, the VALID margin of the same depth): then
   * every pixel of an overlap lies at least one radius inside one of the tiles, out of reach of its zero padding.
   * Depth 4, 512-px tiles: 184 px.
   */
  public int defaultOverlapPx(int tileInputPx) {
    int contextPx = 6 * geometry.poolingStridePx() - 4;
    int overlap = Math.max((int) (tileInputPx * DEFAULT_OVERLAP_FRACTION), 2 * contextPx);
    return Math.max(0, Math.min(overlap, tileInputPx - 2 * geometry.marginPx() - geometry.poolingStridePx()));
  }

  /**
   * The aligned cropping plan of a VALID net (see the class comment): tiled output = whole-image output.
   *
   * @param tileInputPx edge of the tile input, a valid input size whose output is at least {@code 2^depth} px
   * @throws IllegalArgumentException for a SAME net, an invalid tile size or an empty image
   */
  public TilePlan aligned(int imageHeight, int imageWidth, int tileInputPx) {
    if (geometry.padding() != Padding.VALID) {
      throw new IllegalArgumentException(
          "aligned cropping needs a VALID net; this net pads (SAME), so its tiles must be blended");
    }
    checkImage(imageHeight, imageWidth);
    geometry.requireValidInput(tileInputPx);
    int outputPx = geometry.outputSize(tileInputPx);
    int pool = geometry.poolingStridePx();
    if (outputPx < pool) {
      throw new IllegalArgumentException(
          "a " + tileInputPx + "-px tile gives only " + outputPx + " px of output, less than the pooling stride "
              + pool + " px that aligned tiles advance by; use a tile of at least " + geometry.inputSizeFor(pool)
              + " px");
    }
    int stride = pool * (outputPx / pool);
    Axis ys = Axis.of(imageHeight, tileInputPx, geometry.inputSizeFor(imageHeight), stride, geometry.marginPx());
    Axis xs = Axis.of(imageWidth, tileInputPx, geometry.inputSizeFor(imageWidth), stride, geometry.marginPx());
    return assemble(imageHeight, imageWidth, ys, xs, MergeRule.CROP, 0);
  }

  /**
   * A blending plan: tile outputs overlap by at least {@code overlapPx} and are averaged with {@code rule}'s weight.
   *
   * @param tileInputPx edge of the tile input, a valid input size
   * @param overlapPx minimum overlap of neighbouring outputs, {@code 0 ≤ overlapPx < tile output − 2^depth + 1}
   * @param rule {@link MergeRule#GAUSSIAN} or {@link MergeRule#LINEAR_RAMP}
   * @throws IllegalArgumentException for a CROP rule, an invalid tile size or overlap, or an empty image
   */
  public TilePlan blended(int imageHeight, int imageWidth, int tileInputPx, int overlapPx, MergeRule rule) {
    if (rule == MergeRule.CROP) {
      throw new IllegalArgumentException("blended plans need GAUSSIAN or LINEAR_RAMP weights, not CROP");
    }
    checkImage(imageHeight, imageWidth);
    geometry.requireValidInput(tileInputPx);
    int outputPx = geometry.outputSize(tileInputPx);
    int pool = geometry.poolingStridePx();
    int stride = overlapPx < 0 ? 0 : pool * ((outputPx - overlapPx) / pool);
    if (stride < 1) {
      throw new IllegalArgumentException(
          "overlap " + overlapPx + " px does not fit " + outputPx + "-px tile outputs: use 0 ≤ overlap ≤ "
              + (outputPx - pool) + " px (tiles advance by multiples of " + pool + " px)");
    }
    int margin = geometry.marginPx();
    Axis ys = Axis.of(imageHeight, tileInputPx, geometry.inputSizeFor(imageHeight), stride, margin);
    Axis xs = Axis.of(imageWidth, tileInputPx, geometry.inputSizeFor(imageWidth), stride, margin);
    boolean overlapping = ys.count() > 1 || xs.count() > 1;
    return assemble(imageHeight, imageWidth, ys, xs, rule, overlapping ? outputPx - stride : 0);
  }

  private TilePlan assemble(int imageHeight, int imageWidth, Axis ys, Axis xs, MergeRule rule, int overlapPx) {
    int margin = geometry.marginPx();
    boolean crop = rule == MergeRule.CROP;
    List<Tile> tiles = new ArrayList<>(ys.count() * xs.count());
    for (int r = 0; r < ys.count(); r++) {
      for (int c = 0; c < xs.count(); c++) {
        Interval2d input = new Interval2d(ys.inputStart(r), xs.inputStart(c), ys.inputPx(), xs.inputPx());
        Interval2d output = Intervals.expand(input, -margin);
        Interval2d kept =
            crop
                ? new Interval2d(ys.keptStart(r), xs.keptStart(c), ys.keptLength(r), xs.keptLength(c))
                : Intervals.intersect(output, Interval2d.ofSize(imageHeight, imageWidth));
        tiles.add(new Tile(tiles.size(), r, c, input, output, kept));
      }
    }
    return new TilePlan(imageHeight, imageWidth, ys.inputPx(), xs.inputPx(), margin, ys.count(), xs.count(), rule,
        overlapPx, tiles);
  }

  private static void checkImage(int imageHeight, int imageWidth) {
    if (imageHeight < 1 || imageWidth < 1) {
      throw new IllegalArgumentException(
          "image size " + imageHeight + "×" + imageWidth + " (H×W) must be at least 1×1 px");
    }
  }

  /**
   * The tiles along one axis: tile {@code k}'s output starts at {@code k·stride}, its input {@code margin} earlier;
   * it keeps {@code stride} pixels from {@code k·stride + slack/2}, the first tile from 0 and the last tile to the
   * end of the axis (at most its whole output).
   */
  private record Axis(int length, int inputPx, int stride, int count, int marginPx) {

    /**
     * One tile of the whole-axis input if it is no larger than the tile, else as few tiles as cover the axis:
     * {@code 1 + ⌈(length − out)/stride⌉}.
     */
    static Axis of(int length, int tileInputPx, int wholeInputPx, int stride, int marginPx) {
      if (wholeInputPx <= tileInputPx) {
        return new Axis(length, wholeInputPx, length, 1, marginPx);
      }
      int outputPx = tileInputPx - 2 * marginPx;
      int count = 1 + Intervals.ceilDiv(Math.max(0, length - outputPx), stride);
      return new Axis(length, tileInputPx, stride, count, marginPx);
    }

    int inputStart(int k) {
      return k * stride - marginPx;
    }

    /** Kept pixels sit centred in the output (the slack {@code out − stride} split), except at the image edges. */
    int keptStart(int k) {
      return k == 0 ? 0 : k * stride + (inputPx - 2 * marginPx - stride) / 2;
    }

    int keptLength(int k) {
      return (k == count - 1 ? length : keptStart(k + 1)) - keptStart(k);
    }
  }
}
