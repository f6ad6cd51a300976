package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.BorderWeightMap;
import org.unet4j.core.weights.ClassBalance;
import org.unet4j.core.weights.SeparationBorders;
import org.unet4j.core.weights.WeightMaps;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.PngImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;

class WeightsCommandTest {
  @TempDir Path dir;

  /** Two squares touching along x = 6|7 (labels 300 and 301, so 16-bit), and a third one 2 px to the right. */
  static LabelImage touchingSquares() {
    LabelImage labels = LabelImage.zeros(16, 24);
    for (int y = 4; y < 12; y++) {
      for (int x = 2; x < 7; x++) {
        labels.set(y, x, 300);
      }
      for (int x = 7; x < 12; x++) {
        labels.set(y, x, 301);
      }
      for (int x = 14; x < 20; x++) {
        labels.set(y, x, 7);
      }
    }
    return labels;
  }

  @Test
  void instanceLabelsGiveTheTrainingWeightMapAndTheSeparationBorders() throws IOException {
    LabelImage instances = touchingSquares();
    Path labels = dir.resolve("cells.tif");
    TiffImages.writeLabels(labels, instances, TiffCompression.LZW);
    Path out = dir.resolve("out");

    CliRunner.Result result = CliRunner.run("weights", "--labels", labels.toString(), "--out",
        out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("weights: instances mask, 3 instances, 16×24 px").contains("max weight");
    FloatImage expected = WeightMaps.paperDefaults().fromInstances(instances).weights();
    assertThat(MicroscopyImages.read(out.resolve("weights.tif")).pixels()).isEqualTo(expected);
    // the contact line of the touching squares is a border, and the 2 px gap to the third square too
    LabelImage borders = MicroscopyImages.readLabels(out.resolve("borders.png"));
    LabelImage rule = SeparationBorders.defaults().borderMask(instances);
    for (int i = 0; i < rule.data().length; i++) {
      assertThat(borders.data()[i]).isEqualTo(255 * rule.data()[i]);
    }
    assertThat(rule.get(8, 6)).isEqualTo(1);
    assertThat(rule.get(8, 7)).isEqualTo(1);
    assertThat(rule.get(8, 12)).isEqualTo(1);
    // the training mask: cells minus their contact line
    LabelImage mask = MicroscopyImages.readLabels(out.resolve("mask.png"));
    assertThat(mask.get(8, 5)).isEqualTo(255);
    assertThat(mask.get(8, 6)).isZero();
    // the gap between the touching squares carries w0·exp(−(1 + 2)²/50) on top of w_c = 1 (background)
    assertThat((double) expected.get(0, 8, 6)).isCloseTo(1 + 10 * Math.exp(-9.0 / 50), offset(1e-5));
    assertThat(Files.getPosixFilePermissions(out.resolve("weights.tif")))
        .isEqualTo(Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference-permissions"))));
  }

  @Test
  void binaryMaskUsesItsConnectedRegionsAsInstancesLikeTraining() throws IOException {
    // ISBI 2012 style: 255 = cell interior, 0 = membrane; a 1 px membrane at x = 10 splits the cells
    LabelImage binary = LabelImage.zeros(12, 21);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 21; x++) {
        binary.set(y, x, x == 10 || y == 0 ? 0 : 255);
      }
    }
    Path labels = dir.resolve("membranes.png");
    PngImages.writeLabels(labels, binary);
    Path out = dir.resolve("out");

    CliRunner.Result result = CliRunner.run("weights", "--labels", labels.toString(), "--out",
        out.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("weights: binary mask, 2 connected regions, 12×21 px");
    LabelImage classMask = new LabelImage(12, 21, binary.data().clone());
    for (int i = 0; i < classMask.data().length; i++) {
      classMask.data()[i] = classMask.data()[i] == 255 ? 1 : 0;
    }
    WeightMaps maps = new WeightMaps(BorderWeightMap.paperDefaults(), ClassBalance.BACKGROUND_ONE,
        Optional.of(SeparationBorders.defaults()));
    FloatImage expected = maps.fromClassMask(classMask, 2).weights();
    FloatImage written = MicroscopyImages.read(out.resolve("weights.tif")).pixels();
    assertThat(written).isEqualTo(expected);
    // membrane pixel between the two cells: d1 = d2 = 1, background weight 1 (it is the reference class)
    assertThat((double) written.get(0, 6, 10)).isCloseTo(1 + 10 * Math.exp(-4.0 / 50),
        offset(1e-5));
    assertThat(MicroscopyImages.readLabels(out.resolve("mask.png"))).isEqualTo(binary);
  }

  @Test
  void missingOrUnreadableLabelsAreBadInputNamingTheFile() throws IOException {
    Path missing = dir.resolve("nope.tif");
    CliRunner.Result result = CliRunner.run("weights", "--labels", missing.toString(), "--out",
        dir.resolve("o").toString());
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("--labels " + missing + " is not a file");

    Path notes = dir.resolve("notes.png");
    Files.writeString(notes, "not an image");
    result = CliRunner.run("weights", "--labels", notes.toString(), "--out", dir.resolve("o").toString());
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("no image decoder recognises " + notes);
    assertThat(dir.resolve("o")).doesNotExist();

    Path grey = dir.resolve("grey.tif");
    TiffImages.write(grey, new RawImage(new FloatImage(1, 1, 3, new float[] {0, 1.5f, 2}),
        org.unet4j.io.SampleType.FLOAT32), TiffCompression.NONE);
    result = CliRunner.run("weights", "--labels", grey.toString(), "--out", dir.resolve("o").toString());
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("non-integer or negative value 1.5");
  }
}
