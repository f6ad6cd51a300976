package org.unet4j.io;

/** Lossless TIFF compression schemes this library writes (and reads). */
public enum TiffCompression {
  /** No compression: largest files, fastest, and the only scheme {@link TiledTiffSink} writes. */
  NONE("None"),
  /** Lempel-Ziv-Welch. */
  LZW("LZW"),
  /** Deflate (zlib, TIFF compression code 8 "Adobe Deflate"), usually the smallest for float data. */
  DEFLATE("ZLib"),
  /** PackBits run-length encoding, good for label images with large uniform areas. */
  PACKBITS("PackBits");

  private final String imageIoName;

  TiffCompression(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** The compression type name of the ImageIO TIFF writers. */
  String imageIoName() {
    return imageIoName;
  }
}
