package org.unet4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unet4j.core.image.LabelImage;

/**
 * Rand and VI against scikit-image 0.19 on the label images in {@code reference/skimage-rand-vi/} (written, with
 * the expected values, by the committed {@code generate.py}). The test maps scikit-image's conventions onto ours:
 *
 * <ul>
 *   <li>{@code adapted_rand_error} = 1 − F, where F uses pair sums without self-pairs ({@code Σx² − n}) and keeps
 *       prediction label 0 as an ordinary segment: that is {@link RandCounts#classic} of the truth-foreground table,
 *       with n subtracted from each sum. (Our ISBI {@link RandCounts#vRand} counts self-pairs, and label 0 of the
 *       proposal as singletons.)
 *   <li>{@code variation_of_information} returns [H(pred|truth), H(truth|pred)] in bits; ours are nats.
 * </ul>
 */
class SkimageGoldenTest {

  private static final String DIR = "/reference/skimage-rand-vi/";
  private static final double LN2 = Math.log(2);

  record Expected(
      String name, double adaptedRandError, double precisionByTruth, double recallByPrediction,
      double predGivenTruthBits, double truthGivenPredBits, double predGivenTruthForegroundBits,
      double truthGivenPredForegroundBits, double randIndex, double vInfo) {}

  static List<Expected> cases() throws IOException {
    List<Expected> cases = new ArrayList<>();
    for (String line : read("expected.csv")) {
      if (line.startsWith("#") || line.startsWith("case,") || line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      double[] v = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
      cases.add(new Expected(f[0], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
    }
    assertThat(cases).hasSize(4);
    return cases;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void adaptedRandErrorMatchesScikitImage(Expected expected) throws IOException {
    RandCounts counts = RandCounts.classic(ContingencyTable.ofTruthForeground(truth(expected), pred(expected)));
    double n = counts.pixels();
    double overlaps = counts.overlapPairs() - n;
    double byTruth = counts.truthPairs() - n;
    double byPrediction = counts.segmentPairs() - n;
    assertThat(overlaps / byTruth).isCloseTo(expected.precisionByTruth(), within(1e-12));
    assertThat(overlaps / byPrediction).isCloseTo(expected.recallByPrediction(), within(1e-12));
    assertThat(1 - overlaps / (0.5 * byTruth + 0.5 * byPrediction))
        .isCloseTo(expected.adaptedRandError(), within(1e-12));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void randIndexMatchesBruteForcePairs(Expected expected) throws IOException {
    assertThat(RandCounts.classic(ContingencyTable.of(truth(expected), pred(expected))).randIndex())
        .isCloseTo(expected.randIndex(), within(1e-12));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void conditionalEntropiesMatchScikitImage(Expected expected) throws IOException {
    InformationCounts all = InformationCounts.classic(ContingencyTable.of(truth(expected), pred(expected)));
    assertThat(all.proposedGivenTruth() / LN2).isCloseTo(expected.predGivenTruthBits(), within(1e-9));
    assertThat(all.truthGivenProposed() / LN2).isCloseTo(expected.truthGivenPredBits(), within(1e-9));
    assertThat(all.vInfo()).isCloseTo(expected.vInfo(), within(1e-9));
    InformationCounts foreground =
        InformationCounts.classic(ContingencyTable.ofTruthForeground(truth(expected), pred(expected)));
    assertThat(foreground.proposedGivenTruth() / LN2)
        .isCloseTo(expected.predGivenTruthForegroundBits(), within(1e-9));
    assertThat(foreground.truthGivenProposed() / LN2)
        .isCloseTo(expected.truthGivenPredForegroundBits(), within(1e-9));
  }

  private static LabelImage truth(Expected e) throws IOException {
    return image("case-" + e.name() + "-truth.csv");
  }

  private static LabelImage pred(Expected e) throws IOException {
    return image("case-" + e.name() + "-pred.csv");
  }

  private static LabelImage image(String file) throws IOException {
    List<String> rows = read(file).stream().filter(line -> !line.isBlank()).toList();
    int width = rows.get(0).split(",").length;
    int[] data = rows.stream().flatMapToInt(row -> Arrays.stream(row.split(",")).mapToInt(Integer::parseInt))
        .toArray();
    return new LabelImage(rows.size(), width, data);
  }

  private static List<String> read(String file) throws IOException {
    try (InputStream in = SkimageGoldenTest.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IOException("missing test resource " + DIR + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
