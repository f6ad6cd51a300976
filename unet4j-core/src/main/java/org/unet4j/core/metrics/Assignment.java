package org.unet4j.core.metrics;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns (Kuhn–Munkres / Hungarian method with potentials, O(r²·c) for r ≤ c):
 * every row gets a distinct column. Used on the small blocks of candidate object pairs of {@link InstanceMatching}.
 */
final class Assignment {
  private Assignment() {}

  /**
   * The column of each row in a minimum-cost assignment.
   *
   * @param cost an r×c matrix with r ≤ c
   * @return {@code column[row]}
   */
  static int[] minimumCost(double[][] cost) {
    int rows = cost.length;
    int columns = cost[0].length;
    if (rows > columns) {
      throw new IllegalArgumentException("need rows ≤ columns, got " + rows + "×" + columns);
    }
    double[] u = new double[rows + 1];
    double[] v = new double[columns + 1];
    int[] rowOfColumn = new int[columns + 1];
    int[] way = new int[columns + 1];
    for (int row = 1; row <= rows; row++) {
      rowOfColumn[0] = row;
      int column0 = 0;
      double[] minimum = new double[columns + 1];
      Arrays.fill(minimum, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[columns + 1];
      do {
        used[column0] = true;
        int row0 = rowOfColumn[column0];
        double delta = Double.POSITIVE_INFINITY;
        int column1 = 0;
        for (int column = 1; column <= columns; column++) {
          if (!used[column]) {
            double reduced = cost[row0 - 1][column - 1] - u[row0] - v[column];
            if (reduced < minimum[column]) {
              minimum[column] = reduced;
              way[column] = column0;
            }
            if (minimum[column] < delta) {
              delta = minimum[column];
              column1 = column;
            }
          }
        }
        for (int column = 0; column <= columns; column++) {
          if (used[column]) {
            u[rowOfColumn[column]] += delta;
            v[column] -= delta;
          } else {
            minimum[column] -= delta;
          }
        }
        column0 = column1;
      } while (rowOfColumn[column0] != 0);
      do {
        int column1 = way[column0];
        rowOfColumn[column0] = rowOfColumn[column1];
        column0 = column1;
      } while (column0 != 0);
    }
    int[] columnOfRow = new int[rows];
    for (int column = 1; column <= columns; column++) {
      if (rowOfColumn[column] != 0) {
        columnOfRow[rowOfColumn[column] - 1] = column - 1;
      }
    }
    return columnOfRow;
  }
}
