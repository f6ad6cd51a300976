package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.synthetic.SyntheticCells;
import org.unet4j.core.synthetic.SyntheticImage;
import org.unet4j.core.synthetic.SyntheticStyle;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.dataset.DatasetLayout;
import org.unet4j.io.dataset.DatasetScan;
import org.unet4j.io.dataset.LoadedSample;
import org.unet4j.io.dataset.MaskMode;
import org.unet4j.io.dataset.SampleLoader;

class SynthCommandTest {
  @TempDir Path tmp;

  @Test
  void writesAPairedInstanceDatasetThatTrainingReads() throws IOException {
    Path out = tmp.resolve("cells");
    CliRunner.Result result = CliRunner.run(
        "synth", "--out", out.toString(), "--n", "3", "--size", "96", "--seed", "7", "--style", "nuclei");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("3 images of 96×96 px, style nuclei, seed 7").contains("unet train --data");

    assertThat(DatasetLayout.detect(out)).isEqualTo(DatasetLayout.PAIRED);
    DatasetScan scan = DatasetLayout.PAIRED.scan(out);
    assertThat(scan.warnings()).isEmpty();
    assertThat(scan.pairs()).extracting(pair -> pair.image().getFileName().toString())
        .containsExactly("cell-000.tif", "cell-001.tif", "cell-002.tif");
    for (int i = 0; i < 3; i++) {
      SyntheticImage expected = SyntheticCells.generate(SyntheticStyle.NUCLEI.spec(96, 96), 7, i);
      LoadedSample loaded = SampleLoader.defaults().load(scan.pairs().get(i));
      assertThat(loaded.maskMode()).isEqualTo(MaskMode.INSTANCES);
      assertThat(loaded.mask()).isEqualTo(expected.instances());
      RawImage raw = MicroscopyImages.read(scan.pairs().get(i).image());
      assertThat(raw.sampleType()).isEqualTo(SampleType.UINT16);
      float[] stored = raw.pixels().data();
      for (int p = 0; p < stored.length; p++) {
        assertThat(stored[p]).isEqualTo((float) Math.round(expected.image().data()[p] * 65535f));
      }
    }
    assertThat(MicroscopyImages.read(out.resolve("preview.png")).width()).isGreaterThan(4 * 96);
    assertThat(hiddenLeftovers()).isEmpty();
  }

  @Test
  void sameOptionsGiveIdenticalFiles() throws IOException {
    String[] options = {"--n", "1", "--size", "64", "--seed", "3"};
    assertThat(CliRunner.run(concat("synth", "--out", tmp.resolve("a").toString(), options)).exitCode()).isZero();
    assertThat(CliRunner.run(concat("synth", "--out", tmp.resolve("b").toString(), options)).exitCode()).isZero();
    for (String file : List.of("images/cell-000.tif", "masks/cell-000.tif")) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(file)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(file)));
    }
  }

  @Test
  void badOptionsAreBadInputWithAClearMessageAndWriteNothing() throws IOException {
    Path out = tmp.resolve("never");
    assertBadInput("--n 0 must be between 1 and 10000", "synth", "--out", out.toString(), "--n", "0");
    assertBadInput("--size 20 must be between 64 and 4096 px", "synth", "--out", out.toString(), "--size", "20");
    assertBadInput("unknown synthetic style 'confocal'; use cells, nuclei, phase-contrast, dic",
        "synth", "--out", out.toString(), "--style", "confocal");
    assertThat(out).doesNotExist();

    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("notes.txt"), "keep me");
    assertBadInput("already exists and is not empty", "synth", "--out", full.toString(), "--n", "1");
    try (Stream<Path> entries = Files.list(full)) {
      assertThat(entries).containsExactly(full.resolve("notes.txt"));
    }
    assertThat(hiddenLeftovers()).isEmpty();
  }

  @Test
  void anEmptyOutputFolderIsFilled() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("empty"));
    assertThat(CliRunner.run("synth", "--out", out.toString(), "-n", "2", "--size", "64").exitCode()).isZero();
    assertThat(out.resolve("masks/cell-001.tif")).isRegularFile();
  }

  private static void assertBadInput(String message, String... args) {
    CliRunner.Result result = CliRunner.run(args);
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains(message);
  }

  private List<Path> hiddenLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  private static String[] concat(String a, String b, String c, String... rest) {
    return Stream.concat(Stream.of(a, b, c), Stream.of(rest)).toArray(String[]::new);
  }
}
