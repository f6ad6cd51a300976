package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.dataset.ImageFileNames;

/**
 * One image to segment: a page of a file (every page of a multipage stack is its own input).
 *
 * @param file the image file
 * @param page 0-based page
 * @param name the output name: the file stem, with {@code _zNNN} (0-based page) for pages of a stack
 */
record PredictionInput(Path file, int page, String name) {

  /** A named input path whose pages could not be listed, with the reason. */
  record Unreadable(Path path, Exception cause) {}

  /** The inputs found under the given paths, and the paths that failed. */
  record Listing(List<PredictionInput> inputs, List<Unreadable> failures) {}

  /**
   * Expands files and folders (their image files, not recursively, in natural order) into pages. A path that does not
   * exist, a folder without images, or a file whose pages cannot be counted becomes a failure; the rest are listed.
   */
  static Listing expand(List<Path> paths) {
    List<PredictionInput> inputs = new ArrayList<>();
    List<Unreadable> failures = new ArrayList<>();
    for (Path path : paths) {
      try {
        List<Path> files = filesOf(path);
        for (Path file : files) {
          try {
            int pages = MicroscopyImages.pageCount(file);
            String stem = ImageFileNames.stem(file);
            for (int page = 0; page < pages; page++) {
              inputs.add(new PredictionInput(file, page,
                  pages == 1 ? stem : stem + String.format(Locale.ROOT, "_z%03d", page)));
            }
          } catch (IOException | RuntimeException e) {
            failures.add(new Unreadable(file, e));
          }
        }
      } catch (IOException e) {
        failures.add(new Unreadable(path, e));
      }
    }
    return new Listing(inputs, failures);
  }

  private static List<Path> filesOf(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      List<Path> files = ImageFileNames.list(path);
      if (files.isEmpty()) {
        throw new NoSuchFileException(path.toString(), null,
            "the folder has no image files (" + String.join(", ", ImageFileNames.EXTENSIONS.stream().sorted()
                .toList()) + ")");
      }
      return files;
    }
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such input file or folder");
    }
    return List.of(path);
  }

  /** How this input is shown to the user: the file, and the page of a stack. */
  String describe() {
    return name.equals(ImageFileNames.stem(file)) ? file.toString() : file + " (page " + page + ")";
  }
}
