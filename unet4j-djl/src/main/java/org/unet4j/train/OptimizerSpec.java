package org.unet4j.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The optimiser and its hyper-parameters, as plain data (JSON-friendly).
 *
 * <p>Update rules follow PyTorch's {@code torch.optim} exactly (not DJL's MXNet-style SGD, where the learning rate
 * sits inside the momentum buffer).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OptimizerSpec.Sgd.class, name = "sgd"),
  @JsonSubTypes.Type(value = OptimizerSpec.Adam.class, name = "adam")
})
public sealed interface OptimizerSpec {

  /** The base learning rate (before any schedule). */
  double learningRate();

  /** A copy with another base learning rate. */
  OptimizerSpec withLearningRate(double rate);

  /**
   * Stochastic gradient descent with momentum: {@code g ← g + λ·w; b ← μ·b + g; w ← w − η·(nesterov ? g + μ·b : b)}.
   *
   * @param learningRate η
   * @param momentum μ (paper: 0.99)
   * @param nesterov Nesterov momentum
   * @param weightDecay λ (coupled L2)
   */
  record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) implements OptimizerSpec {
    /** Checks the ranges. */
    public Sgd {
      OptimizerChecks.positive("learning rate", learningRate);
      OptimizerChecks.inUnitInterval("momentum", momentum);
      OptimizerChecks.nonNegative("weight decay", weightDecay);
    }

    @Override
    public OptimizerSpec withLearningRate(double rate) {
      return new Sgd(rate, momentum, nesterov, weightDecay);
    }
  }

  /**
   * Adam (Kingma &amp; Ba 2015) with bias correction; with {@code decoupledWeightDecay} it is AdamW (Loshchilov &amp;
   * Hutter 2019), otherwise weight decay is added to the gradient as in {@code torch.optim.Adam}.
   *
   * @param learningRate η
   * @param beta1 first-moment decay
   * @param beta2 second-moment decay
   * @param epsilon added to √v̂
   * @param weightDecay λ
   * @param decoupledWeightDecay AdamW-style decay {@code w ← w − η·λ·w}
   */
  record Adam(
      double learningRate, double beta1, double beta2, double epsilon, double weightDecay, boolean decoupledWeightDecay)
      implements OptimizerSpec {
    /** Checks the ranges. */
    public Adam {
      OptimizerChecks.positive("learning rate", learningRate);
      OptimizerChecks.inUnitInterval("beta1", beta1);
      OptimizerChecks.inUnitInterval("beta2", beta2);
      OptimizerChecks.positive("epsilon", epsilon);
      OptimizerChecks.nonNegative("weight decay", weightDecay);
    }

    /** Adam with PyTorch's defaults (β = 0.9, 0.999; ε = 1e-8) and no weight decay. */
    public static Adam of(double learningRate) {
      return new Adam(learningRate, 0.9, 0.999, 1e-8, 0, false);
    }

    @Override
    public OptimizerSpec withLearningRate(double rate) {
      return new Adam(rate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay);
    }
  }
}
