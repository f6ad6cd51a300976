package org.unet4j.bundle;

import java.io.IOException;

/**
 * A bundle folder exists but its content cannot be used: unsupported format version, malformed {@code unet.json},
 * geometry that disagrees with the config, or parameters that do not fit the architecture. The message names the
 * file, what differs and how to fix it.
 */
public final class BundleFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what is wrong and how to fix it. */
  public BundleFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public BundleFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
