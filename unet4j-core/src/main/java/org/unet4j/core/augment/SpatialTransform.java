package org.unet4j.core.augment;

import java.util.Optional;
import org.unet4j.core.geometry.Interval2d;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.tiling.MirrorIndex;

/**
 * A sampled geometric transform: for every pixel {@code p = (y, x)} of an output grid of
 * {@code outHeight × outWidth} pixels it gives the source coordinate the output reads, and {@code apply} resamples
 * an image there. Samples outside the source use the mirror boundary ({@link MirrorIndex}), so crops may reach
 * beyond the image and images may be smaller than the output.
 *
 * <p>Normal form (coordinates in pixels, pixel centres at integers):
 *
 * <pre>
 *   q(p)   = p − c_out + d(p)               c_out = ((outHeight − 1)/2, (outWidth − 1)/2), d = displacement field
 *   src(p) = centre + M · q(p)              centre = source point the output centre maps to, M = 2×2 matrix
 * </pre>
 *
 * <p>Building one: start from {@link #identity} (output = whole source) or {@link #crop} (output = a region of
 * the source), then chain operations. {@link #flipY}, {@link #flipX}, {@link #rotate90} and {@link #rotate}
 * right-multiply {@code M}, so a chain reads as successive operations on the output image
 * ({@code identity(h, w).rotate90(1).flipX()} = flip of the rotated image) and they rotate about the output centre.
 * {@link #translate} moves {@code centre} in source pixels (it moves the sampling window, whatever {@code M} is).
 * {@link #withDisplacement} sets {@code d}, which always acts on the output grid, i.e. last.
 *
 * <p>Crop + augmentation in one resampling pass: {@code augmentation.sample(rng, 572, 572).translate(y0, x0)}
 * samples the augmented 572×572 window whose unaugmented top-left corner is source pixel {@code (y0, x0)};
 * {@link #apply(LabelImage, Interval2d)} with {@code Interval2d(92, 92, 388, 388)} then warps only the centred
 * label region with the same field.
 *
 * <p>Exactness: flips and quarter turns use exact ±1/0 matrices, and every {@link Interpolation} returns the
 * source value bit for bit where the source coordinate is an integer (the identity, integer shifts, flips and
 * quarter turns of square outputs).
 *
 * <p>Immutable and thread-safe.
 */
public final class SpatialTransform {

  private final int outHeight;
  private final int outWidth;
  private final double centreY;
  private final double centreX;
  private final double myy;
  private final double myx;
  private final double mxy;
  private final double mxx;
  private final DisplacementField displacement; // null means d = 0 (unless grid is set)
  /** An elastic field evaluated row by row instead of a dense one (then displacement is null); null if none. */
  private final ElasticGrid grid;

  private SpatialTransform(
      int outHeight,
      int outWidth,
      double centreY,
      double centreX,
      double myy,
      double myx,
      double mxy,
      double mxx,
      DisplacementField displacement,
      ElasticGrid grid) {
    this.outHeight = outHeight;
    this.outWidth = outWidth;
    this.centreY = centreY;
    this.centreX = centreX;
    this.myy = myy;
    this.myx = myx;
    this.mxy = mxy;
    this.mxx = mxx;
    this.displacement = displacement;
    this.grid = grid;
  }

  /** The identity on a {@code height × width} image: output pixel {@code (y, x)} reads source {@code (y, x)}. */
  public static SpatialTransform identity(int height, int width) {
    requirePositive(height, width);
    return new SpatialTransform(height, width, (height - 1) / 2.0, (width - 1) / 2.0, 1, 0, 0, 1, null, null);
  }

  /**
   * The crop of a source region: output pixel {@code (y, x)} reads source {@code (region.y0 + y, region.x0 + x)}.
   * The region may leave the source (mirror padding fills it).
   */
  public static SpatialTransform crop(Interval2d region) {
    return identity(region.height(), region.width()).translate(region.y0(), region.x0());
  }

  /** Mirror the output top ↔ bottom: row {@code y} shows what row {@code outHeight − 1 − y} showed. */
  public SpatialTransform flipY() {
    return withMatrix(-myy, myx, -mxy, mxx);
  }

  /** Mirror the output left ↔ right: column {@code x} shows what column {@code outWidth − 1 − x} showed. */
  public SpatialTransform flipX() {
    return withMatrix(myy, -myx, mxy, -mxx);
  }

  /**
   * Rotate the output by {@code quarterTurns}·90° counter-clockwise (as displayed, y down), like
   * {@code numpy.rot90(image, k)}: for a square n×n output, one turn maps {@code out(y, x) = before(x, n−1−y)}.
   * Exact for square outputs; for non-square ones the rotated window is sampled about the output centre.
   *
   * @param quarterTurns any integer (negative = clockwise)
   */
  public SpatialTransform rotate90(int quarterTurns) {
    int k = Math.floorMod(quarterTurns, 4);
    SpatialTransform t = this;
    for (int i = 0; i < k; i++) {
      // M·[[0, 1], [−1, 0]]
      t = t.withMatrix(-t.myx, t.myy, -t.mxx, t.mxy);
    }
    return t;
  }

  /**
   * Rotate the output by {@code radians} counter-clockwise (as displayed) about its centre; {@code π/2} equals
   * {@link #rotate90 rotate90(1)} up to rounding. Use {@link #rotate90} for exact quarter turns.
   */
  public SpatialTransform rotate(double radians) {
    double c = Math.cos(radians);
    double s = Math.sin(radians);
    // M·[[c, s], [−s, c]]
    return withMatrix(myy * c - myx * s, myy * s + myx * c, mxy * c - mxx * s, mxy * s + mxx * c);
  }

  /** Move the sampling window by {@code (dy, dx)} source pixels (the output content moves by the opposite). */
  public SpatialTransform translate(double dy, double dx) {
    return new SpatialTransform(outHeight, outWidth, centreY + dy, centreX + dx, myy, myx, mxy, mxx, displacement, grid);
  }

  /**
   * This transform with displacement field {@code field} (replacing any previous one); {@code field} must have the
   * output size. Output pixel {@code p} then reads as if it were at {@code p + d(p)}.
   */
  public SpatialTransform withDisplacement(DisplacementField field) {
    if (field.height() != outHeight || field.width() != outWidth) {
      throw new IllegalArgumentException(
          "displacement field is " + field.height() + "×" + field.width() + " but the transform's output is "
              + outHeight + "×" + outWidth + "; sample the field for the output size");
    }
    return new SpatialTransform(outHeight, outWidth, centreY, centreX, myy, myx, mxy, mxx, field, null);
  }

  /**
   * This transform with the elastic field of {@code grid} (replacing any previous field): the same transform as
   * {@code withDisplacement(grid.dense())}, but warps evaluate the field row by row instead of reading a dense
   * copy of it.
   */
  SpatialTransform withElasticGrid(ElasticGrid grid) {
    if (grid.height() != outHeight || grid.width() != outWidth) {
      throw new IllegalArgumentException(
          "elastic grid field is " + grid.height() + "×" + grid.width() + " but the transform's output is "
              + outHeight + "×" + outWidth + "; sample the field for the output size");
    }
    return new SpatialTransform(outHeight, outWidth, centreY, centreX, myy, myx, mxy, mxx, null, grid);
  }

  /** Output rows. */
  public int outHeight() {
    return outHeight;
  }

  /** Output columns. */
  public int outWidth() {
    return outWidth;
  }

  /** The displacement field, if any. */
  public Optional<DisplacementField> displacement() {
    return Optional.ofNullable(denseDisplacement());
  }

  /** The source row (px) that output pixel {@code (y, x)} reads. */
  public double sourceY(int y, int x) {
    double[] q = offsetFromCentre(y, x);
    return centreY + myy * q[0] + myx * q[1];
  }

  /** The source column (px) that output pixel {@code (y, x)} reads. */
  public double sourceX(int y, int x) {
    double[] q = offsetFromCentre(y, x);
    return centreX + mxy * q[0] + mxx * q[1];
  }

  /** Resamples every channel of {@code source} on the whole output grid. */
  public FloatImage apply(FloatImage source, Interpolation interpolation) {
    return apply(source, interpolation, Interval2d.ofSize(outHeight, outWidth));
  }

  /**
   * Resamples every channel of {@code source} on {@code region} of the output grid (e.g. the centred label region
   * of a training patch); the result is {@code C × region.height × region.width}.
   *
   * @throws IllegalArgumentException if {@code region} is empty or not inside the output grid
   */
  public FloatImage apply(FloatImage source, Interpolation interpolation, Interval2d region) {
    requireRegion(region);
    FloatImage out = FloatImage.zeros(source.channels(), region.height(), region.width());
    Resampler resampler = new Resampler(source, out);
    if (interpolation == Interpolation.CUBIC) {
      resampler.useWindows(cubicTapBounds(region));
    }
    RowKernel kernel =
        switch (interpolation) {
          case NEAREST -> resampler::nearestRow;
          case LINEAR -> resampler::linearRow;
          case CUBIC -> resampler::cubicRow;
        };
    forEachRow(region, kernel);
    return out;
  }

  /** Resamples a label image on the whole output grid with nearest-neighbour (labels are never blended). */
  public LabelImage apply(LabelImage source) {
    return apply(source, Interval2d.ofSize(outHeight, outWidth));
  }

  /**
   * Resamples a label image on {@code region} of the output grid with nearest-neighbour, so the result holds only
   * label values present in {@code source}.
   *
   * @throws IllegalArgumentException if {@code region} is empty or not inside the output grid
   */
  public LabelImage apply(LabelImage source, Interval2d region) {
    requireRegion(region);
    int[] dst = new int[region.height() * region.width()];
    forEachRow(region, new LabelResampler(source, dst)::nearestRow);
    return new LabelImage(region.height(), region.width(), dst);
  }

  /**
   * A training target on {@code region}: the label image {@code mask} resampled nearest-neighbour and
   * {@code weights} linearly, from one pass over the source coordinates (the same result as
   * {@link #apply(LabelImage, Interval2d)} and {@link #apply(FloatImage, Interpolation, Interval2d)} with
   * {@link Interpolation#LINEAR}).
   *
   * @return the mask and the weights, {@code region.height × region.width}
   */
  LabelAndWeights applyToTarget(LabelImage mask, FloatImage weights, Interval2d region) {
    requireRegion(region);
    int[] maskOut = new int[region.height() * region.width()];
    FloatImage weightsOut = FloatImage.zeros(weights.channels(), region.height(), region.width());
    LabelResampler labels = new LabelResampler(mask, maskOut);
    Resampler values = new Resampler(weights, weightsOut);
    if (weights.channels() == 1 && weights.height() == mask.height() && weights.width() == mask.width()) {
      forEachRow(region, new TargetResampler(mask, weights, labels, values, maskOut, weightsOut.data())::row);
    } else {
      forEachRow(region, (dstStart, count, sy, sx) -> {
        labels.nearestRow(dstStart, count, sy, sx);
        values.linearRow(dstStart, count, sy, sx);
      });
    }
    return new LabelAndWeights(new LabelImage(region.height(), region.width(), maskOut), weightsOut);
  }

  /** A resampled mask and its weights (see {@link #applyToTarget}). */
  record LabelAndWeights(LabelImage mask, FloatImage weights) {}

  @Override
  public String toString() {
    return "SpatialTransform[out " + outHeight + "×" + outWidth + ", centre (" + centreY + ", " + centreX
        + "), M = [[" + myy + ", " + myx + "], [" + mxy + ", " + mxx + "]]"
        + (displacement == null && grid == null ? "" : ", with displacement") + "]";
  }

  // ---------------------------------------------------------------------------------------------------------------

  private SpatialTransform withMatrix(double yy, double yx, double xy, double xx) {
    return new SpatialTransform(outHeight, outWidth, centreY, centreX, yy, yx, xy, xx, displacement, grid);
  }

  /** The field as a dense one (computed once from the grid if there is one), or null if there is none. */
  private DisplacementField denseDisplacement() {
    return grid != null ? grid.dense() : displacement;
  }

  private double[] offsetFromCentre(int y, int x) {
    if (y < 0 || y >= outHeight || x < 0 || x >= outWidth) {
      throw new IndexOutOfBoundsException(
          "output pixel (" + y + ", " + x + ") is outside the " + outHeight + "×" + outWidth + " output");
    }
    double qy = y - (outHeight - 1) / 2.0;
    double qx = x - (outWidth - 1) / 2.0;
    DisplacementField field = denseDisplacement();
    if (field != null) {
      qy += field.dyAt(y, x);
      qx += field.dxAt(y, x);
    }
    return new double[] {qy, qx};
  }

  /** Resamples output pixels {@code dstStart … dstStart + count − 1} of a row from source coordinates sy, sx. */
  private interface RowKernel {
    void resample(int dstStart, int count, double[] sy, double[] sx);
  }

  /** Hands {@code kernel} the source coordinates of {@code region}, row by row (row-major destination offsets). */
  private void forEachRow(Interval2d region, RowKernel kernel) {
    int width = region.width();
    double[] sy = new double[width];
    double[] sx = new double[width];
    ElasticGrid.Row field = grid != null ? grid.new Row(width) : null;
    for (int y = 0; y < region.height(); y++) {
      int outY = region.y0() + y;
      if (field != null) {
        field.evaluate(outY, region.x0(), width);
        fillRow(outY, region.x0(), width, sy, sx, field.dy, field.dx, 0);
      } else if (displacement != null) {
        fillRow(outY, region.x0(), width, sy, sx, displacement.dy(), displacement.dx(), outY * outWidth + region.x0());
      } else {
        fillRow(outY, region.x0(), width, sy, sx);
      }
      kernel.resample(y * width, width, sy, sx);
    }
  }

  /** Source coordinates of output pixels {@code (y, x0 … x0 + count − 1)} without a displacement field. */
  private void fillRow(int y, int x0, int count, double[] sy, double[] sx) {
    double qy0 = y - (outHeight - 1) / 2.0;
    double cx = (outWidth - 1) / 2.0;
    double qx = x0 - cx; // stepped by 1 (exact): converting x0 + k to double per pixel stalled the loop
    for (int k = 0; k < count; k++, qx++) {
      sy[k] = centreY + myy * qy0 + myx * qx;
      sx[k] = centreX + mxy * qy0 + mxx * qx;
    }
  }

  /**
   * Source coordinates of output pixels {@code (y, x0 … x0 + count − 1)} displaced by
   * {@code dy[base + k]}, {@code dx[base + k]}.
   */
  private void fillRow(int y, int x0, int count, double[] sy, double[] sx, float[] dy, float[] dx, int base) {
    double qy0 = y - (outHeight - 1) / 2.0;
    double cx = (outWidth - 1) / 2.0;
    double q = x0 - cx;
    for (int k = 0; k < count; k++, q++) {
      double qy = qy0 + dy[base + k];
      double qx = q + dx[base + k];
      sy[k] = centreY + myy * qy + myx * qx;
      sx[k] = centreX + mxy * qy + mxx * qx;
    }
  }

  /**
   * The source rows and columns the cubic taps of {@code region} read, {@code {rowMin, rowMax, colMin, colMax}}
   * (inclusive), or null if they cannot be bounded (non-finite coordinates). The bound is interval arithmetic over
   * the region's offsets {@code q} and the displacement field's range, which is taken on a grid of every
   * {@value #FIELD_BOUND_STEP}th row and column (the field is smooth; a pixel whose taps still fall outside is
   * served by the mirrored path, so the bound affects speed only), grown by 2 px.
   */
  private int[] cubicTapBounds(Interval2d region) {
    double qyLo = region.y0() - (outHeight - 1) / 2.0;
    double qyHi = region.y1() - 1 - (outHeight - 1) / 2.0;
    double qxLo = region.x0() - (outWidth - 1) / 2.0;
    double qxHi = region.x1() - 1 - (outWidth - 1) / 2.0;
    if (displacement != null || grid != null) {
      ElasticGrid.Row field = grid != null ? grid.new Row(region.width()) : null;
      float dyMin = Float.POSITIVE_INFINITY;
      float dyMax = Float.NEGATIVE_INFINITY;
      float dxMin = Float.POSITIVE_INFINITY;
      float dxMax = Float.NEGATIVE_INFINITY;
      for (int y = region.y0(); y < region.y1(); y = nextSampled(y, region.y1())) {
        float[] dy;
        float[] dx;
        int base;
        if (field != null) {
          field.evaluate(y, region.x0(), region.width());
          dy = field.dy;
          dx = field.dx;
          base = -region.x0();
        } else {
          dy = displacement.dy();
          dx = displacement.dx();
          base = y * outWidth;
        }
        for (int x = region.x0(); x < region.x1(); x = nextSampled(x, region.x1())) {
          int i = base + x;
          dyMin = Math.min(dyMin, dy[i]);
          dyMax = Math.max(dyMax, dy[i]);
          dxMin = Math.min(dxMin, dx[i]);
          dxMax = Math.max(dxMax, dx[i]);
        }
      }
      qyLo += dyMin;
      qyHi += dyMax;
      qxLo += dxMin;
      qxHi += dxMax;
    }
    double syLo = centreY + Math.min(myy * qyLo, myy * qyHi) + Math.min(myx * qxLo, myx * qxHi);
    double syHi = centreY + Math.max(myy * qyLo, myy * qyHi) + Math.max(myx * qxLo, myx * qxHi);
    double sxLo = centreX + Math.min(mxy * qyLo, mxy * qyHi) + Math.min(mxx * qxLo, mxx * qxHi);
    double sxHi = centreX + Math.max(mxy * qyLo, mxy * qyHi) + Math.max(mxx * qxLo, mxx * qxHi);
    double limit = 1 << 28; // far beyond any useful window (and within the int range)
    if (!(Math.abs(syLo) < limit && Math.abs(syHi) < limit && Math.abs(sxLo) < limit && Math.abs(sxHi) < limit)) {
      return null;
    }
    return new int[] {
      (int) Math.floor(syLo) - 3, (int) Math.floor(syHi) + 4, (int) Math.floor(sxLo) - 3, (int) Math.floor(sxHi) + 4
    };
  }

  private static final int FIELD_BOUND_STEP = 8;

  /** The next sampled index after {@code i} below {@code end}: every FIELD_BOUND_STEP-th and the last one. */
  private static int nextSampled(int i, int end) {
    return i == end - 1 ? end : Math.min(i + FIELD_BOUND_STEP, end - 1);
  }

  private void requireRegion(Interval2d region) {
    if (region.isEmpty() || !Interval2d.ofSize(outHeight, outWidth).contains(region)) {
      throw new IllegalArgumentException(
          "output region " + region + " must be non-empty and inside the " + outHeight + "×" + outWidth
              + " output grid");
    }
  }

  private static void requirePositive(int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("output size " + height + "×" + width + " must be positive");
    }
  }

  /**
   * The nearest integer, halves rounded up: {@code floor(v)} plus 1 if the fraction is at least ½. (Not
   * {@code floor(v + 0.5)}: that sum rounds, e.g. 0.49999999999999994 + 0.5 = 1.0.)
   */
  static int roundHalfUp(double v) {
    double floor = Math.floor(v);
    return (int) floor + (v - floor >= 0.5 ? 1 : 0);
  }

  /** Interpolation kernels over one source and one destination image; loops are per row to stay allocation-free. */
  private static final class Resampler {
    private final float[] src;
    private final float[] dst;
    private final int channels;
    private final int h;
    private final int w;
    private final int srcPlane;
    private final int dstPlane;
    private final MirrorTable rows;
    private final MirrorTable columns;
    /** Cubic rows from the mirror-padded source around every tap (see {@link #useWindows}); null if none. */
    private WindowedCubicRow windowed;

    Resampler(FloatImage source, FloatImage target) {
      src = source.data();
      dst = target.data();
      channels = source.channels();
      h = source.height();
      w = source.width();
      srcPlane = h * w;
      dstPlane = target.planeSize();
      rows = new MirrorTable(h, w);
      columns = new MirrorTable(w, 1);
    }

    /**
     * Builds a {@link MirroredWindow} per channel over {@code bounds = {rowMin, rowMax, colMin, colMax}} for
     * {@link #cubicRow}; does nothing for null bounds or a window far larger than the output (then every pixel
     * reads through the mirror tables).
     */
    void useWindows(int[] bounds) {
      if (bounds == null) {
        return;
      }
      long height = (long) bounds[1] - bounds[0] + 1;
      long width = (long) bounds[3] - bounds[2] + 1;
      long values = height * width;
      if (height < 4 || width < 4 || values > MirroredWindow.MAX_VALUES || values > 4L * dstPlane + (1 << 16)) {
        return;
      }
      float[][] windows = new float[channels][];
      for (int c = 0; c < channels; c++) {
        windows[c] = MirroredWindow.of(src, c * srcPlane, h, w, bounds[0], bounds[2], (int) height, (int) width).values;
      }
      windowed = new WindowedCubicRow(windows, bounds[0], bounds[2], (int) height, (int) width);
    }

    /** The mirrored source row {@code i}, as the offset {@code row · width} of its first pixel. */
    private int rowOffset(int i) {
      return rows.at(i);
    }

    /** The mirrored source column {@code i}. */
    private int column(int i) {
      return columns.at(i);
    }

    void nearestRow(int row, int count, double[] sy, double[] sx) {
      for (int x = 0; x < count; x++) {
        int s = rowOffset(roundHalfUp(sy[x])) + column(roundHalfUp(sx[x]));
        for (int c = 0; c < channels; c++) {
          dst[c * dstPlane + row + x] = src[c * srcPlane + s];
        }
      }
    }

    void linearRow(int row, int count, double[] sy, double[] sx) {
      for (int x = 0; x < count; x++) {
        linearPixel(row + x, sy[x], sx[x]);
      }
    }

    /** One bilinear sample at source (sy, sx), written to destination offset {@code dstIndex} of each channel. */
    void linearPixel(int dstIndex, double sy, double sx) {
      double fy = Math.floor(sy);
      double fx = Math.floor(sx);
      int iy = (int) fy;
      int ix = (int) fx;
      double ty = sy - fy;
      double tx = sx - fx;
      int y0;
      int x0;
      int y1;
      int x1;
      if (iy >= 0 && iy + 1 < h && ix >= 0 && ix + 1 < w) {
        y0 = iy * w; // interior: no mirroring
        x0 = ix;
        y1 = y0 + w;
        x1 = ix + 1;
      } else {
        y0 = rowOffset(iy);
        x0 = column(ix);
        y1 = rowOffset(iy + 1);
        x1 = column(ix + 1);
      }
      if (ty == 0 && tx == 0) {
        copy(dstIndex, y0 + x0); // exact at pixel centres, even for −0.0 and non-finite values
        return;
      }
      for (int c = 0; c < channels; c++) {
        int o = c * srcPlane;
        double top = src[o + y0 + x0] + tx * (src[o + y0 + x1] - src[o + y0 + x0]);
        double bottom = src[o + y1 + x0] + tx * (src[o + y1 + x1] - src[o + y1 + x0]);
        dst[c * dstPlane + dstIndex] = (float) (top + ty * (bottom - top));
      }
    }

    void cubicRow(int row, int count, double[] sy, double[] sx) {
      if (windowed == null) {
        for (int x = 0; x < count; x++) {
          cubicPixel(row + x, sy[x], sx[x]);
        }
        return;
      }
      int skipped = windowed.resample(sy, sx, count, dst, dstPlane, row);
      int[] xs = windowed.skipped();
      for (int k = 0; k < skipped; k++) {
        int x = xs[k];
        cubicPixel(row + x, sy[x], sx[x]); // exact pixel centres, and taps outside the window (rare)
      }
    }

    /** One cubic sample read through the mirror tables (the reference {@link WindowedCubicRow} reproduces). */
    private void cubicPixel(int dstIndex, double sy, double sx) {
      double fy = Math.floor(sy);
      double fx = Math.floor(sx);
      int iy = (int) fy;
      int ix = (int) fx;
      double ty = sy - fy;
      double tx = sx - fx;
      if (ty == 0 && tx == 0) {
        copy(dstIndex, rowOffset(iy) + column(ix));
        return;
      }
      float tyf = (float) ty; // may round to 1, where the weights are (0, 0, 1, 0): the next pixel, as they should
      float txf = (float) tx;
      float wy0 = CatmullRom.weight0(tyf);
      float wy1 = CatmullRom.weight1(tyf);
      float wy2 = CatmullRom.weight2(tyf);
      float wy3 = CatmullRom.weight3(tyf);
      float wx0 = CatmullRom.weight0(txf);
      float wx1 = CatmullRom.weight1(txf);
      float wx2 = CatmullRom.weight2(txf);
      float wx3 = CatmullRom.weight3(txf);
      if (iy >= 1 && iy + 2 < h && ix >= 1 && ix + 2 < w) {
        // interior: the 4×4 neighbourhood is a contiguous block, no mirroring
        int base = (iy - 1) * w + (ix - 1);
        for (int c = 0; c < channels; c++) {
          dst[c * dstPlane + dstIndex] =
              CatmullRom.sum(src, c * srcPlane + base, w, wx0, wx1, wx2, wx3, wy0, wy1, wy2, wy3);
        }
      } else {
        // at the border: mirrored rows and columns (the sum starts from 0, as it always has here)
        int y0 = rowOffset(iy - 1);
        int y1 = rowOffset(iy);
        int y2 = rowOffset(iy + 1);
        int y3 = rowOffset(iy + 2);
        int x0 = column(ix - 1);
        int x1 = column(ix);
        int x2 = column(ix + 1);
        int x3 = column(ix + 2);
        for (int c = 0; c < channels; c++) {
          int o = c * srcPlane;
          float v = 0;
          v += wy0 * (wx0 * src[o + y0 + x0] + wx1 * src[o + y0 + x1] + wx2 * src[o + y0 + x2] + wx3 * src[o + y0 + x3]);
          v += wy1 * (wx0 * src[o + y1 + x0] + wx1 * src[o + y1 + x1] + wx2 * src[o + y1 + x2] + wx3 * src[o + y1 + x3]);
          v += wy2 * (wx0 * src[o + y2 + x0] + wx1 * src[o + y2 + x1] + wx2 * src[o + y2 + x2] + wx3 * src[o + y2 + x3]);
          v += wy3 * (wx0 * src[o + y3 + x0] + wx1 * src[o + y3 + x1] + wx2 * src[o + y3 + x2] + wx3 * src[o + y3 + x3]);
          dst[c * dstPlane + dstIndex] = v;
        }
      }
    }

    private void copy(int dstIndex, int srcIndex) {
      for (int c = 0; c < channels; c++) {
        dst[c * dstPlane + dstIndex] = src[c * srcPlane + srcIndex];
      }
    }
  }

  /**
   * A mask (nearest) and its one-channel weights (linear) of the same size, resampled in one loop: where the 2×2
   * linear neighbourhood is inside the source (almost every pixel of a training target), the nearest pixel is one
   * of its four, so both are read directly, without mirror lookups; elsewhere the per-pixel kernels of
   * {@link LabelResampler} and {@link Resampler} run. Same results as those two, bit for bit.
   */
  private static final class TargetResampler {
    private final int[] labels;
    private final float[] weights;
    private final int h;
    private final int w;
    private final LabelResampler labelsAtBorder;
    private final Resampler weightsAtBorder;
    private final int[] labelsOut;
    private final float[] weightsOut;

    TargetResampler(LabelImage mask, FloatImage weights, LabelResampler labelsAtBorder, Resampler weightsAtBorder,
        int[] labelsOut, float[] weightsOut) {
      this.labels = mask.data();
      this.weights = weights.data();
      this.h = mask.height();
      this.w = mask.width();
      this.labelsAtBorder = labelsAtBorder;
      this.weightsAtBorder = weightsAtBorder;
      this.labelsOut = labelsOut;
      this.weightsOut = weightsOut;
    }

    void row(int row, int count, double[] sy, double[] sx) {
      for (int x = 0; x < count; x++) {
        double y = sy[x];
        double xx = sx[x];
        double fy = Math.floor(y);
        double fx = Math.floor(xx);
        int iy = (int) fy;
        int ix = (int) fx;
        int d = row + x;
        if (iy < 0 || iy + 1 >= h || ix < 0 || ix + 1 >= w) {
          labelsAtBorder.nearestPixel(d, y, xx);
          weightsAtBorder.linearPixel(d, y, xx);
          continue;
        }
        double ty = y - fy;
        double tx = xx - fx;
        int p = iy * w + ix;
        // roundHalfUp of a coordinate in [i, i + 1) is i or i + 1 (both inside here), from the same fractions
        labelsOut[d] = labels[p + (ty >= 0.5 ? w : 0) + (tx >= 0.5 ? 1 : 0)];
        if (ty == 0 && tx == 0) {
          weightsOut[d] = weights[p]; // exact at pixel centres
          continue;
        }
        double top = weights[p] + tx * (weights[p + 1] - weights[p]);
        double bottom = weights[p + w] + tx * (weights[p + w + 1] - weights[p + w]);
        weightsOut[d] = (float) (top + ty * (bottom - top));
      }
    }
  }

  /** Nearest-neighbour resampling of one label image into a destination array. */
  private static final class LabelResampler {
    private final int[] src;
    private final int[] dst;
    private final MirrorTable rows;
    private final MirrorTable columns;

    LabelResampler(LabelImage source, int[] dst) {
      this.src = source.data();
      this.dst = dst;
      rows = new MirrorTable(source.height(), source.width());
      columns = new MirrorTable(source.width(), 1);
    }

    void nearestRow(int row, int count, double[] sy, double[] sx) {
      for (int x = 0; x < count; x++) {
        nearestPixel(row + x, sy[x], sx[x]);
      }
    }

    /** The label nearest to source (sy, sx), written to destination offset {@code dstIndex}. */
    void nearestPixel(int dstIndex, double sy, double sx) {
      dst[dstIndex] = src[rows.at(roundHalfUp(sy)) + columns.at(roundHalfUp(sx))];
    }
  }

  /**
   * Mirror-padded indices of one axis ({@link MirrorIndex}) times a stride, looked up in a table for indices up to
   * one axis length beyond either edge (what warps and crops reach) and computed beyond that.
   */
  private static final class MirrorTable {
    private final int size;
    private final int stride;
    private final int pad;
    /** Built on first use: most resamplings of a training patch never leave the fast paths that need none. */
    private int[] table;

    MirrorTable(int size, int stride) {
      this.size = size;
      this.stride = stride;
      pad = size;
    }

    /** {@code MirrorIndex.reflect(i, size) · stride}. */
    int at(int i) {
      int[] t = table != null ? table : build();
      int k = i + pad;
      return k >= 0 && k < t.length ? t[k] : MirrorIndex.reflect(i, size) * stride;
    }

    private int[] build() {
      int[] t = new int[size + 2 * pad];
      for (int k = 0; k < t.length; k++) {
        t[k] = MirrorIndex.reflect(k - pad, size) * stride;
      }
      table = t;
      return t;
    }
  }
}
