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

  /**
   * An empty temporary file in {@code target}'s directory. Unlike {@code Files.createTempFile} (always
   * {@code rw-------}) it gets the permissions of any new file (the umask), so the renamed result is readable as
   * users expect.
   */
  static Path createTemporarySibling(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    while (true) {
      Path candidate = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
          + ".part");
      try {
        return Files.createFile(candidate);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another writer picked the same name: draw again
      }
    }
  }

  /**
   * An empty temporary directory next to {@code target} with the permissions of any new directory (see
   * {@link #createTemporarySibling}).
   */
  public static Path createTemporaryDirectorySibling(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    while (true) {
      Path candidate = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36));
      try {
        return Files.createDirectory(candidate);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another writer picked the same name: draw again
      }
    }
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** Renames {@code temporary} to {@code target}: atomically where the file system can, else replacing. */
  static void commit(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
