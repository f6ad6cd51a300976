package org.unet4j.core.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.ConnectedComponents;
import org.unet4j.core.weights.Connectivity;

/**
 * Where the cells are: instance labels {@code 1..n} (each one 4-connected piece), each cell's brightness factor, and
 * the nucleus weight of every pixel.
 *
 * <p>Cells are placed one after another by random sequential adsorption. A candidate is either free (uniform centre;
 * rejected if it comes within {@link CellPopulation#GAP_PX} of a placed cell) or pressed against a random placed
 * partner (see {@link CellPopulation}); it is pressed whenever fewer than {@code touchingFraction} of the cells placed
 * so far (counting the candidate) touch another, so the share of touching cells follows the spec. In an overlap each
 * pixel goes to the cell it lies most deeply inside ({@link CellShape#depth}), which draws a shared boundary between
 * them; a pressed candidate is rejected unless it keeps at least 60 % of its pixels, every cell it overlaps keeps at
 * least 70 % of its own, and it really overlaps its partner. Candidates with less than 30 % of their area inside the
 * image are rejected too. Finally each cell keeps only its largest 4-connected piece (rare slivers cut off by a
 * neighbour become background), cells below {@link #minAreaPx} disappear, and labels are renumbered 1..n in placement
 * order.
 *
 * @param labels instance labels, 0 = background
 * @param brightness {@code brightness[k]} is the signal factor {@code b_k} of cell k ({@code [0]} unused)
 * @param nucleus per-pixel nucleus weight in [0, 1] (0 on background)
 */
record CellLayout(LabelImage labels, double[] brightness, float[] nucleus) {
  private static final double PRESS_MIN = 0.75;
  private static final double PRESS_RANGE = 0.17;
  private static final double MIN_OWN_SHARE = 0.6;
  private static final double MIN_KEPT_SHARE = 0.7;
  private static final double MIN_INSIDE_SHARE = 0.3;

  /** The smallest cell kept, px: 15 % of the smallest nominal cell area, at least 4 px. */
  static int minAreaPx(CellPopulation population) {
    return (int) Math.max(4, Math.round(0.15 * Math.PI * population.minRadiusPx() * population.minRadiusPx()));
  }

  /** Places the cells of {@code spec} with draws from {@code rng}. */
  static CellLayout place(SyntheticCellsSpec spec, SplittableRandom rng) {
    return new Placement(spec, rng).run();
  }

  /** The mutable state of one placement run. */
  private static final class Placement {
    private final CellPopulation population;
    private final double brightnessSpread;
    private final int height;
    private final int width;
    private final SplittableRandom rng;
    private final int[] labels;
    private final float[] depths;
    private final float[] nucleus;
    private final List<CellShape> cells = new ArrayList<>();
    private final List<Double> brightness = new ArrayList<>();
    private int[] areas = new int[16];
    private int[] lost = new int[16];
    private boolean[] touching = new boolean[16];
    private int touchingCount;
    // Depths of the last candidate over its box, row-major, kept from fits() for add().
    private float[] candidateDepths = new float[256];
    private final int minAreaPx;

    Placement(SyntheticCellsSpec spec, SplittableRandom rng) {
      this.population = spec.cells();
      this.brightnessSpread = spec.appearance().cellContrastSpread();
      this.height = spec.heightPx();
      this.width = spec.widthPx();
      this.rng = rng;
      this.labels = new int[height * width];
      this.depths = new float[height * width];
      this.nucleus = new float[height * width];
      this.minAreaPx = minAreaPx(population);
    }

    CellLayout run() {
      int wanted = population.cellCount();
      long maxAttempts = 60L * wanted + 100;
      for (long attempt = 0; attempt < maxAttempts && cells.size() < wanted; attempt++) {
        tryOne();
      }
      return cleanUp();
    }

    /** Draws one candidate (always the same number of draws, pressed or free) and adds it if it fits. */
    private void tryOne() {
      CellShape shape = CellShape.random(population, rng);
      // Press whenever too few cells touch so far: the share of touching cells then tracks touchingFraction.
      boolean pressed = !cells.isEmpty() && touchingCount < population.touchingFraction() * (cells.size() + 1);
      int partner = rng.nextInt(Math.max(1, cells.size())) + 1;
      if (!pressed) {
        partner = 0;
      }
      double angle = rng.nextDouble() * 2 * Math.PI;
      double press = PRESS_MIN + PRESS_RANGE * rng.nextDouble();
      double freeY = rng.nextDouble() * height - 0.5;
      double freeX = rng.nextDouble() * width - 0.5;
      double cellBrightness = 1 + brightnessSpread * (2 * rng.nextDouble() - 1);
      double nucleusScale = 0.45 + 0.15 * rng.nextDouble();
      double nucleusOffset = 0.2 * rng.nextDouble() * shape.radiusPx;
      double nucleusAngle = rng.nextDouble() * 2 * Math.PI;
      double y = freeY;
      double x = freeX;
      if (pressed) {
        CellShape other = cells.get(partner - 1);
        double distance = press * (other.extentPx(angle) + shape.extentPx(angle + Math.PI));
        y = other.centreY + distance * Math.sin(angle);
        x = other.centreX + distance * Math.cos(angle);
      }
      CellShape cell = shape.movedTo(y, x);
      int[] box = box(cell, CellPopulation.GAP_PX + 1);
      if (box != null && fits(cell, partner, box)) {
        CellShape core = cell.scaled(nucleusScale,
            y + nucleusOffset * Math.sin(nucleusAngle), x + nucleusOffset * Math.cos(nucleusAngle));
        add(cell, box, core, cellBrightness, pressed);
      }
    }

    /**
     * Whether {@code cell} may be added; {@code partner} is the label it is pressed against, 0 if free; {@code box}
     * covers the cell and its gap. Leaves the depths of the box in {@link #candidateDepths} when it returns true.
     */
    private boolean fits(CellShape cell, int partner, int[] box) {
      boolean pressed = partner != 0;
      int cy = (int) Math.round(cell.centreY);
      int cx = (int) Math.round(cell.centreX);
      // Cheap early rejection in crowded images: a free cell cannot fit if its centre or a point halfway to its
      // outline in one of 8 directions is taken.
      if (!pressed && (isTaken(cy, cx) || halfwayPointIsTaken(cell))) {
        return false;
      }
      int boxWidth = box[3] - box[2] + 1;
      int boxSize = (box[1] - box[0] + 1) * boxWidth;
      if (candidateDepths.length < boxSize) {
        candidateDepths = new float[Math.max(boxSize, 2 * candidateDepths.length)];
      }
      int inside = 0;
      int won = 0;
      boolean overlapsPartner = false;
      List<Integer> touched = new ArrayList<>();
      try {
        for (int py = box[0]; py <= box[1]; py++) {
          for (int px = box[2]; px <= box[3]; px++) {
            double depth = cell.depthWithin(py, px, CellPopulation.GAP_PX);
            candidateDepths[(py - box[0]) * boxWidth + px - box[2]] = (float) depth;
            if (depth == Double.POSITIVE_INFINITY) {
              continue;
            }
            // Along the ray from the centre, depth is distance / extent, so a pixel at depth ≥ 1 lies
            // distance·(1 − 1/depth) px outside the outline.
            if (depth >= 1 && distancePx(cell, py, px) * (1 - 1 / depth) >= CellPopulation.GAP_PX) {
              continue;
            }
            int i = py * width + px;
            int owner = labels[i];
            if (owner != 0 && !pressed) {
              return false;
            }
            if (depth >= 1) {
              continue;
            }
            inside++;
            if (owner == 0) {
              won++;
              continue;
            }
            overlapsPartner |= owner == partner;
            if (depth < depths[i]) {
              won++;
              if (lost[owner]++ == 0) {
                touched.add(owner);
              }
            }
          }
        }
        if (inside < minAreaPx || inside < MIN_INSIDE_SHARE * cell.areaPx() || won < MIN_OWN_SHARE * inside) {
          return false;
        }
        if (pressed && !overlapsPartner) {
          return false;
        }
        for (int owner : touched) {
          if (areas[owner] - lost[owner] < MIN_KEPT_SHARE * areas[owner]) {
            return false;
          }
        }
        return true;
      } finally {
        for (int owner : touched) {
          lost[owner] = 0;
        }
      }
    }

    private boolean isTaken(int y, int x) {
      return y >= 0 && y < height && x >= 0 && x < width && labels[y * width + x] != 0;
    }

    private boolean halfwayPointIsTaken(CellShape cell) {
      for (int k = 0; k < 8; k++) {
        double angle = k * Math.PI / 4;
        double reach = 0.5 * cell.extentPx(angle);
        if (isTaken((int) Math.round(cell.centreY + reach * Math.sin(angle)),
            (int) Math.round(cell.centreX + reach * Math.cos(angle)))) {
          return true;
        }
      }
      return false;
    }

    /** Adds the candidate that {@link #fits} just accepted, with its depths from {@link #candidateDepths}. */
    private void add(CellShape cell, int[] box, CellShape core, double cellBrightness, boolean pressed) {
      cells.add(cell);
      brightness.add(cellBrightness);
      int label = cells.size();
      if (label >= areas.length) {
        areas = Arrays.copyOf(areas, 2 * areas.length);
        lost = Arrays.copyOf(lost, 2 * lost.length);
        touching = Arrays.copyOf(touching, 2 * touching.length);
      }
      if (pressed) {
        markTouching(label);
      }
      int boxWidth = box[3] - box[2] + 1;
      for (int py = box[0]; py <= box[1]; py++) {
        for (int px = box[2]; px <= box[3]; px++) {
          float depth = candidateDepths[(py - box[0]) * boxWidth + px - box[2]];
          int i = py * width + px;
          if (depth < 1 && labels[i] != 0) {
            markTouching(labels[i]); // an overlapped cell now shares a boundary with the new one
          }
          if (depth >= 1 || (labels[i] != 0 && depth >= depths[i])) {
            continue;
          }
          if (labels[i] != 0) {
            areas[labels[i]]--;
          }
          labels[i] = label;
          areas[label]++;
          depths[i] = depth;
          // The nucleus fades out between 80 % and 120 % of its outline depth.
          double coreDepth = core.depth(py, px);
          nucleus[i] = (float) Math.max(0, Math.min(1, (1.2 - coreDepth) / 0.4));
        }
      }
    }

    private void markTouching(int label) {
      if (!touching[label]) {
        touching[label] = true;
        touchingCount++;
      }
    }

    private static double distancePx(CellShape cell, int y, int x) {
      double dy = y - cell.centreY;
      double dx = x - cell.centreX;
      return Math.sqrt(dy * dy + dx * dx);
    }

    /** {@code {y0, y1, x0, x1}} (inclusive) of the pixels within {@code marginPx} of the cell, or null if none. */
    private int[] box(CellShape cell, double marginPx) {
      double reach = cell.maxExtentPx() + marginPx;
      int y0 = Math.max(0, (int) Math.floor(cell.centreY - reach));
      int y1 = Math.min(height - 1, (int) Math.ceil(cell.centreY + reach));
      int x0 = Math.max(0, (int) Math.floor(cell.centreX - reach));
      int x1 = Math.min(width - 1, (int) Math.ceil(cell.centreX + reach));
      return y0 > y1 || x0 > x1 ? null : new int[] {y0, y1, x0, x1};
    }

    /** Keeps each cell's largest 4-connected piece, drops cells below the minimum area, renumbers 1..n. */
    private CellLayout cleanUp() {
      LabelImage placed = new LabelImage(height, width, labels);
      LabelImage pieces = ConnectedComponents.splitInstances(placed, Connectivity.FOUR);
      int[] pieceSizes = ConnectedComponents.sizesPx(pieces);
      int[] pieceOwner = new int[pieceSizes.length];
      int[] piece = pieces.data();
      for (int i = 0; i < piece.length; i++) {
        pieceOwner[piece[i]] = labels[i];
      }
      int[] largestPiece = new int[cells.size() + 1];
      for (int p = 1; p < pieceSizes.length; p++) {
        int owner = pieceOwner[p];
        if (largestPiece[owner] == 0 || pieceSizes[p] > pieceSizes[largestPiece[owner]]) {
          largestPiece[owner] = p;
        }
      }
      int[] newLabel = new int[cells.size() + 1];
      List<Double> keptBrightness = new ArrayList<>();
      keptBrightness.add(0.0);
      for (int owner = 1; owner <= cells.size(); owner++) {
        int p = largestPiece[owner];
        if (p != 0 && pieceSizes[p] >= minAreaPx) {
          newLabel[owner] = keptBrightness.size();
          keptBrightness.add(brightness.get(owner - 1));
        }
      }
      int[] out = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        int owner = labels[i];
        if (owner != 0 && largestPiece[owner] == piece[i]) {
          out[i] = newLabel[owner];
        }
        if (out[i] == 0) {
          nucleus[i] = 0;
        }
      }
      double[] kept = keptBrightness.stream().mapToDouble(Double::doubleValue).toArray();
      return new CellLayout(new LabelImage(height, width, out), kept, nucleus);
    }
  }
}
