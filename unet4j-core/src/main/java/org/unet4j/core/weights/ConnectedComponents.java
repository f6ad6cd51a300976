package org.unet4j.core.weights;

import java.util.Arrays;
import org.unet4j.core.image.LabelImage;

/**
 * Connected-component labelling and label bookkeeping for instance images (0 = background, 1..n = objects).
 *
 * <p>Labelling is the classic two-pass union–find scan (linear in the pixel count up to the inverse Ackermann
 * factor). Components are numbered {@code 1..n} in raster order of their first pixel (top row first, then left to
 * right), so the result is deterministic.
 */
public final class ConnectedComponents {

  private ConnectedComponents() {}

  /**
   * Labels the connected components of the non-zero pixels of {@code mask} (all non-zero values count as one
   * foreground, whatever their value).
   *
   * @return labels {@code 1..n} (n = {@link LabelImage#maxLabel()}), 0 on background
   */
  public static LabelImage label(LabelImage mask, Connectivity connectivity) {
    return new LabelImage(
        mask.height(), mask.width(), scan(mask.data(), mask.height(), mask.width(), connectivity, false));
  }

  /** Labels the connected components of the {@code true} pixels; see {@link #label(LabelImage, Connectivity)}. */
  public static LabelImage label(boolean[] mask, int height, int width, Connectivity connectivity) {
    if (mask.length != (long) height * width) {
      throw new IllegalArgumentException(
          "mask has " + mask.length + " pixels but " + height + "×" + width + " needs " + (long) height * width);
    }
    int[] values = new int[mask.length];
    for (int i = 0; i < mask.length; i++) {
      values[i] = mask[i] ? 1 : 0;
    }
    return new LabelImage(height, width, scan(values, height, width, connectivity, false));
  }

  /**
   * Splits every instance into its connected pieces: pixels are joined only if they are adjacent <em>and</em> carry
   * the same non-zero label, so two touching instances stay separate and an instance made of two blobs becomes
   * two instances.
   *
   * @return labels {@code 1..n} in raster order of first pixel, 0 on background
   */
  public static LabelImage splitInstances(LabelImage instances, Connectivity connectivity) {
    return new LabelImage(
        instances.height(),
        instances.width(),
        scan(instances.data(), instances.height(), instances.width(), connectivity, true));
  }

  /**
   * Renumbers the labels of an instance image to {@code 1..n} keeping their order ({@code a < b} stays
   * {@code a' < b'}); 0 stays background. Disconnected pieces of one label keep one label (use
   * {@link #splitInstances} to split them).
   *
   * @throws IllegalArgumentException if a label is negative
   */
  public static LabelImage relabelConsecutive(LabelImage instances) {
    int[] data = instances.data();
    int max = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] < 0) {
        throw new IllegalArgumentException(
            "label " + data[i] + " at (y=" + i / instances.width() + ", x=" + i % instances.width()
                + ") is negative; instance labels must be 0 (background) or positive");
      }
      max = Math.max(max, data[i]);
    }
    int[] out = new int[data.length];
    if (max <= 4L * data.length + 1024) {
      // Dense lookup table: cheap when labels are at most a few times the pixel count.
      int[] map = new int[max + 1];
      for (int value : data) {
        map[value] = 1;
      }
      map[0] = 0;
      int next = 0;
      for (int value = 1; value <= max; value++) {
        map[value] = map[value] != 0 ? ++next : 0;
      }
      for (int i = 0; i < data.length; i++) {
        out[i] = map[data[i]];
      }
    } else {
      int[] distinct = Arrays.stream(data).filter(value -> value != 0).distinct().sorted().toArray();
      for (int i = 0; i < data.length; i++) {
        out[i] = data[i] == 0 ? 0 : Arrays.binarySearch(distinct, data[i]) + 1;
      }
    }
    return new LabelImage(instances.height(), instances.width(), out);
  }

  /**
   * Pixel counts per label: element {@code l} is the number of pixels with label {@code l}; element 0 counts the
   * background.
   *
   * @return an array of length {@code maxLabel + 1}
   * @throws IllegalArgumentException if a label is negative
   */
  public static int[] sizesPx(LabelImage labels) {
    int[] data = labels.data();
    int max = 0;
    for (int value : data) {
      if (value < 0) {
        throw new IllegalArgumentException("label " + value + " is negative; labels must be 0 or positive");
      }
      max = Math.max(max, value);
    }
    int[] sizes = new int[max + 1];
    for (int value : data) {
      sizes[value]++;
    }
    return sizes;
  }

  /**
   * Removes every label with fewer than {@code minSizePx} pixels (sets it to background) and renumbers the rest to
   * {@code 1..n} keeping their order.
   *
   * @param minSizePx smallest size that is kept, in pixels (≤ 1 keeps everything)
   */
  public static LabelImage removeSmall(LabelImage labels, int minSizePx) {
    int[] sizes = sizesPx(labels);
    int[] map = new int[sizes.length];
    int next = 0;
    for (int l = 1; l < sizes.length; l++) {
      map[l] = sizes[l] >= minSizePx && sizes[l] > 0 ? ++next : 0;
    }
    int[] data = labels.data();
    int[] out = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = map[data[i]];
    }
    return new LabelImage(labels.height(), labels.width(), out);
  }

  /**
   * Two-pass union–find labelling. A pixel is foreground if its value is non-zero; two adjacent foreground pixels
   * join if {@code sameValue} is false or their values are equal.
   */
  private static int[] scan(int[] values, int height, int width, Connectivity connectivity, boolean sameValue) {
    int n = values.length;
    int[] labels = new int[n];
    // Provisional labels: at most one per pixel, plus the unused label 0.
    int[] parent = new int[n + 1];
    int next = 1;
    boolean eight = connectivity == Connectivity.EIGHT;
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        int i = row + x;
        int value = values[i];
        if (value == 0) {
          continue;
        }
        int label = 0;
        if (x > 0) {
          label = join(parent, labels, values, i - 1, value, sameValue, label);
        }
        if (y > 0) {
          label = join(parent, labels, values, i - width, value, sameValue, label);
          if (eight) {
            if (x > 0) {
              label = join(parent, labels, values, i - width - 1, value, sameValue, label);
            }
            if (x < width - 1) {
              label = join(parent, labels, values, i - width + 1, value, sameValue, label);
            }
          }
        }
        if (label == 0) {
          label = next++;
          parent[label] = label;
        }
        labels[i] = label;
      }
    }
    // Roots are the smallest provisional label of their component (union links to the smaller root), i.e. the one
    // created at the component's first raster pixel, so numbering roots in increasing order is raster order.
    int[] finalLabel = new int[next];
    int count = 0;
    for (int l = 1; l < next; l++) {
      int root = find(parent, l);
      finalLabel[l] = root == l ? ++count : finalLabel[root];
    }
    for (int i = 0; i < n; i++) {
      labels[i] = finalLabel[labels[i]];
    }
    return labels;
  }

  private static int join(
      int[] parent, int[] labels, int[] values, int neighbour, int value, boolean sameValue, int label) {
    int other = values[neighbour];
    if (other == 0 || (sameValue && other != value)) {
      return label;
    }
    int neighbourLabel = labels[neighbour];
    if (label == 0) {
      return neighbourLabel;
    }
    int a = find(parent, label);
    int b = find(parent, neighbourLabel);
    if (a < b) {
      parent[b] = a;
      return a;
    }
    parent[a] = b;
    return b;
  }

  private static int find(int[] parent, int label) {
    while (parent[label] != label) {
      parent[label] = parent[parent[label]];
      label = parent[label];
    }
    return label;
  }
}
