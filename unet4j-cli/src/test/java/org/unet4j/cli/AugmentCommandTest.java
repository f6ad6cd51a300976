package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.augment.TrainingSample;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.BorderWeightMap;
import org.unet4j.core.weights.ClassBalance;
import org.unet4j.core.weights.SeparationBorders;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.PngImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;
import org.unet4j.io.dataset.DatasetLayout;

class AugmentCommandTest {
  @TempDir Path dir;

  /** A paired dataset of two 40×40 images with a bright square each and its 0/255 mask. */
  Path pairedDataset() throws IOException {
    Path root = dir.resolve("data");
    for (int k = 0; k < 2; k++) {
      float[] pixels = new float[40 * 40];
      int[] mask = new int[40 * 40];
      for (int y = 10 + k; y < 30; y++) {
        for (int x = 8; x < 28 + k; x++) {
          pixels[y * 40 + x] = 200;
          mask[y * 40 + x] = 255;
        }
      }
      PngImages.write(root.resolve("images/" + k + ".png"),
          new RawImage(new FloatImage(1, 40, 40, pixels), SampleType.UINT8));
      PngImages.writeLabels(root.resolve("masks/" + k + "_mask.png"), new LabelImage(40, 40, mask));
    }
    return root;
  }

  @Test
  void writesAGridOfNPatchesThatDependsOnlyOnTheSeed() throws IOException {
    Path data = pairedDataset();
    CliRunner.Result result = CliRunner.run("augment", "--data", data.toString(), "--out",
        dir.resolve("a").toString(), "--n", "5", "--tile-size", "32", "--seed", "3");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("augment: 5 patches of 32×32 px from 2 paired pairs");
    RawImage grid = MicroscopyImages.read(dir.resolve("a/augmented.png"));
    // ceil(√5) = 3 columns, 2 rows of 32 px cells with 4 px gaps around them
    assertThat(grid.width()).isEqualTo(3 * 32 + 4 * 4);
    assertThat(grid.height()).isEqualTo(2 * 32 + 3 * 4);

    CliRunner.run("augment", "--data", data.toString(), "--out", dir.resolve("b").toString(), "-n", "5",
        "--tile-size", "32", "--seed", "3");
    CliRunner.run("augment", "--data", data.toString(), "--out", dir.resolve("c").toString(), "-n", "5",
        "--tile-size", "32", "--seed", "4");
    byte[] a = Files.readAllBytes(dir.resolve("a/augmented.png"));
    assertThat(Files.readAllBytes(dir.resolve("b/augmented.png"))).isEqualTo(a);
    assertThat(Files.readAllBytes(dir.resolve("c/augmented.png"))).isNotEqualTo(a);
  }

  @Test
  void aFolderWithoutPairsIsBadInputSayingWhatWasLookedFor() throws IOException {
    Files.createDirectories(dir.resolve("empty/images"));
    Files.createDirectories(dir.resolve("empty/masks"));
    CliRunner.Result result = CliRunner.run("augment", "--data", dir.resolve("empty").toString(),
        "--out", dir.resolve("o").toString());
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("no image/mask pairs in " + dir.resolve("empty"));
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void cellTrackingChallengeGroundTruthIsReadAsInstancesEvenWithFewCells() throws IOException {
    // 8-bit man_seg with labels 1, 2, 3: AUTO alone would guess a 4-class mask; CTC ground truth is instances.
    Path root = dir.resolve("ctc");
    LabelImage cells = LabelImage.zeros(12, 16);
    for (int y = 2; y < 10; y++) {
      for (int x = 1; x < 15; x++) {
        cells.set(y, x, x < 5 ? 1 : x < 10 ? 2 : 3);
      }
    }
    TiffImages.write(root.resolve("01/t000.tif"),
        new RawImage(new FloatImage(1, 12, 16, new float[12 * 16]), SampleType.UINT16), TiffCompression.NONE);
    TiffImages.write(root.resolve("01/t001.tif"),
        new RawImage(new FloatImage(1, 12, 16, new float[12 * 16]), SampleType.UINT16), TiffCompression.NONE);
    TiffImages.writeLabels(root.resolve("01_GT/SEG/man_seg001.tif"), cells, TiffCompression.NONE);

    WeightMaps maps = new WeightMaps(BorderWeightMap.paperDefaults(), ClassBalance.BACKGROUND_ONE,
        Optional.of(SeparationBorders.defaults()));
    List<TrainingSample> samples = DataSelection.load(DatasetLayout.CTC.scan(root).pairs(), DatasetLayout.CTC,
        "auto", false, 1, 2, maps);

    assertThat(samples).hasSize(1); // the unannotated frame t000 is not used
    TrainingSample sample = samples.get(0);
    assertThat(sample.mask()).isEqualTo(maps.fromInstances(cells).classMask());
    assertThat(sample.mask().get(5, 4)).as("contact line between cells 1 and 2").isZero();
    assertThat(sample.mask().get(5, 2)).isEqualTo(1);
    assertThat(sample.weights()).isEqualTo(maps.fromInstances(cells).weights());
  }
}
