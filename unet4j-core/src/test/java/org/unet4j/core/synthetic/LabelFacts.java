package org.unet4j.core.synthetic;

import java.util.ArrayDeque;
import org.unet4j.core.image.LabelImage;

/** Brute-force facts about an instance-label image, written independently of the generator. */
final class LabelFacts {
  final int count;
  final int[] areaPx;
  /** Cell k has a 4-neighbour pixel with another non-zero label. */
  final boolean[] touchesCell;
  /** Cell k has a pixel in the first or last row or column. */
  final boolean[] touchesImageBorder;
  /** Cell k has an 8-neighbour pixel with another non-zero label. */
  final boolean[] nearlyTouchesCell;

  LabelFacts(LabelImage labels) {
    count = labels.maxLabel();
    areaPx = new int[count + 1];
    touchesCell = new boolean[count + 1];
    touchesImageBorder = new boolean[count + 1];
    nearlyTouchesCell = new boolean[count + 1];
    int h = labels.height();
    int w = labels.width();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int l = labels.get(y, x);
        if (l == 0) {
          continue;
        }
        areaPx[l]++;
        if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
          touchesImageBorder[l] = true;
        }
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int ny = y + dy;
            int nx = x + dx;
            if ((dy == 0 && dx == 0) || ny < 0 || nx < 0 || ny >= h || nx >= w) {
              continue;
            }
            int other = labels.get(ny, nx);
            if (other != 0 && other != l) {
              nearlyTouchesCell[l] = true;
              if (dy == 0 || dx == 0) {
                touchesCell[l] = true;
              }
            }
          }
        }
      }
    }
  }

  /** Fraction of cells that share a 4-neighbour boundary with another cell (0 without cells). */
  double touchingFraction() {
    int touching = 0;
    for (int l = 1; l <= count; l++) {
      touching += touchesCell[l] ? 1 : 0;
    }
    return count == 0 ? 0 : (double) touching / count;
  }

  /** Whether every label 1..count occurs and forms one 4-connected piece (breadth-first flood fill). */
  static boolean everyLabelIsOneFourConnectedPiece(LabelImage labels) {
    int n = labels.maxLabel();
    int h = labels.height();
    int w = labels.width();
    boolean[] seen = new boolean[n + 1];
    boolean[] visited = new boolean[h * w];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int start = 0; start < h * w; start++) {
      int l = labels.data()[start];
      if (l == 0 || visited[start]) {
        continue;
      }
      if (seen[l]) {
        return false; // a second piece of label l
      }
      seen[l] = true;
      visited[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        int y = i / w;
        int x = i % w;
        int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        for (int[] s : steps) {
          int ny = y + s[0];
          int nx = x + s[1];
          if (ny >= 0 && nx >= 0 && ny < h && nx < w && !visited[ny * w + nx] && labels.get(ny, nx) == l) {
            visited[ny * w + nx] = true;
            queue.add(ny * w + nx);
          }
        }
      }
    }
    for (int l = 1; l <= n; l++) {
      if (!seen[l]) {
        return false;
      }
    }
    return true;
  }
}
