package org.unet4j.core.synthetic;

import java.util.SplittableRandom;

/**
 * One star-convex cell outline: an ellipse (semi-axes {@code a ≥ b}, long axis at {@code angleRad}) in whose
 * normalised frame the radius is modulated by Fourier harmonics of orders 2–6. The outline is the set where
 * {@link #depth} equals 1.
 *
 * <p>In the ellipse frame a point is {@code q = (u/a, v/b)} with polar angle ψ; its depth is
 * {@code |q| / (1 + Σ_k (c_k·cos kψ − s_k·sin kψ))}, which is 0 at the centre, grows linearly along every ray and is 1
 * on the outline, so "depth < 1" is the inside and comparing depths tells which of two overlapping cells a pixel lies
 * more deeply inside.
 */
final class CellShape {
  static final int LOWEST_HARMONIC = 2;
  static final int HIGHEST_HARMONIC = 6;
  private static final int EXTENT_SAMPLES = 72;

  final double centreY;
  final double centreX;
  final double radiusPx;
  private final double cos;
  private final double sin;
  private final double inverseA;
  private final double inverseB;
  // c_k = amplitude·cos(phase), s_k = amplitude·sin(phase), index k − LOWEST_HARMONIC
  private final double[] harmonicCos;
  private final double[] harmonicSin;
  private final double maxExtentPx;
  // Σ_k amplitude_k: the radius factor lies in [1 − Σ, 1 + Σ]
  private final double harmonicSum;

  private CellShape(double centreY, double centreX, double radiusPx, double cos, double sin, double inverseA,
      double inverseB, double[] harmonicCos, double[] harmonicSin, double harmonicSum, double maxExtentPx) {
    this.centreY = centreY;
    this.centreX = centreX;
    this.radiusPx = radiusPx;
    this.cos = cos;
    this.sin = sin;
    this.inverseA = inverseA;
    this.inverseB = inverseB;
    this.harmonicCos = harmonicCos;
    this.harmonicSin = harmonicSin;
    this.harmonicSum = harmonicSum;
    this.maxExtentPx = maxExtentPx;
  }

  private static CellShape create(double radiusPx, double aspectRatio, double angleRad, double[] harmonicCos,
      double[] harmonicSin) {
    double a = radiusPx * Math.sqrt(aspectRatio);
    double b = radiusPx / Math.sqrt(aspectRatio);
    double sum = 0;
    for (int k = 0; k < harmonicCos.length; k++) {
      sum += Math.sqrt(harmonicCos[k] * harmonicCos[k] + harmonicSin[k] * harmonicSin[k]);
    }
    // The outline's farthest point, sampled at 72 ellipse-frame angles ψ, where the outline point lies at distance
    // ρ(ψ)·√(a²cos²ψ + b²sin²ψ) from the centre. That function's second derivative is below 20·a (ρ'' ≤ Σ k²·amp_k
    // ≤ 12.4 for amplitudes ≤ 0.62/k), so between samples 5° apart it exceeds the sampled maximum by at most
    // ½·20a·(2.5°)² < 0.02·a: 0.03·a plus half a pixel bounds it.
    double step = 2 * Math.PI / EXTENT_SAMPLES;
    double cosStep = Math.cos(step);
    double sinStep = Math.sin(step);
    double c1 = 1;
    double s1 = 0;
    double farthest = 0;
    for (int j = 0; j < EXTENT_SAMPLES; j++) {
      farthest = Math.max(farthest,
          radiusFactor(harmonicCos, harmonicSin, c1, s1) * Math.sqrt(a * a * c1 * c1 + b * b * s1 * s1));
      double next = c1 * cosStep - s1 * sinStep;
      s1 = s1 * cosStep + c1 * sinStep;
      c1 = next;
    }
    return new CellShape(0, 0, radiusPx, Math.cos(angleRad), Math.sin(angleRad), 1 / a, 1 / b, harmonicCos,
        harmonicSin, sum, farthest + 0.03 * a + 0.5);
  }

  /** {@code 1 + Σ_k (c_k·cos kψ − s_k·sin kψ)} from {@code cos ψ, sin ψ}, by the angle-addition recurrence. */
  private static double radiusFactor(double[] harmonicCos, double[] harmonicSin, double c1, double s1) {
    double ck = c1 * c1 - s1 * s1;
    double sk = 2 * s1 * c1;
    double factor = 1;
    for (int k = 0; k < harmonicCos.length; k++) {
      factor += harmonicCos[k] * ck - harmonicSin[k] * sk;
      double next = ck * c1 - sk * s1;
      sk = sk * c1 + ck * s1;
      ck = next;
    }
    return factor;
  }

  /**
   * A random shape of {@code population} centred at the origin (move it with {@link #movedTo}). Draws, in order: the
   * radius, the aspect ratio, the angle, then amplitude and phase of each harmonic.
   */
  static CellShape random(CellPopulation population, SplittableRandom rng) {
    double radius = population.minRadiusPx()
        + rng.nextDouble() * (population.maxRadiusPx() - population.minRadiusPx());
    double aspect = 1 + rng.nextDouble() * (population.maxAspectRatio() - 1);
    double angle = rng.nextDouble() * Math.PI;
    int count = HIGHEST_HARMONIC - LOWEST_HARMONIC + 1;
    double[] c = new double[count];
    double[] s = new double[count];
    // Amplitudes 2·irregularity·U/k / Σ_k(2/k): the sum of all amplitudes never exceeds 2·irregularity ≤ 0.9, so the
    // radius factor stays ≥ 0.1 and the outline star-convex.
    double norm = 0;
    for (int k = LOWEST_HARMONIC; k <= HIGHEST_HARMONIC; k++) {
      norm += 2.0 / k;
    }
    for (int k = LOWEST_HARMONIC; k <= HIGHEST_HARMONIC; k++) {
      double amplitude = 2 * population.irregularity() * rng.nextDouble() * (2.0 / k) / norm;
      double phase = rng.nextDouble() * 2 * Math.PI;
      c[k - LOWEST_HARMONIC] = amplitude * Math.cos(phase);
      s[k - LOWEST_HARMONIC] = amplitude * Math.sin(phase);
    }
    return create(radius, aspect, angle, c, s);
  }

  /** The same outline centred at {@code (y, x)}. */
  CellShape movedTo(double y, double x) {
    return new CellShape(y, x, radiusPx, cos, sin, inverseA, inverseB, harmonicCos, harmonicSin, harmonicSum,
        maxExtentPx);
  }

  /** The same outline scaled about its centre by {@code factor} and centred at {@code (y, x)} (a nucleus). */
  CellShape scaled(double factor, double y, double x) {
    return new CellShape(y, x, radiusPx * factor, cos, sin, inverseA / factor, inverseB / factor, harmonicCos,
        harmonicSin, harmonicSum, maxExtentPx * factor + 0.5);
  }

  /** 0 at the centre, 1 on the outline, proportional to the distance from the centre along every ray. */
  double depth(double y, double x) {
    return depthWithin(y, x, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #depth}, or +∞ without evaluating the harmonics if the point is certainly more than {@code marginPx}
   * outside the outline. Why the test is safe: with {@code b} the short semi-axis and Σ the sum of the harmonic
   * amplitudes, a point at distance {@code d} from the centre has {@code d ≥ b·|q|}, and the outline on its ray lies
   * at most {@code d·(1 + Σ)/|q|} from the centre, so the point is at least {@code b·(|q| − 1 − Σ)} px outside; that
   * exceeds {@code marginPx} once {@code |q| ≥ 1 + Σ + marginPx/b}.
   */
  double depthWithin(double y, double x, double marginPx) {
    double dy = y - centreY;
    double dx = x - centreX;
    double u = (dx * cos + dy * sin) * inverseA;
    double v = (dy * cos - dx * sin) * inverseB;
    double q2 = u * u + v * v;
    if (q2 == 0) {
      return 0;
    }
    double skipQ = 1 + harmonicSum + marginPx * inverseB;
    if (q2 >= skipQ * skipQ) {
      return Double.POSITIVE_INFINITY;
    }
    double inverseQ = 1 / Math.sqrt(q2);
    double factor = radiusFactor(harmonicCos, harmonicSin, u * inverseQ, v * inverseQ);
    return q2 * inverseQ / factor;
  }

  /** Distance (px) from the centre to the outline in direction {@code angleRad} (0 = +x, π/2 = +y). */
  double extentPx(double angleRad) {
    return 1 / depth(centreY + Math.sin(angleRad), centreX + Math.cos(angleRad));
  }

  /** An upper bound of the distance (px) from the centre to any outline point. */
  double maxExtentPx() {
    return maxExtentPx;
  }

  /** Area (px²) inside the outline: {@code π·r²·(1 + ½·Σ amplitude²)}. */
  double areaPx() {
    double sum = 0;
    for (int k = 0; k < harmonicCos.length; k++) {
      sum += harmonicCos[k] * harmonicCos[k] + harmonicSin[k] * harmonicSin[k];
    }
    return Math.PI * radiusPx * radiusPx * (1 + sum / 2);
  }
}
