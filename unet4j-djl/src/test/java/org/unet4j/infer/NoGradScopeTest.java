package org.unet4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoGradScopeTest {

  @Test
  void gradModeIsOffInsideTheScopeOnAFreshThreadAndRestoredAfter() throws InterruptedException {
    Engine.getInstance(); // load the engine on this thread, as an application would
    List<Boolean> modes = new ArrayList<>();
    Thread worker = new Thread(() -> {
      modes.add(JniUtils.isGradMode()); // PyTorch's default on a new thread: recording
      try (NoGradScope scope = NoGradScope.enter()) {
        modes.add(JniUtils.isGradMode());
      }
      modes.add(JniUtils.isGradMode());
    });
    worker.start();
    worker.join();
    assertThat(modes).containsExactly(true, false, true);
  }

  @Test
  void aThreadWithGradModeOffKeepsItOff() {
    JniUtils.setGradMode(false);
    try (NoGradScope scope = NoGradScope.enter()) {
      assertThat(JniUtils.isGradMode()).isFalse();
    }
    assertThat(JniUtils.isGradMode()).isFalse();
  }
}
