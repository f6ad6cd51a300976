package org.unet4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file could not be read or written: unreadable, truncated, no decoder for its format, or a sample format
 * this library does not handle. The message always names the file and, when there is one, the decoder's own cause.
 */
public class ImageFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** A problem with {@code file}, described by {@code message} (which should already name the file). */
  public ImageFormatException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** A problem with {@code file} caused by {@code cause}. */
  public ImageFormatException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file concerned (may be null when the image was not a file). */
  public Path file() {
    return file;
  }
}
