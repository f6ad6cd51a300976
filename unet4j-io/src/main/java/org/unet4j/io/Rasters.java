package org.unet4j.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;

/** Conversions between AWT rasters and unet4j images, shared by the readers and writers of this package. */
final class Rasters {
  private Rasters() {}

  /** The sample type of a decoded raster, or an error naming {@code file} if it is not one we handle. */
  static SampleType sampleTypeOf(SampleModel sm, Path file) throws ImageFormatException {
    int bits = 0;
    for (int s : sm.getSampleSize()) {
      bits = Math.max(bits, s);
    }
    boolean packed = sm instanceof SinglePixelPackedSampleModel || sm instanceof MultiPixelPackedSampleModel;
    return switch (sm.getDataType()) {
      case DataBuffer.TYPE_BYTE -> SampleType.UINT8;
      case DataBuffer.TYPE_USHORT -> bits <= 8 ? SampleType.UINT8 : SampleType.UINT16;
      case DataBuffer.TYPE_SHORT -> SampleType.INT16;
      case DataBuffer.TYPE_INT -> packed
          ? (bits <= 8 ? SampleType.UINT8 : bits <= 16 ? SampleType.UINT16 : SampleType.INT32)
          : SampleType.INT32;
      case DataBuffer.TYPE_FLOAT -> SampleType.FLOAT32;
      case DataBuffer.TYPE_DOUBLE -> SampleType.FLOAT64;
      default -> throw new ImageFormatException(file,
          file + ": unsupported sample format (AWT data type " + sm.getDataType() + ", " + bits
              + " bits per sample); convert it to 8/16-bit integer or 32-bit float");
    };
  }

  /** Number of colour channels (bands without alpha). */
  static int colourBands(ColorModel cm, Raster raster) {
    int bands = raster.getNumBands();
    return cm != null && cm.hasAlpha() && bands > 1 ? bands - 1 : bands;
  }

  /**
   * Copies the colour bands of {@code raster} (whose origin is its own minX/minY) into {@code dst} channel-major.
   * Palette images are expanded through the palette: to one grey channel if every entry is grey, else to RGB.
   */
  static void copyChannels(ColorModel cm, Raster raster, float[] dst, int dstOffset) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int x0 = raster.getMinX();
    int y0 = raster.getMinY();
    int plane = w * h;
    if (cm instanceof IndexColorModel icm) {
      int[] idx = raster.getSamples(x0, y0, w, h, 0, (int[]) null);
      boolean grey = isGreyPalette(icm);
      for (int i = 0; i < plane; i++) {
        int rgb = icm.getRGB(idx[i]);
        dst[dstOffset + i] = (rgb >> 16) & 0xFF;
        if (!grey) {
          dst[dstOffset + plane + i] = (rgb >> 8) & 0xFF;
          dst[dstOffset + 2 * plane + i] = rgb & 0xFF;
        }
      }
      return;
    }
    int channels = colourBands(cm, raster);
    float[] buffer = new float[plane];
    for (int b = 0; b < channels; b++) {
      raster.getSamples(x0, y0, w, h, b, buffer);
      System.arraycopy(buffer, 0, dst, dstOffset + b * plane, plane);
    }
  }

  /** Channels {@link #copyChannels} produces for this colour model and raster. */
  static int outputChannels(ColorModel cm, Raster raster) {
    if (cm instanceof IndexColorModel icm) {
      return isGreyPalette(icm) ? 1 : 3;
    }
    return colourBands(cm, raster);
  }

  static boolean isGreyPalette(IndexColorModel icm) {
    for (int i = 0; i < icm.getMapSize(); i++) {
      int r = icm.getRed(i);
      if (r != icm.getGreen(i) || r != icm.getBlue(i)) {
        return false;
      }
    }
    return true;
  }

  /** A whole decoded image as a {@link RawImage}. */
  static RawImage toRawImage(OpenedImage.Decoded decoded, Path file) throws ImageFormatException {
    ColorModel cm = decoded.colorModel();
    Raster raster = decoded.raster();
    SampleType type = cm instanceof IndexColorModel ? SampleType.UINT8 : sampleTypeOf(raster.getSampleModel(), file);
    int channels = outputChannels(cm, raster);
    float[] data = new float[channels * raster.getWidth() * raster.getHeight()];
    copyChannels(cm, raster, data, 0);
    return new RawImage(new FloatImage(channels, raster.getHeight(), raster.getWidth(), data), type);
  }

  /**
   * The stored integer values of band 0 (palette indices for palette images) as labels. Multi-band images are
   * accepted only if every colour band equals band 0; float data only if every value is a non-negative integer.
   */
  static LabelImage toLabels(OpenedImage.Decoded decoded, Path file) throws ImageFormatException {
    Raster raster = decoded.raster();
    ColorModel cm = decoded.colorModel();
    int w = raster.getWidth();
    int h = raster.getHeight();
    int x0 = raster.getMinX();
    int y0 = raster.getMinY();
    int[] labels = new int[w * h];
    int dataType = raster.getSampleModel().getDataType();
    if (dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE) {
      double[] values = raster.getSamples(x0, y0, w, h, 0, (double[]) null);
      for (int i = 0; i < values.length; i++) {
        double v = values[i];
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
          throw new ImageFormatException(file, file + ": label image has non-integer or negative value " + v
              + " at (y=" + (i / w) + ", x=" + (i % w) + "); labels must be whole numbers ≥ 0");
        }
        labels[i] = (int) v;
      }
    } else {
      raster.getSamples(x0, y0, w, h, 0, labels);
    }
    if (!(cm instanceof IndexColorModel)) {
      int[] other = new int[w * h];
      for (int b = 1; b < colourBands(cm, raster); b++) {
        raster.getSamples(x0, y0, w, h, b, other);
        for (int i = 0; i < other.length; i++) {
          if (other[i] != labels[i]) {
            throw new ImageFormatException(file, file + ": mask has " + colourBands(cm, raster)
                + " colour channels that differ (channel " + b + " at y=" + (i / w) + ", x=" + (i % w) + " is "
                + other[i] + ", channel 0 is " + labels[i] + "); save masks as single-channel label images");
          }
        }
      }
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new ImageFormatException(file, file + ": label image has negative value " + labels[i] + " at (y="
            + (i / w) + ", x=" + (i % w) + "); labels must be ≥ 0");
      }
    }
    return new LabelImage(h, w, labels);
  }

  /** The AWT data type storing {@code type}. */
  static int dataTypeOf(SampleType type) {
    return switch (type) {
      case UINT8 -> DataBuffer.TYPE_BYTE;
      case UINT16 -> DataBuffer.TYPE_USHORT;
      case INT16 -> DataBuffer.TYPE_SHORT;
      case INT32 -> DataBuffer.TYPE_INT;
      case FLOAT32 -> DataBuffer.TYPE_FLOAT;
      case FLOAT64 -> DataBuffer.TYPE_DOUBLE;
    };
  }

  /**
   * A grey (1 channel) or RGB (3 channels) image holding {@code pixels} stored as {@code type}. Integer types
   * require whole values inside the type's range.
   *
   * @throws IllegalArgumentException for another channel count or a value the type cannot hold exactly
   */
  static BufferedImage toBufferedImage(FloatImage pixels, SampleType type) {
    int c = pixels.channels();
    if (c != 1 && c != 3) {
      throw new IllegalArgumentException("can only encode 1 (grey) or 3 (RGB) channels in one page, got " + c
          + "; write channels as separate pages instead");
    }
    if (type.isInteger()) {
      float[] d = pixels.data();
      for (int i = 0; i < d.length; i++) {
        float v = d[i];
        if (v != Math.rint(v) || v < type.minValue() || v > type.maxValue()) {
          int plane = pixels.planeSize();
          throw new IllegalArgumentException("value " + v + " at (c=" + (i / plane) + ", y="
              + (i % plane / pixels.width()) + ", x=" + (i % pixels.width()) + ") cannot be stored as " + type
              + " (whole numbers " + (long) type.minValue() + ".." + (long) type.maxValue() + ")");
        }
      }
    }
    ColorSpace cs = ColorSpace.getInstance(c == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    ComponentColorModel cm =
        new ComponentColorModel(cs, false, false, Transparency.OPAQUE, dataTypeOf(type));
    WritableRaster raster = cm.createCompatibleWritableRaster(pixels.width(), pixels.height());
    float[] plane = new float[pixels.planeSize()];
    for (int b = 0; b < c; b++) {
      System.arraycopy(pixels.data(), b * plane.length, plane, 0, plane.length);
      raster.setSamples(0, 0, pixels.width(), pixels.height(), b, plane);
    }
    return new BufferedImage(cm, raster, false, null);
  }

  /**
   * The smallest label sample type for {@code labels}: {@link SampleType#UINT8} if every label ≤ 255, else
   * {@link SampleType#UINT16}.
   *
   * @throws IllegalArgumentException for a negative label or one above 65535
   */
  static SampleType labelTypeFor(Iterable<LabelImage> labels) {
    int max = 0;
    for (LabelImage image : labels) {
      for (int v : image.data()) {
        if (v < 0) {
          throw new IllegalArgumentException("label " + v + " is negative; label images hold values 0..65535");
        }
        max = Math.max(max, v);
      }
    }
    if (max > 65_535) {
      throw new IllegalArgumentException("label " + max + " exceeds 65535, the largest 16-bit label; "
          + "relabel the objects consecutively (1..n) or write a 32-bit TIFF with TiffImages.write");
    }
    return max <= 255 ? SampleType.UINT8 : SampleType.UINT16;
  }

  /** A grey image of {@code labels} stored as {@code type} (UINT8 or UINT16, checked by {@link #labelTypeFor}). */
  static BufferedImage labelsToBufferedImage(LabelImage labels, SampleType type) {
    BufferedImage image = new BufferedImage(labels.width(), labels.height(),
        type == SampleType.UINT8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY);
    image.getRaster().setSamples(0, 0, labels.width(), labels.height(), 0, labels.data());
    return image;
  }
}
