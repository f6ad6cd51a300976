package org.unet4j.io.dataset;

import java.io.IOException;

/**
 * A training-data folder or file pair cannot be used: no pairs found, ambiguous or missing files, image/mask size or
 * page-count mismatch, or mask values that do not fit the chosen {@link MaskMode}. The message names the files and
 * says what was expected.
 */
public class DatasetException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A problem described by {@code message}. */
  public DatasetException(String message) {
    super(message);
  }

  /** A problem described by {@code message}, caused by {@code cause}. */
  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
