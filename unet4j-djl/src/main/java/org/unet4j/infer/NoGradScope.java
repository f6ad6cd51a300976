package org.unet4j.infer;

import ai.djl.engine.Engine;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Turns autograd recording off on the current thread for the duration of an inference call and restores it after.
 *
 * <p>Why: PyTorch's grad mode is per thread and on by default, and only the thread that loaded the engine starts
 * with it off; a forward pass on any other thread (a server's request thread, a Spark task) would record a graph.
 * DJL's engine-neutral API has no switch for it, so the PyTorch one ({@code JniUtils.setGradMode}) is called
 * reflectively when PyTorch is the engine; other engines record only inside a {@code GradientCollector}.
 */
final class NoGradScope implements AutoCloseable {
  private static final String PYTORCH = "PyTorch";
  private static volatile MethodHandle[] gradMode; // {isGradMode, setGradMode}, or empty if unavailable

  private final MethodHandle setGradMode;

  private NoGradScope(MethodHandle setGradMode) {
    this.setGradMode = setGradMode;
  }

  /** Disables recording on this thread if it was on; {@link #close()} turns it back on. */
  static NoGradScope enter() {
    MethodHandle[] handles = handles();
    if (handles.length == 0) {
      return new NoGradScope(null);
    }
    try {
      if (!(boolean) handles[0].invokeExact()) {
        return new NoGradScope(null);
      }
      handles[1].invokeExact(false);
      return new NoGradScope(handles[1]);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot switch PyTorch grad mode off for inference", e);
    }
  }

  @Override
  public void close() {
    if (setGradMode != null) {
      try {
        setGradMode.invokeExact(true);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot restore PyTorch grad mode after inference", e);
      }
    }
  }

  private static MethodHandle[] handles() {
    MethodHandle[] h = gradMode;
    if (h == null) {
      h = new MethodHandle[0];
      if (PYTORCH.equals(Engine.getInstance().getEngineName())) {
        try {
          Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
          MethodHandles.Lookup lookup = MethodHandles.publicLookup();
          h = new MethodHandle[] {
            lookup.findStatic(jni, "isGradMode", MethodType.methodType(boolean.class)),
            lookup.findStatic(jni, "setGradMode", MethodType.methodType(void.class, boolean.class))};
        } catch (ReflectiveOperationException | LinkageError e) {
          h = new MethodHandle[0]; // an engine build without the switch: nothing to turn off
        }
      }
      gradMode = h;
    }
    return h;
  }
}
