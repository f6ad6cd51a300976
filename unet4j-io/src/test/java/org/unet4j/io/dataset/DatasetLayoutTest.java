package org.unet4j.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unet4j.core.image.LabelImage;
import org.unet4j.io.PngImages;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;

class DatasetLayoutTest {
  @TempDir Path root;

  static final LabelImage TINY = new LabelImage(2, 2, new int[] {0, 1, 1, 0});

  static Path png(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    PngImages.writeLabels(file, TINY);
    return file;
  }

  static Path tif(Path file, LabelImage labels) throws IOException {
    Files.createDirectories(file.getParent());
    TiffImages.writeLabels(file, labels, TiffCompression.NONE);
    return file;
  }

  private static List<String> names(DatasetScan scan) {
    List<String> out = new ArrayList<>();
    for (SamplePair p : scan.pairs()) {
      out.add(p.image().getFileName() + ">" + p.mask().getFileName() + "@" + p.page());
    }
    return out;
  }

  @Test
  void naturalOrderPutsTwoBeforeTen() {
    List<String> names = new ArrayList<>(List.of("img10.png", "img2.png", "IMG1.png", "img02.png", "img1b.png"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names).containsExactly("IMG1.png", "img1b.png", "img02.png", "img2.png", "img10.png");
  }

  @Test
  void pairedMatchesByStemWithMaskSuffixesInNumericOrder() throws IOException {
    for (String n : new String[] {"10", "2", "1", "3", "4", "5"}) {
      png(root.resolve("images/" + n + ".png"));
    }
    png(root.resolve("masks/10_mask.png"));
    png(root.resolve("masks/2_labels.tif"));
    png(root.resolve("masks/1.png"));
    png(root.resolve("masks/3-seg.png"));
    png(root.resolve("masks/4_GT.png"));
    png(root.resolve("masks/99_mask.png"));
    Files.writeString(root.resolve("masks/notes.txt"), "ignored");

    assertThat(DatasetLayout.detect(root)).isEqualTo(DatasetLayout.PAIRED);
    DatasetScan scan = DatasetLayout.PAIRED.scan(root);
    assertThat(names(scan)).containsExactly("1.png>1.png@0", "2.png>2_labels.tif@0", "3.png>3-seg.png@0",
        "4.png>4_GT.png@0", "10.png>10_mask.png@0");
    assertThat(scan.warnings()).containsExactly(
        "1 image(s) in " + root.resolve("images") + " have no mask in " + root.resolve("masks")
            + " and are skipped: 5.png",
        "1 mask(s) in " + root.resolve("masks") + " have no image in " + root.resolve("images")
            + " and are skipped: 99_mask.png");
  }

  @Test
  void pairedWithoutAnyPairSaysWhatWasLookedFor() throws IOException {
    png(root.resolve("images/a.png"));
    png(root.resolve("labels/b_mask.png"));
    assertThatThrownBy(() -> DatasetLayout.PAIRED.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("no image/mask pairs in " + root + ": looked for images (.bmp/.gif/.jpeg/.jpg/.png/.tif/.tiff) in "
            + root.resolve("images") + " and masks with the same name, optionally ending in _mask, _label(s), _seg "
            + "or _gt, in " + root.resolve("labels") + "; found 1 image(s) (a.png) and 1 mask(s) (b_mask.png)");
  }

  @Test
  void pairedRejectsAmbiguousMasks() throws IOException {
    png(root.resolve("images/a.png"));
    png(root.resolve("masks/a.png"));
    png(root.resolve("masks/a_mask.png"));
    assertThatThrownBy(() -> DatasetLayout.PAIRED.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("masks " + root.resolve("masks/a.png") + " and " + root.resolve("masks/a_mask.png")
            + " both match images named 'a'; keep one of them");
  }

  @Test
  void ctcUsesOnlyAnnotatedFramesOfEverySequence() throws IOException {
    LabelImage instances = new LabelImage(2, 2, new int[] {0, 300, 301, 0}); // 16-bit instance labels
    for (int t = 0; t < 12; t++) {
      tif(root.resolve(String.format("01/t%03d.tif", t)), TINY);
      tif(root.resolve(String.format("02/t%03d.tif", t)), TINY);
    }
    tif(root.resolve("01_GT/SEG/man_seg011.tif"), instances);
    tif(root.resolve("01_GT/SEG/man_seg002.tif"), instances);
    tif(root.resolve("01_GT/SEG/man_seg_005_003.tif"), instances);
    tif(root.resolve("02_GT/SEG/man_seg000.tif"), instances);
    Files.createDirectories(root.resolve("01_GT/TRA"));

    assertThat(DatasetLayout.detect(root)).isEqualTo(DatasetLayout.CTC);
    DatasetScan scan = DatasetLayout.CTC.scan(root);
    assertThat(scan.pairs()).containsExactly(
        new SamplePair(root.resolve("01/t002.tif"), root.resolve("01_GT/SEG/man_seg002.tif"), 0),
        new SamplePair(root.resolve("01/t011.tif"), root.resolve("01_GT/SEG/man_seg011.tif"), 0),
        new SamplePair(root.resolve("02/t000.tif"), root.resolve("02_GT/SEG/man_seg000.tif"), 0));
    assertThat(scan.warnings()).containsExactly(
        "1 3D slice annotation(s) man_seg_TTT_ZZZ.tif in " + root.resolve("01_GT/SEG") + " are ignored");
  }

  @Test
  void ctcGroundTruthWithoutFrameIsAnError() throws IOException {
    tif(root.resolve("01/t000.tif"), TINY);
    tif(root.resolve("01_GT/SEG/man_seg007.tif"), TINY);
    assertThatThrownBy(() -> DatasetLayout.CTC.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("ground truth " + root.resolve("01_GT/SEG/man_seg007.tif") + " has no frame t007.tif in "
            + root.resolve("01"));
  }

  @Test
  void isbiPairsPagesAndChecksPageCounts() throws IOException {
    Files.createDirectories(root);
    TiffImages.writeLabelStack(root.resolve("train-volume.tif"), List.of(TINY, TINY, TINY), TiffCompression.NONE);
    TiffImages.writeLabelStack(root.resolve("train-labels.tif"), List.of(TINY, TINY, TINY), TiffCompression.NONE);
    assertThat(DatasetLayout.detect(root)).isEqualTo(DatasetLayout.ISBI);
    assertThat(names(DatasetLayout.ISBI.scan(root))).containsExactly(
        "train-volume.tif>train-labels.tif@0", "train-volume.tif>train-labels.tif@1",
        "train-volume.tif>train-labels.tif@2");

    TiffImages.writeLabelStack(root.resolve("train-labels.tif"), List.of(TINY, TINY), TiffCompression.NONE);
    assertThatThrownBy(() -> DatasetLayout.ISBI.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("page count mismatch: " + root.resolve("train-volume.tif") + " has 3 pages but "
            + root.resolve("train-labels.tif") + " has 2; page i of the labels must annotate page i of the volume");
  }

  @Test
  void ctcWithoutSequencesOrWithoutAnyGroundTruthSaysWhatWasLookedFor() throws IOException {
    tif(root.resolve("01/t000.tif"), TINY);
    assertThatThrownBy(() -> DatasetLayout.CTC.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("no Cell Tracking Challenge sequences in " + root + ": looked for folders like 01/ (frames "
            + "t000.tif, …) with ground truth in 01_GT/SEG/ (man_seg000.tif, …)");
    Files.createDirectories(root.resolve("01_GT/SEG"));
    tif(root.resolve("01_GT/SEG/man_seg_000_004.tif"), TINY);
    assertThatThrownBy(() -> DatasetLayout.CTC.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("no annotated frames in " + root + ": no file man_segNNN.tif in any of "
            + root.resolve("01_GT/SEG"));
  }

  @Test
  void ctcReadsAutoMasksAsInstancesAndOtherLayoutsKeepTheRequestedMode() {
    assertThat(DatasetLayout.CTC.maskModeFor(MaskMode.AUTO)).isEqualTo(MaskMode.INSTANCES);
    assertThat(DatasetLayout.CTC.maskModeFor(MaskMode.BINARY)).isEqualTo(MaskMode.BINARY);
    assertThat(DatasetLayout.PAIRED.maskModeFor(MaskMode.AUTO)).isEqualTo(MaskMode.AUTO);
    assertThat(DatasetLayout.ISBI.maskModeFor(MaskMode.AUTO)).isEqualTo(MaskMode.AUTO);
  }

  @Test
  void isbiAndPairedNameTheMissingFileOrFolder() throws IOException {
    Files.createDirectories(root);
    TiffImages.writeLabelStack(root.resolve("train-volume.tif"), List.of(TINY), TiffCompression.NONE);
    assertThatThrownBy(() -> DatasetLayout.ISBI.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("isbi layout needs the stacks " + root.resolve("train-volume.tif") + " and "
            + root.resolve("train-labels.tif") + "; " + root.resolve("train-labels.tif") + " is missing");
    png(root.resolve("images/a.png"));
    assertThatThrownBy(() -> DatasetLayout.PAIRED.scan(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("paired layout needs folders " + root.resolve("images") + " and " + root.resolve("masks")
            + " (or " + root.resolve("labels") + "); the mask folder is missing");
  }

  @Test
  void undetectableFolderSaysWhatWasExpected() throws IOException {
    Files.createDirectories(root.resolve("pictures"));
    assertThatThrownBy(() -> DatasetLayout.detect(root))
        .isInstanceOf(DatasetException.class)
        .hasMessage("cannot tell the layout of " + root + ": expected images/ + masks/ (or labels/) folders (paired),"
            + " train-volume.tif + train-labels.tif (isbi), or sequences 01/ with 01_GT/SEG/ (ctc)");
    assertThat(DatasetLayout.forName("ISBI", root)).isEqualTo(DatasetLayout.ISBI);
    assertThatThrownBy(() -> DatasetLayout.forName("coco", root))
        .hasMessage("unknown dataset layout 'coco'; use auto, paired, ctc or isbi");
  }
}
