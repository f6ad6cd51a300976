package org.unet4j.io.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One training sample on disk: page {@code page} of {@code image} with the same page of {@code mask} (0 for
 * single-page files; i for page i of an ISBI-style stack).
 *
 * @param image the image file
 * @param mask the mask (label) file
 * @param page 0-based page index into both files
 */
public record SamplePair(Path image, Path mask, int page) {
  /** Rejects nulls and negative pages. */
  public SamplePair {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(mask, "mask");
    if (page < 0) {
      throw new IllegalArgumentException("page " + page + " must be ≥ 0");
    }
  }

  @Override
  public String toString() {
    String suffix = page > 0 ? "[page " + page + "]" : "";
    return image.getFileName() + suffix + " ↔ " + mask.getFileName() + suffix;
  }
}
