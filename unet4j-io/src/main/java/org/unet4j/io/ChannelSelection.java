package org.unet4j.io;

import org.unet4j.core.image.FloatImage;

/**
 * Which channels of a decoded image feed the network: {@link Grey} (1 channel; luminance of RGB), {@link Rgb}
 * (3 channels; grey is replicated) or {@link FirstN} (the first n channels as stored).
 */
public sealed interface ChannelSelection {

  /** Number of channels {@link #apply} produces. */
  int outputChannels();

  /**
   * The selected channels of {@code image} as a new image.
   *
   * @throws IllegalArgumentException if {@code image} has a channel count this selection cannot use
   */
  FloatImage apply(FloatImage image);

  /**
   * A view of {@code source} whose regions come out with the selected channels (each region through {@link #apply}),
   * for images read region by region.
   *
   * @throws IllegalArgumentException if {@code source} has a channel count this selection cannot use
   */
  default ImageSource applyTo(ImageSource source) {
    apply(FloatImage.zeros(source.channels(), 1, 1)); // fail now, with apply's message, not at the first read
    ChannelSelection selection = this;
    return new DerivedImageSource(source) {
      @Override
      public int channels() {
        return outputChannels();
      }

      @Override
      public void read(int y0, int x0, int h, int w, float[] dst) throws java.io.IOException {
        ImageSource.checkRegion(this, y0, x0, h, w, dst.length);
        float[] raw = new float[source.channels() * h * w];
        source.read(y0, x0, h, w, raw);
        FloatImage selected = selection.apply(new FloatImage(source.channels(), h, w, raw));
        System.arraycopy(selected.data(), 0, dst, 0, selected.data().length);
      }
    };
  }

  /**
   * Parses {@code grey} (or {@code gray}), {@code rgb} or {@code first:N}, case-insensitive.
   *
   * @throws IllegalArgumentException for anything else
   */
  static ChannelSelection parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("grey") || t.equals("gray")) {
      return new Grey();
    }
    if (t.equals("rgb")) {
      return new Rgb();
    }
    if (t.startsWith("first:")) {
      try {
        return new FirstN(Integer.parseInt(t.substring("first:".length())));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new IllegalArgumentException("unknown channel selection '" + text + "'; use grey, rgb or first:N");
  }

  /**
   * One channel: a grey image as is, or the Rec. 601 luminance {@code 0.299·R + 0.587·G + 0.114·B} of the first three
   * channels of an image with 3 or more channels (alpha is never present in decoded images).
   */
  record Grey() implements ChannelSelection {
    @Override
    public int outputChannels() {
      return 1;
    }

    @Override
    public FloatImage apply(FloatImage image) {
      if (image.channels() == 1) {
        return image.copy();
      }
      if (image.channels() < 3) {
        throw new IllegalArgumentException("cannot make grey from " + image.channels()
            + " channels (need 1, or ≥ 3 for RGB luminance); use first:1 to take the first channel");
      }
      int plane = image.planeSize();
      float[] d = image.data();
      float[] out = new float[plane];
      for (int i = 0; i < plane; i++) {
        out[i] = (float) (0.299 * d[i] + 0.587 * d[plane + i] + 0.114 * d[2 * plane + i]);
      }
      return new FloatImage(1, image.height(), image.width(), out);
    }
  }

  /** Three channels: RGB as is (extra channels dropped), grey replicated into R, G and B. */
  record Rgb() implements ChannelSelection {
    @Override
    public int outputChannels() {
      return 3;
    }

    @Override
    public FloatImage apply(FloatImage image) {
      int plane = image.planeSize();
      float[] out = new float[3 * plane];
      if (image.channels() == 1) {
        for (int c = 0; c < 3; c++) {
          System.arraycopy(image.data(), 0, out, c * plane, plane);
        }
      } else if (image.channels() >= 3) {
        System.arraycopy(image.data(), 0, out, 0, 3 * plane);
      } else {
        throw new IllegalArgumentException("cannot make RGB from " + image.channels()
            + " channels (need 1 or ≥ 3); use first:" + image.channels());
      }
      return new FloatImage(3, image.height(), image.width(), out);
    }
  }

  /**
   * The first {@code n} channels as stored.
   *
   * @param n channels to keep, ≥ 1
   */
  record FirstN(int n) implements ChannelSelection {
    /** Checks {@code n ≥ 1}. */
    public FirstN {
      if (n < 1) {
        throw new IllegalArgumentException("first:N needs N ≥ 1, got " + n);
      }
    }

    @Override
    public int outputChannels() {
      return n;
    }

    @Override
    public FloatImage apply(FloatImage image) {
      if (image.channels() < n) {
        throw new IllegalArgumentException("image has " + image.channels() + " channel"
            + (image.channels() == 1 ? "" : "s") + " but first:" + n + " needs at least " + n);
      }
      int plane = image.planeSize();
      float[] out = java.util.Arrays.copyOf(image.data(), n * plane);
      return new FloatImage(n, image.height(), image.width(), out);
    }
  }
}
