package org.unet4j.io.dataset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.unet4j.core.image.LabelImage;
import org.unet4j.io.SampleType;

/**
 * How the stored values of a mask file become training labels.
 *
 * <ul>
 *   <li>{@link #BINARY}: background 0 and one foreground value (1, 255, 65535, …) → 0/1; inverting swaps them.
 *   <li>{@link #CLASSES}: class indices 0..K−1 kept as they are.
 *   <li>{@link #INSTANCES}: instance labels (0 background, 1..n objects) kept as they are; foreground and separating
 *       borders are derived later.
 *   <li>{@link #AUTO}: decided per mask from its values: at most one non-zero value that is 1 or the sample type's
 *       maximum (255, 65535) → BINARY; else an 8-bit mask with at most 16 distinct values all below 16 → CLASSES;
 *       else (many values, or 16/32-bit data) → INSTANCES. AUTO is a guess: an 8-bit instance mask with few objects
 *       is taken for CLASSES, so name the mode explicitly when it matters.
 * </ul>
 */
public enum MaskMode {
  /** 0 = background, one other value = foreground; becomes 0/1. */
  BINARY,
  /** Class indices 0..K−1. */
  CLASSES,
  /** Instance labels 0..n. */
  INSTANCES,
  /** Chosen from the values of each mask (see the class comment). */
  AUTO;

  private static final int LISTED_VALUES = 12;
  private static final int AUTO_MAX_CLASSES = 16;

  /** Parses {@code binary}, {@code classes}, {@code instances} or {@code auto}, case-insensitive. */
  public static MaskMode forName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mask mode '" + name + "'; use binary, classes, instances or auto",
          e);
    }
  }

  /**
   * The concrete mode for {@code raw} stored as {@code storedAs}: this mode itself unless it is {@link #AUTO}, which
   * is resolved by the rule in the class comment.
   */
  public MaskMode resolve(LabelImage raw, SampleType storedAs) {
    if (this != AUTO) {
      return this;
    }
    int[] values = distinctValues(raw);
    int nonZero = values.length > 0 && values[0] == 0 ? values.length - 1 : values.length;
    int max = values.length == 0 ? 0 : values[values.length - 1];
    if (nonZero == 0 || (nonZero == 1 && (max == 1 || max == (int) storedAs.maxValue()))) {
      return BINARY;
    }
    if (storedAs == SampleType.UINT8 && values.length <= AUTO_MAX_CLASSES && max < AUTO_MAX_CLASSES) {
      return CLASSES;
    }
    return INSTANCES;
  }

  /**
   * The labels for training from the stored values {@code raw} of {@code file}, with this (resolved, non-AUTO) mode.
   *
   * @param invert swap foreground and background of a BINARY mask (ISBI 2012 stores membranes as 0)
   * @param numClasses for CLASSES, the number of classes K (values must be < K); 0 if unknown (values must be ≤ 255)
   * @throws DatasetException naming the file and listing values if they do not fit the mode, or if {@code invert}
   *     is asked for a non-binary mode
   */
  public LabelImage interpret(LabelImage raw, boolean invert, int numClasses, Path file) throws DatasetException {
    if (this == AUTO) {
      throw new IllegalStateException("resolve AUTO before interpreting " + file);
    }
    if (invert && this != BINARY) {
      throw new DatasetException("--invert-mask applies to binary masks only, but " + file + " is read as " + this
          + " (values " + listValues(distinctValues(raw)) + ")");
    }
    int[] values = distinctValues(raw);
    switch (this) {
      case BINARY -> {
        int nonZero = values.length > 0 && values[0] == 0 ? values.length - 1 : values.length;
        if (nonZero > 1) {
          throw new DatasetException("mask " + file + " has values " + listValues(values)
              + " but BINARY needs 0 and one foreground value (0/1 or 0/255); use mask mode classes or instances");
        }
        int[] out = new int[raw.data().length];
        int background = invert ? 1 : 0;
        for (int i = 0; i < out.length; i++) {
          out[i] = raw.data()[i] == 0 ? background : 1 - background;
        }
        return new LabelImage(raw.height(), raw.width(), out);
      }
      case CLASSES -> {
        int limit = numClasses > 0 ? numClasses : 256;
        int max = values.length == 0 ? 0 : values[values.length - 1];
        if (max >= limit) {
          int[] bad = Arrays.stream(values).filter(v -> v >= limit).toArray();
          throw new DatasetException("mask " + file + " has class value(s) " + listValues(bad) + " but "
              + (numClasses > 0 ? "there are " + numClasses + " classes (0.." + (numClasses - 1) + ")"
                  : "class indices must be 0..255")
              + "; all values: " + listValues(values)
              + (max == 255 && values.length == 2 ? " — a 0/255 mask is binary: use mask mode binary"
                  : " — if the values number objects, not classes, use mask mode instances"));
        }
        return raw.copy();
      }
      default -> {
        return raw.copy();
      }
    }
  }

  /** Sorted distinct values of {@code labels}. */
  static int[] distinctValues(LabelImage labels) {
    int[] sorted = labels.data().clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  static String listValues(int[] values) {
    String shown = Arrays.stream(values).limit(LISTED_VALUES).mapToObj(Integer::toString)
        .collect(Collectors.joining(", ", "{", ""));
    return shown + (values.length > LISTED_VALUES ? ", … (" + values.length + " distinct)}" : "}");
  }
}
