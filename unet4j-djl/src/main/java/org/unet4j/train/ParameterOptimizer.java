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
    NDArray[] buffers = newStateSlots();
    for (int i = 0; i < buffers.length; i++) {
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
