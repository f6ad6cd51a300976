package org.unet4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final Map<Double, NDArray> constants = new HashMap<>();
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

  /**
   * Writes the optimiser state (every buffer, named {@code parameter#k}, plus the step count) to {@code file}. DJL
   * does not save optimiser state; exact resumption needs it.
   */
  public void saveState(Path file) throws IOException {
    try (NDManager scratch = stateManager.newSubManager()) {
      NDList list = new NDList();
      NDArray steps = scratch.create(new long[] {stepCount});
      steps.setName("#stepCount");
      list.add(steps);
      for (Map.Entry<String, NDArray[]> entry : state.entrySet()) {
        for (int k = 0; k < entry.getValue().length; k++) {
          NDArray buffer = entry.getValue()[k];
          buffer.setName(entry.getKey() + "#" + k);
          list.add(buffer);
        }
      }
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
        list.encode(out);
      }
    }
  }

  /**
   * Restores state written by {@link #saveState}: buffers are matched to parameters by name and shape.
   *
   * @throws IOException if the file does not fit this optimiser's parameters (names the first mismatch)
   */
  public void loadState(Path file) throws IOException {
    NDList list;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      list = NDList.decode(stateManager, in);
    }
    Map<String, NDArray[]> restored = new LinkedHashMap<>();
    long steps = -1;
    for (NDArray array : list) {
      String name = array.getName();
      if ("#stepCount".equals(name)) {
        steps = array.toLongArray()[0];
        array.close();
        continue;
      }
      int hash = name == null ? -1 : name.lastIndexOf('#');
      if (hash < 0) {
        throw new IOException("optimiser state " + file + " has an unnamed buffer; it was not written by unet4j");
      }
      String parameter = name.substring(0, hash);
      int index = Integer.parseInt(name.substring(hash + 1));
      Parameter target = parameters.get(parameter);
      if (target == null || !target.getArray().getShape().equals(array.getShape())) {
        throw new IOException(
            "optimiser state " + file + " has buffer " + name + " of shape " + array.getShape()
                + " that fits no parameter of this network; resume with the architecture the run was started with");
      }
      restored.computeIfAbsent(parameter, k -> newStateSlots())[index] = array;
    }
    if (steps < 0) {
      throw new IOException("optimiser state " + file + " has no step count; it was not written by unet4j");
    }
    state.clear();
    state.putAll(restored);
    stepCount = steps;
  }

  private NDArray[] newStateSlots() {
    return new NDArray[spec instanceof OptimizerSpec.Adam ? 2 : 1];
  }

  /** The number of steps taken so far. */
  public long stepCount() {
    return stepCount;
  }

  /**
   * Updates every trainable parameter from its gradient and zeroes the gradient.
   *
   * <p>Per parameter this dispatches only the update's own arithmetic: the fixed hyper-parameters are 0-d arrays
   * made once ({@link #constant}) and the step's learning-rate terms once per step. (An op with a Java number, e.g.
   * {@code muli(0.99)}, creates, converts and frees a float64 scalar array on each call: that was 60 % of this
   * method's time on a small net.)
   *
   * @param learningRate the learning rate for this step (the schedule's value)
   */
  public void step(double learningRate) {
    stepCount++;
    List<NDArray> weights = new ArrayList<>(parameters.size());
    List<NDArray[]> buffers = new ArrayList<>(parameters.size());
    for (Pair<String, Parameter> entry : parameters) {
      NDArray weight = entry.getValue().getArray();
      if (weight.hasGradient()) {
        weights.add(weight);
        buffers.add(state.computeIfAbsent(entry.getKey(), k -> newState(weight)));
      }
    }
    try (NDScope stepScope = new NDScope()) {
      StepScalars scalars = new StepScalars(learningRate);
      for (int i = 0; i < weights.size(); i++) {
        // A scope per parameter frees its temporaries at once: peak memory stays one parameter's (Adam makes
        // about eight temporaries the size of the parameter).
        try (NDScope parameterScope = new NDScope()) {
          NDArray weight = weights.get(i);
          NDArray gradient = weight.getGradient();
          update(weight, gradient, buffers.get(i), scalars);
          gradient.subi(gradient);
        }
      }
    }
  }

  private NDArray[] newState(NDArray weight) {
    NDArray[] buffers = newStateSlots();
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = stateManager.zeros(weight.getShape(), weight.getDataType());
      NDScope.unregister(buffers[i]); // persistent even if the caller has a scope open
    }
    return buffers;
  }

  /**
   * A fixed hyper-parameter as a 0-d float32 array in the state manager, made on first use and kept for the run.
   * Float32 gives the same products as the double scalar it replaces: torch rounds a 0-d operand to the float
   * tensor's type before the arithmetic.
   */
  private NDArray constant(double value) {
    return constants.computeIfAbsent(
        value,
        v -> {
          NDArray scalar = stateManager.create(v.floatValue());
          NDScope.unregister(scalar);
          return scalar;
        });
  }

  /** The learning-rate terms of one step as 0-d arrays, freed with the step's scope. */
  private final class StepScalars {
    final NDArray rate;
    final NDArray adamRate; // η / (1 − β1ᵗ)
    final NDArray adamSqrtBias2; // √(1 − β2ᵗ)
    final NDArray adamDecay; // η·λ (AdamW)

    StepScalars(double learningRate) {
      if (spec instanceof OptimizerSpec.Adam adam) {
        rate = null;
        adamRate = stateManager.create((float) (learningRate / (1 - Math.pow(adam.beta1(), stepCount))));
        adamSqrtBias2 = stateManager.create((float) Math.sqrt(1 - Math.pow(adam.beta2(), stepCount)));
        adamDecay =
            adam.decoupledWeightDecay() && adam.weightDecay() > 0
                ? stateManager.create((float) (learningRate * adam.weightDecay()))
                : null;
      } else {
        rate = stateManager.create((float) learningRate);
        adamRate = null;
        adamSqrtBias2 = null;
        adamDecay = null;
      }
    }
  }

  private void update(NDArray weight, NDArray gradient, NDArray[] buffers, StepScalars scalars) {
    if (spec instanceof OptimizerSpec.Sgd sgd) {
      NDArray g = sgd.weightDecay() > 0 ? gradient.add(weight.mul(constant(sgd.weightDecay()))) : gradient;
      NDArray momentumBuffer = buffers[0];
      if (stepCount == 1) {
        momentumBuffer.addi(g); // torch starts the buffer at the first gradient, not at (1 − μ)·g
      } else {
        momentumBuffer.muli(constant(sgd.momentum())).addi(g);
      }
      NDArray direction =
          sgd.nesterov() ? g.add(momentumBuffer.mul(constant(sgd.momentum()))) : momentumBuffer;
      weight.subi(direction.mul(scalars.rate));
    } else if (spec instanceof OptimizerSpec.Adam adam) {
      NDArray g = gradient;
      if (adam.weightDecay() > 0) {
        if (adam.decoupledWeightDecay()) {
          weight.subi(weight.mul(scalars.adamDecay));
        } else {
          g = gradient.add(weight.mul(constant(adam.weightDecay())));
        }
      }
      NDArray m = buffers[0];
      NDArray v = buffers[1];
      m.muli(constant(adam.beta1())).addi(g.mul(constant(1 - adam.beta1())));
      v.muli(constant(adam.beta2())).addi(g.square().mul(constant(1 - adam.beta2())));
      NDArray denominator = v.sqrt().div(scalars.adamSqrtBias2).add(constant(adam.epsilon()));
      weight.subi(m.div(denominator).mul(scalars.adamRate));
    }
  }
}
