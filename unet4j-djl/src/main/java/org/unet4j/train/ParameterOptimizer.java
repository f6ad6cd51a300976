package org.unet4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies an {@link OptimizerSpec} to the trainable parameters of a block, owning the optimiser state (momentum
 * buffers, Adam moments, step count) so that it can be saved and restored; DJL's own optimisers keep it hidden.
 *
 * <p>Call {@link #step(double)} after {@code backward}; it updates every parameter in place and zeroes its
 * gradient (torch accumulates gradients otherwise). It must run with autograd off, i.e. outside the gradient
 * collector.
 */
public final class ParameterOptimizer {

  private final OptimizerSpec spec;
  private final PairList<String, Parameter> parameters;
  private final NDManager stateManager;
  private final Map<String, NDArray[]> state = new LinkedHashMap<>();
  private long stepCount;

  /**
   * Creates the optimiser; state arrays are allocated in {@code stateManager} on the first step.
   *
   * @param spec the update rule
   * @param parameters the block's parameters ({@code block.getParameters()})
   * @param stateManager a manager that lives as long as the training run
   */
  public ParameterOptimizer(OptimizerSpec spec, PairList<String, Parameter> parameters, NDManager stateManager) {
    this.spec = spec;
    this.parameters = parameters;
    this.stateManager = stateManager;
  }

  /** The number of steps taken so far. */
  public long stepCount() {
    return stepCount;
  }

  /**
   * Updates every trainable parameter from its gradient and zeroes the gradient.
   *
   * @param learningRate the learning rate for this step (the schedule's value)
   */
  public void step(double learningRate) {
    stepCount++;
    for (Pair<String, Parameter> entry : parameters) {
      NDArray weight = entry.getValue().getArray();
      if (!weight.hasGradient()) {
        continue;
      }
      NDArray[] buffers = state.computeIfAbsent(entry.getKey(), k -> newState(weight));
      try (NDScope scope = new NDScope()) {
        NDArray gradient = weight.getGradient();
        update(weight, gradient, buffers, learningRate);
        gradient.subi(gradient);
      }
    }
  }

  private NDArray[] newState(NDArray weight) {
    int count = spec instanceof OptimizerSpec.Adam ? 2 : 1;
    NDArray[] buffers = new NDArray[count];
    for (int i = 0; i < count; i++) {
      buffers[i] = stateManager.zeros(weight.getShape(), weight.getDataType());
    }
    return buffers;
  }

  private void update(NDArray weight, NDArray gradient, NDArray[] buffers, double learningRate) {
    if (spec instanceof OptimizerSpec.Sgd sgd) {
      NDArray g = sgd.weightDecay() > 0 ? gradient.add(weight.mul(sgd.weightDecay())) : gradient;
      NDArray momentumBuffer = buffers[0];
      if (stepCount == 1) {
        momentumBuffer.addi(g); // torch starts the buffer at the first gradient, not at (1 − μ)·g
      } else {
        momentumBuffer.muli(sgd.momentum()).addi(g);
      }
      NDArray direction = sgd.nesterov() ? g.add(momentumBuffer.mul(sgd.momentum())) : momentumBuffer;
      weight.subi(direction.mul(learningRate));
    } else if (spec instanceof OptimizerSpec.Adam adam) {
      NDArray g = gradient;
      if (adam.weightDecay() > 0) {
        if (adam.decoupledWeightDecay()) {
          weight.subi(weight.mul(learningRate * adam.weightDecay()));
        } else {
          g = gradient.add(weight.mul(adam.weightDecay()));
        }
      }
      NDArray m = buffers[0];
      NDArray v = buffers[1];
      m.muli(adam.beta1()).addi(g.mul(1 - adam.beta1()));
      v.muli(adam.beta2()).addi(g.square().mul(1 - adam.beta2()));
      double bias1 = 1 - Math.pow(adam.beta1(), stepCount);
      double bias2 = 1 - Math.pow(adam.beta2(), stepCount);
      NDArray denominator = v.sqrt().div(Math.sqrt(bias2)).add(adam.epsilon());
      weight.subi(m.div(denominator).mul(learningRate / bias1));
    }
  }
}
