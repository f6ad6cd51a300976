package org.unet4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An {@link ImageSink} writing an uncompressed little-endian TIFF, one page per channel, with pixels going straight to
 * their place in the file (positional writes), so memory use does not depend on the image size.
 *
 * <p>Layout: all page headers (IFDs) first, then the pixel data of page 0, page 1, …; either strips of whole rows
 * ({@code tileSizePx = 0}, readable by every TIFF reader including ImageJ's built-in one) or square tiles. The file
 * is written under a temporary name in the target directory and renamed on {@link #finish()}.
 *
 * <p>Limitations: no compression (regions arrive in arbitrary order, so compressed strips could not be placed); the
 * classic TIFF 4 GiB size limit applies (BigTIFF is not written).
 */
public final class TiffImageSink implements ImageSink {
  private static final long MAX_CLASSIC_TIFF_BYTES = 0xFFFF_FFFFL;
  private static final int STRIP_TARGET_BYTES = 64 * 1024;

  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private final int channels;
  private final int height;
  private final int width;
  private final SampleType sampleType;
  private final int bytesPerSample;
  private final int tileSizePx;
  private final int tilesAcross;
  private final long tileBytes;
  private final long pageBytes;
  private final long dataStart;
  private ByteBuffer rowBuffer;
  private boolean open = true;
  private boolean finished;

  private TiffImageSink(Path target, int channels, int height, int width, SampleType sampleType, int tileSizePx)
      throws IOException {
    this.target = target;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.sampleType = sampleType;
    this.bytesPerSample = sampleType.bitsPerSample() / 8;
    this.tileSizePx = tileSizePx;
    int blocks;
    if (tileSizePx > 0) {
      tilesAcross = ceilDiv(width, tileSizePx);
      blocks = tilesAcross * ceilDiv(height, tileSizePx);
      tileBytes = (long) tileSizePx * tileSizePx * bytesPerSample;
      pageBytes = blocks * tileBytes;
    } else {
      tilesAcross = 0;
      int rowsPerStrip = rowsPerStrip();
      blocks = ceilDiv(height, rowsPerStrip);
      tileBytes = (long) rowsPerStrip * width * bytesPerSample;
      pageBytes = (long) height * width * bytesPerSample;
    }
    long headerBytes = 8 + (long) channels * (ifdBytes() + 8L * blocks);
    dataStart = headerBytes + (headerBytes & 1); // word-align the data
    long total = dataStart + channels * pageBytes;
    if (total > MAX_CLASSIC_TIFF_BYTES) {
      throw new IllegalArgumentException(channels + "×" + height + "×" + width + " " + sampleType + " needs "
          + total + " bytes, more than the 4 GiB of a classic TIFF; write smaller images or fewer channels");
    }
    this.temporary = AtomicFiles.createTemporarySibling(target);
    this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
    try {
      channel.write(header(blocks), 0);
      // Reserve the full size: unwritten pixels read as 0 (a sparse file on most file systems).
      channel.write(ByteBuffer.allocate(1), total - 1);
    } catch (IOException | RuntimeException e) {
      channel.close();
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /**
   * Creates a sink for a {@code channels}×{@code height}×{@code width} image stored as {@code sampleType}.
   *
   * @param file the final file name (created or replaced on {@link #finish()})
   * @param sampleType {@link SampleType#FLOAT32} (probabilities), {@link SampleType#UINT8} or {@link SampleType#UINT16}
   *     (labels)
   * @param tileSizePx 0 for strips of whole rows, else the tile edge in pixels, a positive multiple of 16 (TIFF rule)
   */
  public static TiffImageSink create(Path file, int channels, int height, int width, SampleType sampleType,
      int tileSizePx) throws IOException {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("image size " + channels + "×" + height + "×" + width + " must be positive");
    }
    if (sampleType != SampleType.FLOAT32 && sampleType != SampleType.UINT8 && sampleType != SampleType.UINT16) {
      throw new IllegalArgumentException("TiffImageSink writes FLOAT32, UINT8 or UINT16, not " + sampleType);
    }
    if (tileSizePx < 0 || tileSizePx % 16 != 0) {
      throw new IllegalArgumentException("tile size " + tileSizePx + " px must be 0 (strips) or a multiple of 16");
    }
    return new TiffImageSink(file, channels, height, width, sampleType, tileSizePx);
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public void write(int y0, int x0, int h, int w, float[] src) throws IOException {
    if (!open || finished) {
      throw new IllegalStateException("sink for " + target + " is already " + (finished ? "finished" : "closed"));
    }
    if (h < 1 || w < 1 || y0 < 0 || x0 < 0 || (long) y0 + h > height || (long) x0 + w > width) {
      throw new IndexOutOfBoundsException("region y=" + y0 + "+" + h + ", x=" + x0 + "+" + w
          + " is empty or leaves the " + height + "×" + width + " image");
    }
    if (src.length < (long) channels * h * w) {
      throw new IndexOutOfBoundsException(src.length + " values are too few for " + channels + "×" + h + "×" + w);
    }
    checkValues(src, channels * h * w);
    for (int c = 0; c < channels; c++) {
      for (int dy = 0; dy < h; dy++) {
        int y = y0 + dy;
        int x = x0;
        int from = (c * h + dy) * w;
        while (x < x0 + w) {
          // A run of consecutive samples in the file: the rest of the row, or up to the tile's right edge.
          int run = tileSizePx > 0 ? Math.min(x0 + w - x, tileSizePx - x % tileSizePx) : x0 + w - x;
          writeRun(offsetOf(c, y, x), src, from + (x - x0), run);
          x += run;
        }
      }
    }
  }

  @Override
  public void finish() throws IOException {
    if (!open) {
      throw new IllegalStateException("sink for " + target + " is closed");
    }
    channel.force(false);
    channel.close();
    open = false;
    AtomicFiles.commit(temporary, target);
    finished = true;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      channel.close();
    }
    if (!finished) {
      Files.deleteIfExists(temporary);
    }
  }

  private long offsetOf(int c, int y, int x) {
    long page = dataStart + c * pageBytes;
    if (tileSizePx == 0) {
      return page + ((long) y * width + x) * bytesPerSample;
    }
    int ty = y / tileSizePx;
    int tx = x / tileSizePx;
    long tile = (long) ty * tilesAcross + tx;
    long inside = (long) (y - ty * tileSizePx) * tileSizePx + (x - tx * tileSizePx);
    return page + tile * tileBytes + inside * bytesPerSample;
  }

  private void writeRun(long offset, float[] src, int from, int count) throws IOException {
    int bytes = count * bytesPerSample;
    if (rowBuffer == null || rowBuffer.capacity() < bytes) {
      rowBuffer = ByteBuffer.allocate(Math.max(bytes, 4096)).order(ByteOrder.LITTLE_ENDIAN);
    }
    ByteBuffer b = rowBuffer.clear();
    switch (sampleType) {
      case FLOAT32 -> {
        for (int i = 0; i < count; i++) {
          b.putFloat(src[from + i]);
        }
      }
      case UINT16 -> {
        for (int i = 0; i < count; i++) {
          b.putShort((short) (int) src[from + i]);
        }
      }
      default -> {
        for (int i = 0; i < count; i++) {
          b.put((byte) (int) src[from + i]);
        }
      }
    }
    b.flip();
    while (b.hasRemaining()) {
      offset += channel.write(b, offset);
    }
  }

  private void checkValues(float[] src, int count) {
    if (sampleType == SampleType.FLOAT32) {
      return;
    }
    for (int i = 0; i < count; i++) {
      float v = src[i];
      if (v != Math.rint(v) || v < 0 || v > sampleType.maxValue()) {
        throw new IllegalArgumentException("value " + v + " at index " + i + " cannot be stored as " + sampleType
            + " (whole numbers 0.." + (long) sampleType.maxValue() + ") in " + target);
      }
    }
  }

  private int rowsPerStrip() {
    long rowBytes = (long) width * bytesPerSample;
    return (int) Math.max(1, Math.min(height, STRIP_TARGET_BYTES / Math.max(1, rowBytes)));
  }

  private ByteBuffer header(int blocks) {
    ByteBuffer b = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    boolean tiled = tileSizePx > 0;
    int entries = entryCount();
    long ifdAt = 8;
    for (int c = 0; c < channels; c++) {
      long offsetsAt = ifdAt + ifdBytes();
      long countsAt = offsetsAt + 4L * blocks;
      long next = countsAt + 4L * blocks;
      long pageStart = dataStart + c * pageBytes;
      long[] offsets = new long[blocks];
      long[] counts = new long[blocks];
      for (int i = 0; i < blocks; i++) {
        offsets[i] = pageStart + i * tileBytes;
        counts[i] = tiled || i + 1 < blocks ? tileBytes : pageBytes - i * tileBytes;
      }
      b.position((int) ifdAt);
      b.putShort((short) entries);
      // Entries in ascending tag order, as TIFF requires.
      shortOrLong(b, 256, 4, width); // ImageWidth
      shortOrLong(b, 257, 4, height); // ImageLength
      shortOrLong(b, 258, 3, sampleType.bitsPerSample()); // BitsPerSample
      shortOrLong(b, 259, 3, 1); // Compression: none
      shortOrLong(b, 262, 3, 1); // PhotometricInterpretation: BlackIsZero
      if (tiled) {
        shortOrLong(b, 277, 3, 1); // SamplesPerPixel
        shortOrLong(b, 284, 3, 1); // PlanarConfiguration: chunky
        shortOrLong(b, 322, 4, tileSizePx); // TileWidth
        shortOrLong(b, 323, 4, tileSizePx); // TileLength
        longArray(b, 324, offsets, offsetsAt); // TileOffsets
        longArray(b, 325, counts, countsAt); // TileByteCounts
      } else {
        longArray(b, 273, offsets, offsetsAt); // StripOffsets
        shortOrLong(b, 277, 3, 1); // SamplesPerPixel
        shortOrLong(b, 278, 4, rowsPerStrip()); // RowsPerStrip
        longArray(b, 279, counts, countsAt); // StripByteCounts
        shortOrLong(b, 284, 3, 1); // PlanarConfiguration: chunky
      }
      shortOrLong(b, 339, 3, sampleType == SampleType.FLOAT32 ? 3 : 1); // SampleFormat: IEEE float / unsigned
      b.putInt(c + 1 < channels ? (int) next : 0); // next IFD
      ifdAt = next;
    }
    return b.position(0);
  }

  private int entryCount() {
    return tileSizePx > 0 ? 12 : 11;
  }

  private int ifdBytes() {
    return 2 + 12 * entryCount() + 4;
  }

  private static void shortOrLong(ByteBuffer b, int tag, int type, long value) {
    b.putShort((short) tag).putShort((short) type).putInt(1);
    if (type == 3) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt((int) value);
    }
  }

  /** A LONG array entry: inline if it has one element (TIFF stores values of ≤ 4 bytes in the entry), else at arrayAt. */
  private static void longArray(ByteBuffer b, int tag, long[] values, long arrayAt) {
    b.putShort((short) tag).putShort((short) 4).putInt(values.length);
    if (values.length == 1) {
      b.putInt((int) values[0]);
      return;
    }
    b.putInt((int) arrayAt);
    for (int i = 0; i < values.length; i++) {
      b.putInt((int) (arrayAt + 4L * i), (int) values[i]);
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
