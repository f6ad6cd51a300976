package org.unet4j.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which files in a folder are images, and their names without extension. */
public final class ImageFileNames {
  /** Recognised image file extensions, lower case. */
  public static final Set<String> EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg", "gif", "bmp");
  static final int LISTED_NAMES = 10;

  private ImageFileNames() {}

  /** Image files directly in {@code dir} (no hidden files), sorted in natural order of file name. */
  public static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> EXTENSIONS.contains(extension(p)))
          .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()))
          .collect(Collectors.toList());
    }
  }

  /** The lower-case extension of the file name ({@code ""} if none). */
  public static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The file name without its extension. */
  public static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Up to {@link #LISTED_NAMES} file names, then "… (N more)". */
  static String listNames(List<Path> files) {
    String shown = files.stream().limit(LISTED_NAMES).map(p -> p.getFileName().toString())
        .collect(Collectors.joining(", "));
    return files.size() > LISTED_NAMES ? shown + ", … (" + (files.size() - LISTED_NAMES) + " more)" : shown;
  }
}
