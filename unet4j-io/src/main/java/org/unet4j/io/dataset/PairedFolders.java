package org.unet4j.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@link DatasetLayout#PAIRED} layout: {@code images/} and {@code masks/} (or {@code labels/}) by name. */
final class PairedFolders {
  private static final Pattern MASK_SUFFIX =
      Pattern.compile("[_-](masks?|labels?|seg|gt)$", Pattern.CASE_INSENSITIVE);

  private PairedFolders() {}

  static boolean matches(Path root) {
    return Files.isDirectory(root.resolve("images")) && maskDir(root) != null;
  }

  private static Path maskDir(Path root) {
    for (String name : new String[] {"masks", "labels"}) {
      if (Files.isDirectory(root.resolve(name))) {
        return root.resolve(name);
      }
    }
    return null;
  }

  /** The key a mask is matched by: its stem without a mask suffix, lower case. */
  static String maskKey(Path mask) {
    return MASK_SUFFIX.matcher(ImageFileNames.stem(mask)).replaceFirst("").toLowerCase(Locale.ROOT);
  }

  static DatasetScan scan(Path root) throws IOException {
    Path imageDir = root.resolve("images");
    Path maskDir = maskDir(root);
    if (!Files.isDirectory(imageDir) || maskDir == null) {
      throw new DatasetException("paired layout needs folders " + imageDir + " and " + root.resolve("masks")
          + " (or " + root.resolve("labels") + "); " + (Files.isDirectory(imageDir) ? "the mask folder" : imageDir)
          + " is missing");
    }
    Map<String, Path> masksByKey = new HashMap<>();
    for (Path mask : ImageFileNames.list(maskDir)) {
      Path previous = masksByKey.put(maskKey(mask), mask);
      if (previous != null) {
        throw new DatasetException("masks " + previous + " and " + mask + " both match images named '"
            + maskKey(mask) + "'; keep one of them");
      }
    }
    Map<String, Path> imagesByKey = new HashMap<>();
    List<SamplePair> pairs = new ArrayList<>();
    List<Path> unmatchedImages = new ArrayList<>();
    Set<Path> usedMasks = new HashSet<>();
    List<Path> images = ImageFileNames.list(imageDir);
    for (Path image : images) {
      String key = ImageFileNames.stem(image).toLowerCase(Locale.ROOT);
      Path previous = imagesByKey.put(key, image);
      if (previous != null) {
        throw new DatasetException("images " + previous + " and " + image + " have the same name '" + key
            + "'; keep one of them");
      }
      Path mask = masksByKey.get(key);
      if (mask == null) {
        unmatchedImages.add(image);
      } else {
        pairs.add(new SamplePair(image, mask, 0));
        usedMasks.add(mask);
      }
    }
    if (pairs.isEmpty()) {
      throw new DatasetException("no image/mask pairs in " + root + ": looked for images (."
          + String.join("/.", new java.util.TreeSet<>(ImageFileNames.EXTENSIONS)) + ") in " + imageDir
          + " and masks with the same name, optionally ending in _mask, _label(s), _seg or _gt, in " + maskDir
          + "; found " + images.size() + " image(s)" + (images.isEmpty() ? "" : " (" + ImageFileNames.listNames(images)
          + ")") + " and " + masksByKey.size() + " mask(s)" + (masksByKey.isEmpty() ? ""
          : " (" + ImageFileNames.listNames(ImageFileNames.list(maskDir)) + ")"));
    }
    List<String> warnings = new ArrayList<>();
    if (!unmatchedImages.isEmpty()) {
      warnings.add(unmatchedImages.size() + " image(s) in " + imageDir + " have no mask in " + maskDir
          + " and are skipped: " + ImageFileNames.listNames(unmatchedImages));
    }
    List<Path> unusedMasks = new ArrayList<>();
    for (Path mask : ImageFileNames.list(maskDir)) {
      if (!usedMasks.contains(mask)) {
        unusedMasks.add(mask);
      }
    }
    if (!unusedMasks.isEmpty()) {
      warnings.add(unusedMasks.size() + " mask(s) in " + maskDir + " have no image in " + imageDir
          + " and are skipped: " + ImageFileNames.listNames(unusedMasks));
    }
    return new DatasetScan(root, DatasetLayout.PAIRED, pairs, warnings);
  }
}
