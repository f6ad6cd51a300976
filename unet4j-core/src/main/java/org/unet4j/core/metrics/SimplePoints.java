package org.unet4j.core.metrics;

/**
 * Simple points of 2D binary images with 4-connected foreground and 8-connected background: a pixel whose flip
 * changes neither the number of objects nor the number of holes (Rosenfeld; Bertrand and Malandain 1994). A pixel
 * is simple iff its 8 neighbours hold exactly one 4-connected foreground piece that touches it by an edge, and
 * exactly one 8-connected background piece.
 *
 * <p>The ISBI 2012 warping script tests 2D pixels by embedding the 3×3 patch in the middle plane of a 3×3×3 cube and
 * asking for 6/26 simplicity there; for all 256 neighbourhoods this gives the same answer as this 2D rule (checked
 * exhaustively when this table was written). Neighbour bits, clockwise from the top-left:
 *
 * <pre>
 *   bit 0 (x−1,y−1)  bit 1 (x,y−1)  bit 2 (x+1,y−1)
 *   bit 7 (x−1,y)        centre      bit 3 (x+1,y)
 *   bit 6 (x−1,y+1)  bit 5 (x,y+1)  bit 4 (x+1,y+1)
 * </pre>
 */
final class SimplePoints {

  /** Neighbour offsets (dx, dy) in bit order. */
  static final int[] DX = {-1, 0, 1, 1, 1, 0, -1, -1};

  static final int[] DY = {-1, -1, -1, 0, 1, 1, 1, 0};

  private static final boolean[] SIMPLE = new boolean[256];

  static {
    for (int bits = 0; bits < 256; bits++) {
      SIMPLE[bits] = edgeTouchingForegroundPieces(bits) == 1 && backgroundPieces(bits) == 1;
    }
  }

  private SimplePoints() {}

  /** Whether a pixel with these foreground neighbours (bit order above) is simple; the centre value is irrelevant. */
  static boolean isSimple(int neighbourBits) {
    return SIMPLE[neighbourBits];
  }

  /** Number of 4-connected foreground pieces among the neighbours that contain an edge neighbour (odd bit). */
  static int edgeTouchingForegroundPieces(int bits) {
    int[] piece = pieces(bits, true);
    boolean[] touches = new boolean[9];
    int count = 0;
    for (int k = 1; k < 8; k += 2) {
      if ((bits >> k & 1) == 1 && !touches[piece[k]]) {
        touches[piece[k]] = true;
        count++;
      }
    }
    return count;
  }

  /** Number of 8-connected background pieces among the neighbours. */
  static int backgroundPieces(int bits) {
    int[] piece = pieces(~bits & 0xff, false);
    int max = 0;
    for (int k = 0; k < 8; k++) {
      max = Math.max(max, piece[k]);
    }
    return max;
  }

  /** Piece number (1..) per neighbour for the set bits, 0 for unset; 4- or 8-adjacency between neighbours. */
  private static int[] pieces(int bits, boolean fourAdjacency) {
    int[] piece = new int[8];
    int next = 0;
    for (int start = 0; start < 8; start++) {
      if ((bits >> start & 1) == 0 || piece[start] != 0) {
        continue;
      }
      piece[start] = ++next;
      int[] stack = new int[8];
      int top = 0;
      stack[top++] = start;
      while (top > 0) {
        int a = stack[--top];
        for (int b = 0; b < 8; b++) {
          if ((bits >> b & 1) == 1 && piece[b] == 0 && adjacent(a, b, fourAdjacency)) {
            piece[b] = next;
            stack[top++] = b;
          }
        }
      }
    }
    return piece;
  }

  private static boolean adjacent(int a, int b, boolean fourAdjacency) {
    int dx = Math.abs(DX[a] - DX[b]);
    int dy = Math.abs(DY[a] - DY[b]);
    return fourAdjacency ? dx + dy == 1 : Math.max(dx, dy) == 1;
  }
}
