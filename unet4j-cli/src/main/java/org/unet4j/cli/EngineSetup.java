package org.unet4j.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Process-wide DJL settings that must be made before the engine loads.
 *
 * <p>Offline mode: the PyTorch natives come from the Maven artifact on the class path, so DJL must never try to
 * download them. GPU users point DJL at CUDA natives with {@code PYTORCH_FLAVOR} / {@code PYTORCH_LIBRARY_PATH}
 * (see README); nothing here pins the CPU.
 */
final class EngineSetup {
  private EngineSetup() {}

  /** Sets DJL offline unless the user chose otherwise with {@code -Dai.djl.offline=false}. */
  static void configureOffline() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
  }

  /**
   * The device for {@code --device}: {@code auto} takes a GPU when the engine sees one, {@code cpu} forces the CPU,
   * {@code gpu} requires one.
   */
  static Device device(String choice) {
    Engine engine = Engine.getInstance();
    switch (choice) {
      case "cpu":
        return Device.cpu();
      case "gpu":
        if (engine.getGpuCount() == 0) {
          throw new IllegalArgumentException(
              "--device gpu was requested but DJL sees no GPU; install CUDA natives (see README: PYTORCH_FLAVOR)"
                  + " or use --device cpu");
        }
        return Device.gpu();
      case "auto":
        return engine.defaultDevice();
      default:
        throw new IllegalArgumentException("--device is '" + choice + "'; use auto, cpu or gpu");
    }
  }
}
