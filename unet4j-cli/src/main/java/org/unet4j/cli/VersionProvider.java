package org.unet4j.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the unet4j version and the engine versions it was built against. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = UNetCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "unet4j " + (version == null ? "dev" : version), "DJL 0.36.0, PyTorch 2.7.1", "Java " + Runtime.version()
    };
  }
}
