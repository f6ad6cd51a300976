package org.unet4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loss values on examples small enough to compute by hand (the arithmetic is written out in double precision),
 * including per-pixel weights and the ignore label (weight 0).
 */
class LossValuesTest {

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** 1 image, 2 classes, 1×3 pixels: logits (B, K, H, W) laid out class-major. */
  private NDArray logits(float[] class0, float[] class1) {
    float[] data = new float[class0.length + class1.length];
    System.arraycopy(class0, 0, data, 0, class0.length);
    System.arraycopy(class1, 0, data, class0.length, class1.length);
    return manager.create(data, new Shape(1, 2, 1, class0.length));
  }

  private NDArray labels(long... values) {
    return manager.create(values, new Shape(1, 1, 1, values.length));
  }

  private NDArray weights(float... values) {
    return manager.create(values, new Shape(1, 1, 1, values.length));
  }

  @Test
  void weightedCrossEntropyIsTheWeightedMeanOfMinusLogP() {
    // pixel 0: logits (0, ln 3) → p1 = 3/4, label 1, weight 2
    // pixel 1: logits (1, 1)    → p0 = 1/2, label 0, weight 1
    // pixel 2: logits (5, −5), label 1, weight 0 (ignored, although it is badly wrong)
    NDArray a = logits(new float[] {0, 1, 5}, new float[] {(float) Math.log(3), 1, -5});
    double expected = (2 * -Math.log(0.75) + 1 * -Math.log(0.5)) / 3;
    float loss = new WeightedSoftmaxCrossEntropy().compute(a, labels(1, 0, 1), weights(2, 1, 0)).getFloat();
    assertThat((double) loss).isCloseTo(expected, within(1e-6)); // 0.4228372
  }

  @Test
  void weightedCrossEntropyWithUnitWeightsIsPlainMeanCrossEntropy() {
    NDArray a = logits(new float[] {2, -1}, new float[] {0, 3});
    // p(label) = softmax: pixel 0 label 0: e^2/(e^2+1); pixel 1 label 1: e^3/(e^-1+e^3)
    double p0 = Math.exp(2) / (Math.exp(2) + 1);
    double p1 = Math.exp(3) / (Math.exp(-1) + Math.exp(3));
    double expected = -(Math.log(p0) + Math.log(p1)) / 2;
    float loss = new WeightedSoftmaxCrossEntropy().compute(a, labels(0, 1), weights(1, 1)).getFloat();
    assertThat((double) loss).isCloseTo(expected, within(1e-6));
  }

  @Test
  void allIgnoredBatchHasZeroLoss() {
    NDArray a = logits(new float[] {2, -1}, new float[] {0, 3});
    float loss = new WeightedSoftmaxCrossEntropy().compute(a, labels(1, 0), weights(0, 0)).getFloat();
    assertThat(loss).isEqualTo(0f);
  }

  @Test
  void weightedCrossEntropyGradientIsWeightTimesPMinusOneHotOverWeightSum() {
    float[] c0 = {0, 1, 5};
    float[] c1 = {(float) Math.log(3), 1, -5};
    float[] w = {2, 1, 0};
    long[] y = {1, 0, 1};
    NDArray a = logits(c0, c1);
    a.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(new WeightedSoftmaxCrossEntropy().compute(a, labels(y), weights(w)));
    }
    float[] gradient = a.getGradient().toFloatArray();
    double weightSum = 3;
    for (int x = 0; x < 3; x++) {
      double p1 = 1 / (1 + Math.exp(c0[x] - c1[x]));
      double[] p = {1 - p1, p1};
      for (int k = 0; k < 2; k++) {
        double expected = w[x] * (p[k] - (y[x] == k ? 1 : 0)) / weightSum;
        assertThat((double) gradient[k * 3 + x]).as("dE/da_%d(x=%d)", k, x).isCloseTo(expected, within(1e-6));
      }
    }
    // The ignored pixel gets exactly no gradient, not merely a small one.
    assertThat(gradient[2]).isEqualTo(0f);
    assertThat(gradient[5]).isEqualTo(0f);
  }

  @Test
  void binaryCrossEntropyWithLogitsIsWeightedAndOverflowFree() {
    NDArray z = manager.create(new float[] {2, -1, 0, 1000}, new Shape(1, 1, 1, 4));
    NDArray y = labels(1, 1, 0, 0);
    NDArray w = weights(1, 1, 2, 0);
    // ℓ(z, y) = log(1 + e^−z) for y = 1, log(1 + e^z) for y = 0; the z = 1000 pixel is ignored but must not be NaN.
    double expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1)) + 2 * Math.log(2)) / 4;
    float loss = new BinaryCrossEntropyWithLogits().compute(z, y, w).getFloat();
    assertThat((double) loss).isCloseTo(expected, within(1e-6)); // 0.7066213
  }

  @Test
  void binaryCrossEntropyRejectsMultiChannelLogits() {
    NDArray a = logits(new float[] {0}, new float[] {1});
    assertThatThrownBy(() -> new BinaryCrossEntropyWithLogits().compute(a, labels(1), weights(1)))
        .hasMessageContaining("--classes 1");
  }

  @Test
  void softDiceScoresForegroundOverNonIgnoredPixels() {
    // p1 per pixel = sigmoid(c1 − c0): pixel 0 → 3/4, pixel 1 → 1/2, pixel 2 → 1/(1+e^10) (ignored), pixel 3 → 1/4
    float[] c0 = {0, 1, 5, (float) Math.log(3)};
    float[] c1 = {(float) Math.log(3), 1, -5, 0};
    long[] y = {1, 0, 1, 1};
    float[] w = {1, 7, 0, 1}; // non-zero weights only select pixels; their size does not scale Dice
    NDArray a = logits(c0, c1);
    double intersection = 0.75 * 1 + 0.25 * 1;
    double sumP = 0.75 + 0.5 + 0.25;
    double sumY = 2;
    double s = 1e-5;
    double expected = 1 - (2 * intersection + s) / (sumP + sumY + s);
    float loss = new SoftDiceLoss().compute(a, labels(y), weights(w)).getFloat();
    assertThat((double) loss).isCloseTo(expected, within(1e-6)); // 1 − 2/3.5 = 0.428571
  }

  @Test
  void combinedLossIsTheSum() {
    NDArray a = logits(new float[] {0, 1, 2}, new float[] {1, 0, -1});
    NDArray y = labels(1, 0, 1);
    NDArray w = weights(1, 2, 1);
    float ce = new WeightedSoftmaxCrossEntropy().compute(a, y, w).getFloat();
    float dice = new SoftDiceLoss().compute(a, y, w).getFloat();
    float both = LossKind.CE_DICE.create().compute(a, y, w).getFloat();
    assertThat(both).isCloseTo(ce + dice, within(1e-6f));
  }

  @Test
  void lossNamesParseBothSpellings() {
    assertThat(LossKind.parse("weighted-ce")).isEqualTo(LossKind.WEIGHTED_CE);
    assertThat(LossKind.parse("CE_DICE")).isEqualTo(LossKind.CE_DICE);
    assertThatThrownBy(() -> LossKind.parse("focal")).hasMessageContaining("use weighted-ce, dice, ce-dice or bce");
  }
}
