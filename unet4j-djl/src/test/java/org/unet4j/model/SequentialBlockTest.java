package org.unet4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our early-freeing {@link SequentialBlock} against DJL's. */
class SequentialBlockTest {
  private static final Shape INPUT = new Shape(1, 2, 8, 8);

  @Test
  void freesEachIntermediateOnceConsumedAndComputesWhatDjlsBlockComputes() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<NDArray> seen = new ArrayList<>();
      SequentialBlock ours = chain(new SequentialBlock(), seen);
      ai.djl.nn.SequentialBlock djl = chain(new ai.djl.nn.SequentialBlock(), new ArrayList<>());
      ours.initialize(manager, DataType.FLOAT32, INPUT);
      djl.initialize(manager, DataType.FLOAT32, INPUT);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      djl.saveParameters(new DataOutputStream(bytes));
      ours.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertThat(ours.getParameters().keys()).containsExactlyElementsOf(djl.getParameters().keys());

      try (NDManager pass = manager.newSubManager()) {
        NDArray x = pass.randomUniform(-1, 1, INPUT);
        NDArray expected = djl.forward(new ParameterStore(pass, false), new NDList(x), false).singletonOrThrow();
        seen.clear();
        NDArray actual = ours.forward(new ParameterStore(pass, false), new NDList(x), false).singletonOrThrow();

        assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray());
        assertThat(seen).hasSize(3); // what the three probes received: the input, then the two conv outputs
        assertThat(seen.get(0).isReleased()).as("the chain's own input stays the caller's").isFalse();
        assertThat(seen.get(1).isReleased()).as("first conv's output, consumed").isTrue();
        assertThat(seen.get(2).isReleased()).as("second conv's output, consumed").isTrue();
        assertThat(actual.isReleased()).as("the chain's output").isFalse();
        assertThat(x.isReleased()).isFalse();

      }

      // training: the same loss gradients, bit for bit, though the intermediates are freed during the forward
      float[][] expected = gradients(djl, manager, new ArrayList<>(), new ArrayList<>());
      seen.clear();
      List<Boolean> released = new ArrayList<>();
      float[][] actual = gradients(ours, manager, seen, released);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("gradient of parameter %d", i).containsExactly(expected[i]);
      }
      assertThat(released).as("input kept, conv outputs freed during the step").containsExactly(false, true, true);
    }
  }

  @Test
  void anArrayPassedOnUnchangedIsNotClosed() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock chain = new SequentialBlock();
      chain.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().add(1))));
      chain.add(new LambdaBlock(list -> list)); // hands its input on as it is
      chain.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().mul(2))));
      chain.initialize(manager, DataType.FLOAT32, new Shape(2));
      NDArray out =
          chain.forward(new ParameterStore(manager, false), new NDList(manager.create(new float[] {1, 2})), false)
              .singletonOrThrow();
      assertThat(out.toFloatArray()).containsExactly(4, 6);
    }
  }

  /** The parameter gradients of {@code sum(chain(x) · x-shaped weights)} for a fixed input. */
  private static float[][] gradients(
      ai.djl.nn.SequentialBlock chain, NDManager manager, List<NDArray> seen, List<Boolean> released) {
    for (var parameter : chain.getParameters().values()) {
      if (!parameter.getArray().hasGradient()) {
        parameter.getArray().setRequiresGradient(true);
      }
    }
    try (NDManager step = manager.newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray x = step.arange(INPUT.size()).toType(DataType.FLOAT32, false).div(INPUT.size()).reshape(INPUT);
      NDArray y = chain.forward(new ParameterStore(step, false), new NDList(x), true).singletonOrThrow();
      collector.backward(y.mul(step.linspace(-1, 1, (int) y.size()).reshape(y.getShape())).sum());
      seen.forEach(array -> released.add(array.isReleased())); // before the step's manager closes them all
      var params = chain.getParameters().values();
      float[][] grads = new float[params.size()][];
      for (int i = 0; i < grads.length; i++) {
        grads[i] = params.get(i).getArray().getGradient().toFloatArray();
      }
      return grads;
    }
  }

  /** probe → conv → probe → conv → probe; each probe records the array it is given and passes on a copy. */
  private static <T extends ai.djl.nn.SequentialBlock> T chain(T chain, List<NDArray> seen) {
    chain.add(probe(seen));
    chain.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(3).build());
    chain.add(probe(seen));
    chain.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(2).build());
    chain.add(probe(seen));
    return chain;
  }

  private static Block probe(List<NDArray> seen) {
    return new LambdaBlock(list -> {
      seen.add(list.singletonOrThrow());
      return new NDList(list.singletonOrThrow().mul(1));
    });
  }
}
