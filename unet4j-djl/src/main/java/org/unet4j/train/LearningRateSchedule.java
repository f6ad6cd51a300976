package org.unet4j.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The learning rate as a function of the iteration, as plain data. All schedules scale the optimiser's base rate
 * {@code η0}; {@code t} counts iterations from 0 and {@code T} is the run's total.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LearningRateSchedule.Constant.class, name = "constant"),
  @JsonSubTypes.Type(value = LearningRateSchedule.Step.class, name = "step"),
  @JsonSubTypes.Type(value = LearningRateSchedule.Poly.class, name = "poly"),
  @JsonSubTypes.Type(value = LearningRateSchedule.Cosine.class, name = "cosine")
})
public sealed interface LearningRateSchedule {

  /** The rate for iteration {@code t} of {@code totalIterations}. */
  double rate(double baseRate, long t, long totalIterations);

  /** {@code η = η0}. */
  record Constant() implements LearningRateSchedule {
    @Override
    public double rate(double baseRate, long t, long totalIterations) {
      return baseRate;
    }
  }

  /**
   * {@code η = η0 · γ^⌊t / stepIterations⌋}.
   *
   * @param stepIterations iterations between drops
   * @param gamma factor per drop
   */
  record Step(long stepIterations, double gamma) implements LearningRateSchedule {
    /** Checks the ranges. */
    public Step {
      if (stepIterations < 1 || !(gamma > 0 && gamma <= 1)) {
        throw new IllegalArgumentException(
            "step schedule needs stepIterations ≥ 1 and 0 < gamma ≤ 1, got " + stepIterations + " and " + gamma);
      }
    }

    @Override
    public double rate(double baseRate, long t, long totalIterations) {
      return baseRate * Math.pow(gamma, t / stepIterations);
    }
  }

  /**
   * nnU-Net's polynomial decay {@code η = η0 · (1 − t/T)^power} (power 0.9 there).
   *
   * @param power exponent
   */
  record Poly(double power) implements LearningRateSchedule {
    /** Checks the exponent. */
    public Poly {
      if (!(power > 0)) {
        throw new IllegalArgumentException("poly schedule power must be positive, got " + power);
      }
    }

    @Override
    public double rate(double baseRate, long t, long totalIterations) {
      return baseRate * Math.pow(Math.max(0, 1 - (double) t / totalIterations), power);
    }
  }

  /**
   * Linear warm-up over {@code warmupIterations} ({@code η0·(t+1)/W}), then half a cosine from {@code η0} down to
   * {@code η0·minFactor} at {@code T}.
   *
   * @param warmupIterations W (0 = none)
   * @param minFactor the final rate as a fraction of the base rate
   */
  record Cosine(long warmupIterations, double minFactor) implements LearningRateSchedule {
    /** Checks the ranges. */
    public Cosine {
      if (warmupIterations < 0 || !(minFactor >= 0 && minFactor <= 1)) {
        throw new IllegalArgumentException(
            "cosine schedule needs warmupIterations ≥ 0 and minFactor in [0, 1], got " + warmupIterations + " and "
                + minFactor);
      }
    }

    @Override
    public double rate(double baseRate, long t, long totalIterations) {
      if (t < warmupIterations) {
        return baseRate * (t + 1) / warmupIterations;
      }
      long span = Math.max(1, totalIterations - warmupIterations);
      double progress = Math.min(1, (double) (t - warmupIterations) / span);
      return baseRate * (minFactor + (1 - minFactor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
  }

  /**
   * Parses the CLI form: {@code constant}, {@code step:ITERATIONS:GAMMA}, {@code poly[:POWER]},
   * {@code cosine[:WARMUP[:MIN_FACTOR]]}.
   */
  public static LearningRateSchedule parse(String text) {
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split(":");
    try {
      switch (parts[0]) {
        case "constant":
          return new Constant();
        case "step":
          return new Step(Long.parseLong(parts[1]), Double.parseDouble(parts[2]));
        case "poly":
          return new Poly(parts.length > 1 ? Double.parseDouble(parts[1]) : 0.9);
        case "cosine":
          return new Cosine(
              parts.length > 1 ? Long.parseLong(parts[1]) : 0, parts.length > 2 ? Double.parseDouble(parts[2]) : 0);
        default:
          break;
      }
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "cannot read schedule '" + text + "'; use constant, step:ITERATIONS:GAMMA (e.g. step:1000:0.5), poly[:POWER]"
            + " or cosine[:WARMUP_ITERATIONS[:MIN_FACTOR]]");
  }
}
