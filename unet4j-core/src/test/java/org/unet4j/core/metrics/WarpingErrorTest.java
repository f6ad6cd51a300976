package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

class WarpingErrorTest {

  /** A binary image from rows of '#' (object) and '.' (background). */
  static LabelImage picture(String... rows) {
    int[] data = new int[rows.length * rows[0].length()];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < rows[0].length(); x++) {
        data[y * rows[0].length() + x] = rows[y].charAt(x) == '#' ? 1 : 0;
      }
    }
    return new LabelImage(rows.length, rows[0].length(), data);
  }

  @Test
  void identicalImagesHaveNoError() {
    LabelImage cells = picture(
        ".......",
        ".##.##.",
        ".##.##.",
        ".......");
    WarpingResult result = WarpingError.warp(cells, cells);
    assertThat(result.counts()).isEqualTo(new WarpingCounts(28, 0, 0, 0, 0, 0));
    assertThat(result.counts().warpingError()).isZero();
  }

  @Test
  void aOnePixelBoundaryShiftWarpsAwayCompletely() {
    LabelImage truth = picture(
        "..........",
        ".####.....",
        ".####.###.",
        ".####.###.",
        ".####.###.",
        "..........");
    // Every boundary moved by one pixel: the left cell grew right and down, the right cell shrank at the top.
    LabelImage shifted = picture(
        "..........",
        ".#####....",
        ".#####.##.",
        ".#####.###",
        ".#####.###",
        ".#####....");
    WarpingResult result = WarpingError.warp(truth, shifted);
    assertThat(result.counts().mismatchPixels()).isZero();
    assertThat(result.warpedTruth()).isEqualTo(shifted);
  }

  @Test
  void aFalseMembraneAcrossACellCountsAsOneSplit() {
    LabelImage truth = picture(
        "...........",
        ".#########.",
        ".#########.",
        ".#########.",
        "...........");
    LabelImage cut = picture(
        "...........",
        ".####.####.",
        ".####.####.",
        ".####.####.",
        "...........");
    // Pass 1 removes the cut column top-down until its last pixel (3,5) holds the two halves together.
    WarpingResult result = WarpingError.warp(truth, cut);
    assertThat(result.counts()).isEqualTo(new WarpingCounts(55, 1, 1, 0, 1, 0));
    assertThat(result.typeAt(3, 5)).isEqualTo(MismatchType.SPLIT);
    assertThat(result.counts().warpingError()).isCloseTo(1.0 / 55, within(1e-15));
    assertThat(result.counts().splitsAndMergersError()).isCloseTo(1.0 / 55, within(1e-15));
  }

  @Test
  void aMissingMembraneBetweenTwoCellsCountsAsOneMerger() {
    LabelImage truth = picture(
        "...........",
        ".####.####.",
        ".####.####.",
        "...........");
    LabelImage merged = picture(
        "...........",
        ".#########.",
        ".#########.",
        "...........");
    // Either gap pixel touches both cells, so neither can be filled: two merge pixels, one merger error.
    WarpingResult result = WarpingError.warp(truth, merged);
    assertThat(result.counts()).isEqualTo(new WarpingCounts(44, 2, 0, 2, 0, 1));
    assertThat(result.typeAt(1, 5)).isEqualTo(MismatchType.MERGE);
    assertThat(result.typeAt(2, 5)).isEqualTo(MismatchType.MERGE);
    assertThat(result.counts().splitsAndMergersError()).isCloseTo(2.0 / 44, within(1e-15));
  }

  @Test
  void aThickFalseMembraneIsStillOneSplitErrorOfSeveralPixels() {
    LabelImage truth = picture(
        "..........",
        ".########.",
        ".########.",
        "..........");
    LabelImage cut = picture(
        "..........",
        ".###..###.",
        ".###..###.",
        "..........");
    WarpingResult result = WarpingError.warp(truth, cut);
    // Column 4 top-down: (1,4) simple, (2,4) bridges → kept; column 5: (1,5) simple, (2,5) bridges → kept.
    assertThat(result.counts().splitPixels()).isEqualTo(2);
    assertThat(result.counts().splits()).isEqualTo(1);
    assertThat(result.counts().mismatchPixels()).isEqualTo(2);
  }

  @Test
  void aMissedObjectIsAnErrorButNeitherSplitNorMerger() {
    LabelImage truth = picture(
        ".....",
        ".##..",
        ".##..",
        ".....");
    LabelImage empty = LabelImage.zeros(4, 5);
    WarpingResult result = WarpingError.warp(truth, empty);
    // The object shrinks to its last pixel, which cannot be deleted.
    assertThat(result.counts().mismatchPixels()).isEqualTo(1);
    assertThat(result.counts().splitPixels() + result.counts().mergePixels()).isZero();
    assertThat(result.counts().splitsAndMergersError()).isZero();
    long deletions = java.util.Arrays.stream(result.mismatchTypes().data())
        .filter(code -> code == MismatchType.OBJECT_DELETION.ordinal() + 1).count();
    assertThat(deletions).isEqualTo(1);
  }

  @Test
  void probabilityMapsAreThresholdedAndStrongestDisagreementsGoFirst() {
    LabelImage truth = picture(
        "......",
        ".####.",
        ".####.",
        "......");
    float[] p = new float[24];
    for (int i = 0; i < p.length; i++) {
      p[i] = truth.data()[i] != 0 ? 0.9f : 0.1f;
    }
    // A weak and a strong cut pixel in column 2: only the thresholded map counts, the cut still splits.
    p[1 * 6 + 2] = 0.3f;
    p[2 * 6 + 2] = 0.05f;
    WarpingResult strict = WarpingError.warp(truth, new FloatImage(1, 4, 6, p), 0.5);
    // (2,2) is farther from the threshold, tried first and removed; (1,2) then bridges the halves.
    assertThat(strict.typeAt(1, 2)).isEqualTo(MismatchType.SPLIT);
    assertThat(strict.counts().mismatchPixels()).isEqualTo(1);
    WarpingResult lenient = WarpingError.warp(truth, new FloatImage(1, 4, 6, p), 0.2);
    // At 0.2 only (2,2) is membrane: a dent, which warps away.
    assertThat(lenient.counts().mismatchPixels()).isZero();
  }

  @Test
  void sizesMustMatch() {
    assertThatThrownBy(() -> WarpingError.warp(LabelImage.zeros(2, 3), LabelImage.zeros(3, 2)))
        .hasMessageContaining("truth is 2×3 but the prediction is 3×2");
  }
}
