package org.unet4j.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unet4j.io.MicroscopyImages;

/** The {@link DatasetLayout#ISBI} layout: {@code train-volume.tif} page i with {@code train-labels.tif} page i. */
final class IsbiStacks {
  static final String VOLUME = "train-volume.tif";
  static final String LABELS = "train-labels.tif";

  private IsbiStacks() {}

  static boolean matches(Path root) {
    return Files.isRegularFile(root.resolve(VOLUME)) && Files.isRegularFile(root.resolve(LABELS));
  }

  static DatasetScan scan(Path root) throws IOException {
    Path volume = root.resolve(VOLUME);
    Path labels = root.resolve(LABELS);
    if (!matches(root)) {
      throw new DatasetException("isbi layout needs the stacks " + volume + " and " + labels + "; "
          + (Files.isRegularFile(volume) ? labels : volume) + " is missing");
    }
    int volumePages = MicroscopyImages.pageCount(volume);
    int labelPages = MicroscopyImages.pageCount(labels);
    if (volumePages != labelPages) {
      throw new DatasetException("page count mismatch: " + volume + " has " + volumePages + " pages but " + labels
          + " has " + labelPages + "; page i of the labels must annotate page i of the volume");
    }
    List<SamplePair> pairs = new ArrayList<>(volumePages);
    for (int page = 0; page < volumePages; page++) {
      pairs.add(new SamplePair(volume, labels, page));
    }
    return new DatasetScan(root, DatasetLayout.ISBI, pairs, List.of());
  }
}
