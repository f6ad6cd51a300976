package org.unet4j.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.unet4j.bundle.ModelBundle;

/** Where the model bundle is, given a bundle folder or a training run folder ({@code RUN/model/}). */
final class BundleLocation {
  private BundleLocation() {}

  /**
   * {@code path} itself if it holds {@value ModelBundle#DESCRIPTOR_FILE}, else {@code path/model} if that does.
   *
   * @throws NoSuchFileException naming both places looked at
   */
  static Path resolve(Path path) throws NoSuchFileException {
    if (Files.isRegularFile(path.resolve(ModelBundle.DESCRIPTOR_FILE))) {
      return path;
    }
    Path inRun = path.resolve("model");
    if (Files.isRegularFile(inRun.resolve(ModelBundle.DESCRIPTOR_FILE))) {
      return inRun;
    }
    throw new NoSuchFileException(path.toString(), null,
        "--model must be a model bundle folder (with " + ModelBundle.DESCRIPTOR_FILE + ") or a training run folder"
            + " (with model/" + ModelBundle.DESCRIPTOR_FILE + "); neither was found");
  }
}
