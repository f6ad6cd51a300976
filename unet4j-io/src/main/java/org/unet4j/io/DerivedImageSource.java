package org.unet4j.io;

import java.util.Objects;

/** An {@link ImageSource} computed region by region from another of the same height and width. */
abstract class DerivedImageSource implements ImageSource {
  final ImageSource source;

  DerivedImageSource(ImageSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public int height() {
    return source.height();
  }

  @Override
  public int width() {
    return source.width();
  }
}
