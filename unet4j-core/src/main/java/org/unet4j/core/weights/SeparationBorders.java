package org.unet4j.core.weights;

import org.unet4j.core.image.LabelImage;

/**
 * The separation borders between cells: thin lines of pixels that must be background in a semantic training mask
 * so that touching cells come out as separate objects (U-Net paper, Fig. 3; Falk et al. 2019).
 *
 * <p>The rule, with {@code cheb(p, A)} the Chebyshev (chessboard) distance from pixel {@code p} to the nearest pixel
 * of instance {@code A}:
 *
 * <ul>
 *   <li><b>Instance pixels.</b> A pixel of instance A is a border pixel iff one of its 8 neighbours belongs to a
 *       different instance B ≠ 0. So each of two touching cells loses its contact line, and they end up separated
 *       by a background ridge 2 px wide (the rule is symmetric: it does not depend on which label is larger).
 *   <li><b>Background pixels.</b> A background pixel is a border pixel iff there are two different instances A ≠ B
 *       with {@code cheb(p, A) + cheb(p, B) ≤ gapPx + 1}, i.e. it lies in a gap of at most {@code gapPx} pixels
 *       between two cells. These pixels are already background; marking them is for inspection and weighting.
 * </ul>
 *
 * @param gapPx widest gap (px) whose background pixels are marked; 0 marks only the contact lines of touching cells
 */
public record SeparationBorders(int gapPx) {

  /** Gaps of up to 2 px count as "nearly touching". */
  public static final int DEFAULT_GAP_PX = 2;

  /** Checks the gap. */
  public SeparationBorders {
    if (gapPx < 0 || gapPx > 64) {
      throw new IllegalArgumentException("gapPx " + gapPx + " must be in [0, 64] (default " + DEFAULT_GAP_PX + ")");
    }
  }

  /** The default rule with gaps up to {@value #DEFAULT_GAP_PX} px. */
  public static SeparationBorders defaults() {
    return new SeparationBorders(DEFAULT_GAP_PX);
  }

  /**
   * The border pixels by the rule in the class description.
   *
   * @param instances instance labels, 0 = background
   * @return 1 on border pixels, 0 elsewhere
   */
  public LabelImage borderMask(LabelImage instances) {
    int height = instances.height();
    int width = instances.width();
    int[] labels = instances.data();
    int[] border = new int[labels.length];
    // Only pixels whose (2r+1)² window holds two different instances can be border pixels; a separable min/max
    // filter finds them in O(r) per pixel, so the exact rule runs only near contacts.
    int radius = Math.max(1, gapPx);
    int[] largest = windowExtreme(labels, height, width, radius, true);
    int[] smallest = windowExtreme(labels, height, width, radius, false);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        if (largest[i] == 0 || smallest[i] == largest[i]) {
          continue;
        }
        boolean isBorder =
            labels[i] != 0 ? touchesOtherInstance(labels, height, width, y, x) : liesInGap(labels, height, width, y, x);
        border[i] = isBorder ? 1 : 0;
      }
    }
    return new LabelImage(height, width, border);
  }

  /** The instance labels with every border pixel set to background (touching cells no longer touch). */
  public LabelImage separate(LabelImage instances) {
    int[] border = borderMask(instances).data();
    int[] out = instances.data().clone();
    for (int i = 0; i < out.length; i++) {
      if (border[i] != 0) {
        out[i] = 0;
      }
    }
    return new LabelImage(instances.height(), instances.width(), out);
  }

  /**
   * The semantic training mask: 1 on instance pixels that are not border pixels, 0 elsewhere, so touching cells
   * are separated by background.
   */
  public LabelImage foregroundMask(LabelImage instances) {
    return separate(instances).foreground();
  }

  /**
   * The largest label (or the smallest non-zero label, {@code Integer.MAX_VALUE} if none) in the square window of
   * the given radius around every pixel, as two 1-D passes whose inner loops run over contiguous x (vectorisable).
   */
  private static int[] windowExtreme(int[] labels, int height, int width, int radius, boolean largest) {
    int n = labels.length;
    int[] source = labels;
    if (!largest) {
      source = new int[n];
      for (int i = 0; i < n; i++) {
        source[i] = labels[i] == 0 ? Integer.MAX_VALUE : labels[i];
      }
    }
    int[] rows = source.clone();
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int k = -radius; k <= radius; k++) {
        if (k == 0) {
          continue;
        }
        int from = Math.max(0, -k);
        int to = Math.min(width, width - k);
        for (int x = from; x < to; x++) {
          int value = source[row + x + k];
          rows[row + x] = largest ? Math.max(rows[row + x], value) : Math.min(rows[row + x], value);
        }
      }
    }
    int[] out = rows.clone();
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int ny = Math.max(0, y - radius); ny <= Math.min(height - 1, y + radius); ny++) {
        if (ny == y) {
          continue;
        }
        int other = ny * width;
        for (int x = 0; x < width; x++) {
          int value = rows[other + x];
          out[row + x] = largest ? Math.max(out[row + x], value) : Math.min(out[row + x], value);
        }
      }
    }
    return out;
  }

  private static boolean touchesOtherInstance(int[] labels, int height, int width, int y, int x) {
    int own = labels[y * width + x];
    for (int ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
      for (int nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
        int other = labels[ny * width + nx];
        if (other != 0 && other != own) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Scans square rings of growing Chebyshev radius d: the first instance found (at the smallest radius, {@code da})
   * pairs best with the first different instance found afterwards.
   */
  private boolean liesInGap(int[] labels, int height, int width, int y, int x) {
    int first = 0;
    int firstDistance = 0;
    for (int d = 1; d <= gapPx; d++) {
      if (first != 0 && firstDistance + d > gapPx + 1) {
        return false;
      }
      for (int ny = y - d; ny <= y + d; ny++) {
        if (ny < 0 || ny >= height) {
          continue;
        }
        boolean edgeRow = ny == y - d || ny == y + d;
        int step = edgeRow ? 1 : 2 * d;
        for (int nx = x - d; nx <= x + d; nx += step) {
          if (nx < 0 || nx >= width) {
            continue;
          }
          int label = labels[ny * width + nx];
          if (label == 0) {
            continue;
          }
          if (first == 0) {
            first = label;
            firstDistance = d;
          } else if (label != first && firstDistance + d <= gapPx + 1) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
