package org.unet4j.core.synthetic;

/** Range checks for the spec records, with messages that name the field, the bad value and the allowed range. */
final class SpecChecks {
  private SpecChecks() {}

  /** Throws unless {@code min ≤ value ≤ max} (NaN is rejected). */
  static void inRange(String field, double value, double min, double max, String hint) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field + " " + value + " must be in [" + format(min) + ", " + format(max) + "]" + hintText(hint));
    }
  }

  /** Throws unless {@code min ≤ value ≤ max}. */
  static void inRange(String field, int value, int min, int max, String hint) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " " + value + " must be in [" + min + ", " + max + "]" + hintText(hint));
    }
  }

  private static String hintText(String hint) {
    return hint.isEmpty() ? "" : " (" + hint + ")";
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
