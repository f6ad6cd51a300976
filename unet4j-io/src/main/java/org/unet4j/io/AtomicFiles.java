package org.unet4j.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling and a rename, so that readers never see a half-written file and a failed
 * write leaves the previous content (or nothing) in place.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Fills a temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /**
   * Creates a temporary file next to {@code target} (creating missing parent directories), fills it with
   * {@code content} and renames it to {@code target}; on any failure the temporary file is deleted.
   */
  public static void write(Path target, Content content) throws IOException {
    Path temporary = createTemporarySibling(target);
    boolean committed = false;
    try {
      content.writeTo(temporary);
      commit(temporary, target);
      committed = true;
    } finally {
      if (!committed) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** An empty temporary file in {@code target}'s directory. */
  static Path createTemporarySibling(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
  }

  /** Renames {@code temporary} to {@code target}: atomically where the file system can, else replacing. */
  static void commit(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
