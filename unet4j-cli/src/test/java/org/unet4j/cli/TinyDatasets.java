package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.io.PngImages;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;
import org.unet4j.testing.DiscImages;

/** Writes small datasets in the {@code paired} layout for CLI tests. */
final class TinyDatasets {

  private TinyDatasets() {}

  /**
   * {@code count} disc images of {@code sizePx}² as {@code root/images/disc-N.tif} (float) with binary masks
   * {@code root/masks/disc-N.png} (0/1).
   */
  static Path discs(Path root, int count, int sizePx, long seed) throws IOException {
    for (int i = 0; i < count; i++) {
      TrainingSample sample = DiscImages.generate(sizePx, sizePx, sizePx / 8, 0.05, seed + i);
      TiffImages.writeFloat(root.resolve("images").resolve("disc-" + i + ".tif"), sample.image(), TiffCompression.NONE);
      PngImages.writeLabels(root.resolve("masks").resolve("disc-" + i + ".png"), sample.mask());
    }
    return root;
  }
}
