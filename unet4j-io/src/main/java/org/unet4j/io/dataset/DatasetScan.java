package org.unet4j.io.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * The pairs found in a dataset folder, in natural file-name order, and non-fatal findings (images without a mask,
 * masks without an image, ignored files) to show to the user.
 *
 * @param root the scanned folder
 * @param layout the layout used
 * @param pairs at least one pair
 * @param warnings human-readable notes, empty if everything matched
 */
public record DatasetScan(Path root, DatasetLayout layout, List<SamplePair> pairs, List<String> warnings) {
  /** Copies the lists. */
  public DatasetScan {
    pairs = List.copyOf(pairs);
    warnings = List.copyOf(warnings);
  }
}
