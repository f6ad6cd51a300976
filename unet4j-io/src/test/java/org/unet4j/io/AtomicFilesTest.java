package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writtenFilesGetTheUsualPermissionsNotThoseOfATemporaryFile() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path file = dir.resolve("sub/out.bin");
    AtomicFiles.write(file, temporary -> Files.write(temporary, new byte[] {1, 2, 3}));
    Path plain = Files.createFile(dir.resolve("plain.bin")); // 0666 less the umask
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
  }

  @Test
  void failedContentLeavesNeitherTargetNorTemporaryFile() throws IOException {
    Path file = dir.resolve("out.bin");
    assertThatThrownBy(() -> AtomicFiles.write(file, temporary -> {
      Files.write(temporary, new byte[] {9});
      throw new IOException("disk full");
    })).hasMessage("disk full");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
