package org.unet4j.train;

/** Range checks shared by the optimiser records, with messages that name the value and the valid range. */
final class OptimizerChecks {
  private OptimizerChecks() {}

  static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be a positive finite number");
    }
  }

  static void nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be ≥ 0");
    }
  }

  static void inUnitInterval(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be in [0, 1)");
    }
  }
}
