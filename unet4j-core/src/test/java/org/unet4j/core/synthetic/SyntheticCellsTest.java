package org.unet4j.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.weights.EuclideanDistanceTransform;

class SyntheticCellsTest {
  private static final int SIZE = 192;

  @Test
  void sameSeedGivesIdenticalImagesAndDifferentSeedsDoNot() {
    SyntheticCellsSpec spec = SyntheticCellsSpec.defaults(SIZE, SIZE);
    SyntheticImage a = SyntheticCells.generate(spec, 5);
    SyntheticImage b = SyntheticCells.generate(spec, 5);
    SyntheticImage c = SyntheticCells.generate(spec, 6);
    assertThat(a.image().data()).isEqualTo(b.image().data());
    assertThat(a.instances().data()).isEqualTo(b.instances().data());
    assertThat(differingPixels(a.instances(), c.instances())).isGreaterThan(SIZE * SIZE / 10);
    assertThat(meanAbsoluteDifference(a.image(), c.image())).isGreaterThan(0.02);
  }

  @Test
  void datasetImageDependsOnlyOnSeedAndIndex() {
    SyntheticCellsSpec spec = SyntheticStyle.NUCLEI.spec(96, 128);
    List<SyntheticImage> three = SyntheticCells.dataset(spec, 42, 3);
    List<SyntheticImage> five = SyntheticCells.dataset(spec, 42, 5);
    for (int i = 0; i < 3; i++) {
      assertThat(five.get(i)).isEqualTo(three.get(i));
      assertThat(SyntheticCells.generate(spec, 42, i)).isEqualTo(three.get(i));
    }
    assertThat(five.get(3).instances()).isNotEqualTo(five.get(4).instances());
    assertThat(SyntheticCells.dataset(spec, 43, 1).get(0).instances()).isNotEqualTo(three.get(0).instances());
    assertThat(SyntheticCells.imageSeed(42, 0)).isNotEqualTo(SyntheticCells.imageSeed(42, 1))
        .isNotEqualTo(SyntheticCells.imageSeed(43, 0)).isNotEqualTo(42L);
  }

  @Test
  void changingOnlyTheAcquisitionKeepsTheCells() {
    SyntheticCellsSpec spec = SyntheticCellsSpec.defaults(SIZE, SIZE);
    SyntheticImage noisy = SyntheticCells.generate(spec, 9);
    SyntheticImage clean = SyntheticCells.generate(spec.withAcquisition(Acquisition.ideal()), 9);
    assertThat(clean.instances()).isEqualTo(noisy.instances());
    assertThat(clean.image()).isNotEqualTo(noisy.image());
  }

  @ParameterizedTest
  @EnumSource(SyntheticStyle.class)
  void labelsAreConsecutiveFourConnectedCellsOfTheRequestedNumber(SyntheticStyle style) {
    SyntheticCellsSpec spec = style.spec(SIZE, SIZE);
    int total = 0;
    for (int seed = 0; seed < 6; seed++) {
      SyntheticImage sample = SyntheticCells.generate(spec, seed);
      LabelFacts facts = new LabelFacts(sample.instances());
      assertThat(LabelFacts.everyLabelIsOneFourConnectedPiece(sample.instances())).isTrue();
      for (int l = 1; l <= facts.count; l++) {
        assertThat(facts.areaPx[l]).isGreaterThanOrEqualTo(CellLayout.minAreaPx(spec.cells()));
      }
      assertThat(facts.count).isLessThanOrEqualTo(spec.cells().cellCount());
      total += facts.count;
    }
    // Presets are dense but not jammed: nearly every requested cell fits.
    assertThat(total).isGreaterThanOrEqualTo((int) (0.9 * 6 * spec.cells().cellCount()));
  }

  @ParameterizedTest
  @EnumSource(SyntheticStyle.class)
  void equivalentRadiiStayInTheSpecifiedRange(SyntheticStyle style) {
    SyntheticCellsSpec spec = style.spec(SIZE, SIZE);
    CellPopulation cells = spec.cells();
    double upper = cells.maxRadiusPx() * Math.sqrt(1 + 2 * cells.irregularity() * cells.irregularity()) + 1;
    int free = 0;
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (int seed = 0; seed < 10; seed++) {
      LabelFacts facts = new LabelFacts(SyntheticCells.generate(spec, seed).instances());
      for (int l = 1; l <= facts.count; l++) {
        double radius = Math.sqrt(facts.areaPx[l] / Math.PI);
        assertThat(radius).isLessThanOrEqualTo(upper);
        if (!facts.touchesImageBorder[l] && !facts.touchesCell[l]) {
          // a whole cell that shares no pixels with a neighbour has its full, unperturbed-scale area
          assertThat(radius).isGreaterThanOrEqualTo(cells.minRadiusPx() - 1);
          smallest = Math.min(smallest, radius);
          largest = Math.max(largest, radius);
          free++;
        }
      }
    }
    assertThat(free).isGreaterThanOrEqualTo(8);
    // uniform radii: the extremes of ≥ 8 free cells come near both ends of the range
    double range = cells.maxRadiusPx() - cells.minRadiusPx();
    assertThat(smallest).isLessThan(cells.minRadiusPx() + 0.5 * range);
    assertThat(largest).isGreaterThan(cells.maxRadiusPx() - 0.5 * range);
  }

  @ParameterizedTest
  @EnumSource(SyntheticStyle.class)
  void measuredTouchingFractionFollowsTheSpec(SyntheticStyle style) {
    SyntheticCellsSpec spec = style.spec(SIZE, SIZE);
    assertTouchingFractionNear(spec, spec.cells().touchingFraction());
  }

  @Test
  void almostAllCellsTouchWhenAskedTo() {
    SyntheticCellsSpec spec = SyntheticCellsSpec.defaults(SIZE, SIZE);
    assertTouchingFractionNear(spec.withCells(spec.cells().withTouchingFraction(0.9)), 0.9);
  }

  /** On average over 6 images, at least {@code target} and at most 0.15 more of the cells touch another cell. */
  private static void assertTouchingFractionNear(SyntheticCellsSpec spec, double target) {
    double sum = 0;
    int images = 6;
    for (int seed = 0; seed < images; seed++) {
      sum += new LabelFacts(SyntheticCells.generate(spec, seed).instances()).touchingFraction();
    }
    assertThat(sum / images).isBetween(target, target + 0.15);
  }

  @Test
  void withoutTouchingEveryCellKeepsAGapToTheOthers() {
    SyntheticCellsSpec base = SyntheticCellsSpec.defaults(SIZE, SIZE);
    SyntheticCellsSpec spec = base.withCells(base.cells().withTouchingFraction(0));
    for (int seed = 0; seed < 4; seed++) {
      LabelFacts facts = new LabelFacts(SyntheticCells.generate(spec, seed).instances());
      assertThat(facts.count).isGreaterThan(20);
      for (int l = 1; l <= facts.count; l++) {
        assertThat(facts.nearlyTouchesCell[l]).as("cell %d of seed %d", l, seed).isFalse();
      }
    }
  }

  @Test
  void defaultCellsAreBrighterThanTheBackgroundByManyNoiseLevels() {
    for (int seed = 0; seed < 4; seed++) {
      SyntheticImage sample = SyntheticCells.generate(SyntheticCellsSpec.defaults(SIZE, SIZE), seed);
      Regions regions = new Regions(sample);
      assertThat(regions.cellMean - regions.farMean).isGreaterThan(5 * regions.farSd);
      // dark lines between touching cells: contact pixels are darker than cell interiors
      assertThat(regions.contactMean).isLessThan(regions.cellInteriorMean - 2 * regions.farSd);
    }
  }

  @Test
  void phaseContrastCellsAreDarkerWithABrightHalo() {
    for (int seed = 0; seed < 4; seed++) {
      SyntheticImage sample = SyntheticCells.generate(SyntheticStyle.PHASE_CONTRAST.spec(SIZE, SIZE), seed);
      Regions regions = new Regions(sample);
      assertThat(regions.farMean - regions.cellInteriorMean).isGreaterThan(regions.farSd);
      assertThat(regions.haloMean - regions.farMean).isGreaterThan(1.5 * regions.farSd);
      // bright lines between touching cells
      assertThat(regions.contactMean).isGreaterThan(regions.cellInteriorMean + 2 * regions.farSd);
    }
  }

  @Test
  void dicCellsAreLitFromTheUpperLeft() {
    for (int seed = 0; seed < 4; seed++) {
      SyntheticImage sample = SyntheticCells.generate(SyntheticStyle.DIC.spec(SIZE, SIZE), seed);
      Regions regions = new Regions(sample);
      LabelImage labels = sample.instances();
      double upperLeft = 0;
      double lowerRight = 0;
      int nUpperLeft = 0;
      int nLowerRight = 0;
      for (int y = 1; y < SIZE - 1; y++) {
        for (int x = 1; x < SIZE - 1; x++) {
          if (labels.get(y, x) == 0) {
            continue;
          }
          // outer edge pixels of a cell facing the background up-left or down-right
          if (labels.get(y - 1, x - 1) == 0 && labels.get(y + 1, x + 1) != 0) {
            upperLeft += sample.image().get(0, y, x);
            nUpperLeft++;
          } else if (labels.get(y + 1, x + 1) == 0 && labels.get(y - 1, x - 1) != 0) {
            lowerRight += sample.image().get(0, y, x);
            nLowerRight++;
          }
        }
      }
      assertThat(upperLeft / nUpperLeft - lowerRight / nLowerRight).isGreaterThan(3 * regions.farSd);
    }
  }

  @Test
  void noiseOnAFlatBackgroundHasTheSpecifiedLevel() {
    double background = 0.3;
    double photons = 400;
    double readSd = 0.02;
    SyntheticCellsSpec spec = flat(256, background, new Acquisition(1.5, 0, photons, readSd));
    float[] values = SyntheticCells.generate(spec, 1).image().data();
    double expectedSd = Math.sqrt(background / photons + readSd * readSd);
    assertThat(mean(values)).isCloseTo(background, within(0.002));
    assertThat(sd(values)).isCloseTo(expectedSd, within(0.03 * expectedSd));

    float[] shotOnly = SyntheticCells.generate(flat(256, background, new Acquisition(0, 0, photons, 0)), 2).image()
        .data();
    assertThat(sd(shotOnly)).isCloseTo(Math.sqrt(background / photons), within(0.03 * Math.sqrt(background / photons)));
    // shot noise is quantised in photons: every value is a whole number of photons
    for (int i = 0; i < 1000; i++) {
      double count = shotOnly[i] * photons;
      assertThat(count).isCloseTo(Math.rint(count), within(1e-3));
    }
  }

  @ParameterizedTest
  @EnumSource(SyntheticStyle.class)
  void noiseMatchesTheSpecEverywhereInACellImage(SyntheticStyle style) {
    // Same seed with and without noise: the specimen is identical, so the difference is pure noise whose variance
    // is v / photons + readSd² at every pixel of clean value v.
    SyntheticCellsSpec spec = style.spec(SIZE, SIZE);
    Acquisition noisy = spec.acquisition();
    float[] clean = SyntheticCells.generate(spec.withAcquisition(noisy.withNoise(0, 0)), 3).image().data();
    float[] observed = SyntheticCells.generate(spec, 3).image().data();
    double sumSquares = 0;
    int used = 0;
    for (int i = 0; i < clean.length; i++) {
      double sd = Math.sqrt(clean[i] / noisy.photonsAtFullScale() + noisy.readNoiseSd() * noisy.readNoiseSd());
      if (clean[i] - 6 * sd < 0 || clean[i] + 6 * sd > 1) {
        continue; // clipping at 0 or 1 would shrink the noise
      }
      double z = (observed[i] - clean[i]) / sd;
      sumSquares += z * z;
      used++;
    }
    // dark fluorescence backgrounds lie within 6 sd of 0 and are left out
    assertThat(used).isGreaterThan(clean.length / 10);
    assertThat(sumSquares / used).isCloseTo(1.0, within(0.05));
  }

  @Test
  void unevenIlluminationIsMeasurableAndAbsentWhenDisabled() {
    double background = 0.4;
    float[] even = SyntheticCells.generate(flat(128, background, Acquisition.ideal()), 4).image().data();
    for (float v : even) {
      assertThat((double) v).isCloseTo(background, within(1e-6));
    }
    double unevenness = 0.3;
    float[] uneven =
        SyntheticCells.generate(flat(128, background, Acquisition.ideal().withIlluminationUnevenness(unevenness)), 4)
            .image().data();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (float v : uneven) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // 1 + u·g with g ∈ [−1, 1]; the vignette alone spans 0.8 of g and the ramp adds at least 0.6·(1/√2)
    assertThat(min).isGreaterThanOrEqualTo(background * (1 - unevenness) - 1e-6);
    assertThat(max).isLessThanOrEqualTo(background * (1 + unevenness) + 1e-6);
    assertThat((max - min) / background).isGreaterThan(unevenness);

    // with noise: 32×32 block means vary far beyond their standard error only when the illumination is uneven
    Acquisition noisy = new Acquisition(1, 0, 200, 0.01);
    assertThat(blockMeanRange(flat(256, background, noisy.withIlluminationUnevenness(0.2)), 32))
        .isGreaterThan(0.1 * background);
    double blockSe = Math.sqrt(background / 200 + 1e-4) / 32;
    assertThat(blockMeanRange(flat(256, background, noisy), 32)).isLessThan(10 * blockSe);
  }

  @Test
  void emptySpecimenHasNoCells() {
    SyntheticImage empty = SyntheticCells.generate(flat(64, 0.2, Acquisition.ideal()), 0);
    assertThat(empty.cellCount()).isZero();
    assertThat(empty.instances().data()).containsOnly(0);
  }

  @Test
  void negativeImageIndexOrCountIsRejected() {
    SyntheticCellsSpec spec = SyntheticCellsSpec.defaults(64, 64);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyntheticCells.generate(spec, 1, -1))
        .hasMessageContaining("image index -1 must be ≥ 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyntheticCells.dataset(spec, 1, -2))
        .hasMessageContaining("image count -2 must be ≥ 0");
  }

  /** A spec without cells or texture: background plus the given acquisition. */
  static SyntheticCellsSpec flat(int size, double background, Acquisition acquisition) {
    SyntheticCellsSpec base = SyntheticCellsSpec.defaults(size, size);
    CellAppearance look = base.appearance();
    CellAppearance flatLook = new CellAppearance(look.contrastMode(), background, 0, look.cellContrast(),
        look.cellContrastSpread(), look.edgeSoftnessPx(), look.textureStrength(), look.textureScalePx(),
        look.nucleusContrast(), look.boundaryContrast(), look.boundaryWidthPx(), 0, 1);
    return new SyntheticCellsSpec(size, size, base.cells().withCellCount(0), flatLook, acquisition);
  }

  private static double blockMeanRange(SyntheticCellsSpec spec, int block) {
    float[] values = SyntheticCells.generate(spec, 8).image().data();
    int size = spec.heightPx();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int by = 0; by < size; by += block) {
      for (int bx = 0; bx < size; bx += block) {
        double sum = 0;
        for (int y = by; y < by + block; y++) {
          for (int x = bx; x < bx + block; x++) {
            sum += values[y * size + x];
          }
        }
        min = Math.min(min, sum / (block * block));
        max = Math.max(max, sum / (block * block));
      }
    }
    return max - min;
  }

  /**
   * Mean grey values of cell pixels, cell interiors (≥ 4 px from the background and 3 px from other cells), contact
   * pixels (a right neighbour of another cell), halo pixels (background ≤ 2 px from a cell) and far background
   * (≥ 10 px from every cell), and the noise level of the far background.
   */
  static final class Regions {
    double cellMean;
    double cellInteriorMean;
    double contactMean;
    double haloMean;
    double farMean;
    double farSd;

    @Override
    public String toString() {
      return String.format("cells %.4f interior %.4f contact %.4f halo %.4f far %.4f noise sd %.4f", cellMean,
          cellInteriorMean, contactMean, haloMean, farMean, farSd);
    }

    Regions(SyntheticImage sample) {
      LabelImage labels = sample.instances();
      float[] v = sample.image().data();
      int h = labels.height();
      int w = labels.width();
      boolean[] cell = new boolean[h * w];
      for (int i = 0; i < cell.length; i++) {
        cell[i] = labels.data()[i] != 0;
      }
      float[] toCell = EuclideanDistanceTransform.distances(cell, h, w);
      boolean[] background = new boolean[h * w];
      for (int i = 0; i < cell.length; i++) {
        background[i] = !cell[i];
      }
      float[] toBackground = EuclideanDistanceTransform.distances(background, h, w);
      double[] sums = new double[5];
      int[] counts = new int[5];
      double neighbourSquares = 0;
      int neighbourPairs = 0;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          int l = labels.data()[i];
          if (l != 0) {
            add(sums, counts, 0, v[i]);
            if (toBackground[i] >= 4 && !nearOtherLabel(labels, y, x, 3)) {
              add(sums, counts, 1, v[i]);
            }
            if (x + 1 < w && labels.get(y, x + 1) != 0 && labels.get(y, x + 1) != l) {
              add(sums, counts, 2, v[i]);
            }
          } else if (toCell[i] <= 2) {
            add(sums, counts, 3, v[i]);
          } else if (toCell[i] >= 10) {
            add(sums, counts, 4, v[i]);
            if (x + 1 < w && toCell[i + 1] >= 10) {
              double step = v[i + 1] - v[i];
              neighbourSquares += step * step;
              neighbourPairs++;
            }
          }
        }
      }
      cellMean = sums[0] / counts[0];
      cellInteriorMean = sums[1] / counts[1];
      contactMean = sums[2] / counts[2];
      haloMean = sums[3] / counts[3];
      farMean = sums[4] / counts[4];
      // The noise is white (added after the blur) and the illumination and haze are smooth, so differences of
      // horizontal neighbours hold the noise alone, with twice its variance.
      farSd = Math.sqrt(neighbourSquares / neighbourPairs / 2);
    }

    private static void add(double[] sums, int[] counts, int k, double value) {
      sums[k] += value;
      counts[k]++;
    }

    private static boolean nearOtherLabel(LabelImage labels, int y, int x, int r) {
      int l = labels.get(y, x);
      for (int dy = -r; dy <= r; dy++) {
        for (int dx = -r; dx <= r; dx++) {
          int ny = y + dy;
          int nx = x + dx;
          if (ny >= 0 && nx >= 0 && ny < labels.height() && nx < labels.width()) {
            int o = labels.get(ny, nx);
            if (o != 0 && o != l) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }

  static double mean(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  static double sd(float[] values) {
    double m = mean(values);
    double sum = 0;
    for (float v : values) {
      sum += (v - m) * (v - m);
    }
    return Math.sqrt(sum / values.length);
  }

  private static int differingPixels(LabelImage a, LabelImage b) {
    int n = 0;
    for (int i = 0; i < a.data().length; i++) {
      n += (a.data()[i] == 0) != (b.data()[i] == 0) ? 1 : 0;
    }
    return n;
  }

  private static double meanAbsoluteDifference(FloatImage a, FloatImage b) {
    double sum = 0;
    for (int i = 0; i < a.data().length; i++) {
      sum += Math.abs(a.data()[i] - b.data()[i]);
    }
    return sum / a.data().length;
  }
}
