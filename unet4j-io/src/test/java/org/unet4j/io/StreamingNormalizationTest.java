package org.unet4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.unet4j.core.image.FloatImage;

class StreamingNormalizationTest {

  /** An in-memory source that also records the largest region it was asked for. */
  static final class MemorySource implements ImageSource {
    final FloatImage image;
    long largestRegion;

    MemorySource(FloatImage image) {
      this.image = image;
    }

    @Override
    public int height() {
      return image.height();
    }

    @Override
    public int width() {
      return image.width();
    }

    @Override
    public int channels() {
      return image.channels();
    }

    @Override
    public void read(int y0, int x0, int h, int w, float[] dst) {
      ImageSource.checkRegion(this, y0, x0, h, w, dst.length);
      largestRegion = Math.max(largestRegion, (long) h * w);
      for (int c = 0; c < image.channels(); c++) {
        for (int y = 0; y < h; y++) {
          System.arraycopy(image.data(), (c * image.height() + y0 + y) * image.width() + x0, dst, (c * h + y) * w, w);
        }
      }
    }
  }

  static FloatImage read(ImageSource source) throws IOException {
    FloatImage out = FloatImage.zeros(source.channels(), source.height(), source.width());
    source.read(0, 0, source.height(), source.width(), out.data());
    return out;
  }

  /** Floats of every kind: negatives, ±0, ties, a NaN sprinkle; channel 2 constant, channel 3 all NaN. */
  static FloatImage awkward(int height, int width, long seed) {
    Random random = new Random(seed);
    FloatImage image = FloatImage.zeros(4, height, width);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double g = random.nextGaussian();
        float v = switch (random.nextInt(10)) {
          case 0 -> Float.NaN;
          case 1 -> -0.0f;
          case 2 -> 0.0f;
          case 3 -> (float) Math.round(g * 3); // ties
          default -> (float) (g * 1e3);
        };
        image.set(0, y, x, v);
        image.set(1, y, x, (float) Math.exp(g * 4));
        image.set(2, y, x, 7.25f);
        image.set(3, y, x, Float.NaN);
      }
    }
    return image;
  }

  @Test
  void streamedPercentilesEqualTheInMemoryOnesExactly() throws IOException {
    FloatImage image = awkward(157, 203, 1);
    for (double[] p : new double[][] {{1, 99.8}, {0, 100}, {50, 50.5}, {12.5, 87.5}}) {
      MemorySource source = new MemorySource(image);
      double[][] streamed = StreamingPercentiles.of(source, p[0], p[1], 1000); // strips of ~5 rows
      for (int c = 0; c < image.channels(); c++) {
        double[] expected = Normalization.Percentile.percentiles(image.data(), c * image.planeSize(),
            image.planeSize(), p[0], p[1]);
        assertThat(streamed[c]).as("channel " + c + ", percentiles " + p[0] + "/" + p[1]).containsExactly(expected);
      }
      assertThat(source.largestRegion).isLessThanOrEqualTo(1000);
    }
  }

  @Test
  void streamedNormalizationOfSixteenBitDataEqualsTheHistogramPathExactly() throws IOException {
    // ≥ 65 536 integer values in 0..65535: the in-memory code takes its counting-histogram path
    Random random = new Random(2);
    FloatImage image = FloatImage.zeros(1, 300, 260);
    for (int i = 0; i < image.data().length; i++) {
      image.data()[i] = Math.min(65_535, Math.abs((int) (random.nextGaussian() * 9000 + 20_000)));
    }
    Normalization percentile = Normalization.percentile();
    MemorySource source = new MemorySource(image);
    assertThat(read(percentile.mappingFor(source).applyTo(source))).isEqualTo(percentile.apply(image));
  }

  @Test
  void everyNormalizationMapsRegionsExactlyAsItMapsTheLoadedImage() throws IOException {
    FloatImage image = awkward(64, 90, 3);
    for (Normalization n : new Normalization[] {
        Normalization.percentile(), new Normalization.Percentile(5, 95), new Normalization.FixedRange(-100, 900),
        new Normalization.None()}) {
      MemorySource source = new MemorySource(image);
      ImageSource mapped = n.mappingFor(source).applyTo(source);
      FloatImage expected = n.apply(image);
      // a region in the middle maps like the same pixels of the whole image
      float[] region = new float[4 * 10 * 20];
      mapped.read(30, 40, 10, 20, region);
      for (int c = 0; c < 4; c++) {
        for (int y = 0; y < 10; y++) {
          for (int x = 0; x < 20; x++) {
            assertThat(Float.floatToIntBits(region[(c * 10 + y) * 20 + x])).as(n + " c" + c)
                .isEqualTo(Float.floatToIntBits(expected.get(c, 30 + y, 40 + x)));
          }
        }
      }
      assertThat(read(mapped)).as(n.toString()).isEqualTo(expected);
    }
  }

  @Property
  void keysSortLikeFloatsAndMapBack(@ForAll float a, @ForAll float b) {
    if (Float.isNaN(a) || Float.isNaN(b)) {
      return;
    }
    assertThat(Float.floatToRawIntBits(StreamingPercentiles.valueOf(StreamingPercentiles.keyOf(a) & 0xFFFF_FFFFL)))
        .isEqualTo(Float.floatToRawIntBits(a));
    int byFloat = Float.compare(a, b); // −0 < +0, like Arrays.sort
    int byKey = Integer.compareUnsigned(StreamingPercentiles.keyOf(a), StreamingPercentiles.keyOf(b));
    assertThat(Integer.signum(byKey)).isEqualTo(Integer.signum(byFloat));
  }

  @Test
  void channelSelectionOfRegionsEqualsSelectionOfTheWholeImage() throws IOException {
    FloatImage rgb = awkward(30, 40, 4).channel(1);
    FloatImage three = new FloatImage(3, 30, 40, new float[3 * 1200]);
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 1200; i++) {
        three.data()[c * 1200 + i] = rgb.data()[i] * (c + 1) + c;
      }
    }
    ChannelSelection grey = new ChannelSelection.Grey();
    ImageSource view = grey.applyTo(new MemorySource(three));
    assertThat(view.channels()).isEqualTo(1);
    float[] region = new float[5 * 7];
    view.read(3, 11, 5, 7, region);
    FloatImage expected = grey.apply(three);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        assertThat(region[y * 7 + x]).isEqualTo(expected.get(0, 3 + y, 11 + x));
      }
    }
    assertThatThrownBy(() -> new ChannelSelection.FirstN(4).applyTo(new MemorySource(three)))
        .hasMessageContaining("first:4 needs at least 4");
  }
}
