package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;

class NormalizationTest {

  /** NumPy's "linear" percentile written out directly on a sorted copy (independent of the code under test). */
  static double bruteForcePercentile(float[] values, double percent) {
    double[] sorted = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      sorted[i] = values[i];
    }
    Arrays.sort(sorted);
    double pos = percent / 100 * (sorted.length - 1);
    int i = (int) pos;
    return i + 1 < sorted.length ? sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
  }

  @Test
  void percentilesOfZeroToHundredAreExact() {
    float[] values = new float[101];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    for (int i = values.length - 1; i > 0; i--) { // shuffle: order must not matter
      int j = rng.nextInt(i + 1);
      float t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
    double[] p = Normalization.Percentile.percentiles(values, 0, values.length, 1.0, 99.8);
    assertThat(p[0]).isEqualTo(1.0);
    assertThat(p[1]).isCloseTo(99.8, offset(1e-12));

    FloatImage out = Normalization.percentile().apply(new FloatImage(1, 1, 101, values));
    for (int i = 0; i < values.length; i++) {
      assertThat(out.data()[i]).isCloseTo((float) ((values[i] - 1.0) / 98.8), offset(1e-6f));
    }
  }

  @Test
  void histogramPathMatchesSortingForLarge16BitImages() {
    SplittableRandom rng = new SplittableRandom(11);
    float[] values = new float[300 * 300];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) Math.min(65_535, Math.floor(Math.abs(rng.nextGaussian()) * 9000));
    }
    for (double percent : new double[] {0, 1, 37.5, 99.8, 100}) {
      double[] p = Normalization.Percentile.percentiles(values, 0, values.length, percent, 100);
      assertThat(p[0]).as("percentile %s", percent).isCloseTo(bruteForcePercentile(values, percent), offset(1e-9));
    }
  }

  @Test
  void eachChannelUsesItsOwnPercentiles() {
    // channel 0: 0..4, channel 1: 1000..1004 — both must map to the same 0, 0.25, …, 1 with percentiles 0 and 100
    FloatImage raw = new FloatImage(2, 1, 5, new float[] {0, 1, 2, 3, 4, 1000, 1001, 1002, 1003, 1004});
    FloatImage out = new Normalization.Percentile(0, 100).apply(raw);
    assertThat(out.data()).containsExactly(0f, 0.25f, 0.5f, 0.75f, 1f, 0f, 0.25f, 0.5f, 0.75f, 1f);
    assertThat(raw.get(1, 0, 0)).isEqualTo(1000f); // input untouched
  }

  @Test
  void sixteenBitFixedRangeDividesBy65535NotBy255() {
    FloatImage raw = new FloatImage(1, 1, 3, new float[] {0, 255, 65_535});
    FloatImage out = Normalization.fixedRange(SampleType.UINT16).apply(raw);
    assertThat(out.data()).containsExactly(0f, (float) (255.0 / 65_535), 1f);
    assertThat(Normalization.fixedRange(SampleType.UINT8).apply(raw).data()).containsExactly(0f, 1f, 257f);
  }

  @Test
  void constantChannelBecomesZeroAndNoneCopies() {
    FloatImage raw = new FloatImage(1, 1, 3, new float[] {7, 7, 7});
    assertThat(Normalization.percentile().apply(raw).data()).containsExactly(0f, 0f, 0f);
    assertThat(new Normalization.None().apply(raw)).isEqualTo(raw).isNotSameAs(raw);
  }

  @Test
  void invalidParametersAreRejected() {
    assertThatThrownBy(() -> new Normalization.Percentile(99, 1))
        .hasMessage("percentiles must satisfy 0 ≤ low < high ≤ 100, got low=99.0, high=1.0");
    assertThatThrownBy(() -> new Normalization.FixedRange(5, 5))
        .hasMessage("fixed range needs finite min < max, got min=5.0, max=5.0");
  }

  @Test
  void greyIsRec601LuminanceRgbReplicatesGreyFirstNKeepsChannels() {
    FloatImage rgb = new FloatImage(3, 1, 2, new float[] {100, 0, 0, 100, 0, 100});
    assertThat(new ChannelSelection.Grey().apply(rgb).data())
        .containsExactly((float) (0.299 * 100), (float) (0.587 * 100 + 0.114 * 100));
    FloatImage grey = new FloatImage(1, 1, 2, new float[] {3, 4});
    assertThat(new ChannelSelection.Rgb().apply(grey).data()).containsExactly(3f, 4f, 3f, 4f, 3f, 4f);
    assertThat(new ChannelSelection.FirstN(2).apply(rgb).data()).containsExactly(100f, 0f, 0f, 100f);
    assertThatThrownBy(() -> new ChannelSelection.FirstN(2).apply(grey))
        .hasMessage("image has 1 channel but first:2 needs at least 2");
    assertThat(ChannelSelection.parse("GRAY")).isEqualTo(new ChannelSelection.Grey());
    assertThat(ChannelSelection.parse("first:4")).isEqualTo(new ChannelSelection.FirstN(4));
    assertThatThrownBy(() -> ChannelSelection.parse("cmyk"))
        .hasMessage("unknown channel selection 'cmyk'; use grey, rgb or first:N");
  }
}
