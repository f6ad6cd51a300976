package org.unet4j.io;

import java.nio.file.Path;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The sample encoding a TIFF page declares (tags BitsPerSample 258, SampleFormat 339, Predictor 317), read from the decoder's
 * native metadata tree (the same layout for the JDK's and TwelveMonkeys' TIFF readers), so that encodings the
 * decoders would misread are refused with a clear message instead of coming out as wrong numbers: TwelveMonkeys
 * 3.12 decodes signed 8-bit samples as unsigned (−63 → 193) and complex samples as garbage, and AWT has no unsigned
 * 32-bit type (values ≥ 2³¹ come out negative).
 *
 * @param bitsPerSample the largest BitsPerSample of the page's samples (1 if the tag is absent, as TIFF specifies)
 * @param sampleFormat 1 unsigned integer (the default), 2 signed integer, 3 IEEE float, 4 undefined, 5 complex
 *     integer, 6 complex float
 * @param predictor tag 317: 1 none (the default), 2 horizontal differencing, 3 floating-point
 */
record TiffSampleFormat(int bitsPerSample, int sampleFormat, int predictor) {
  private static final int TAG_BITS_PER_SAMPLE = 258;
  private static final int TAG_PREDICTOR = 317;
  private static final int TAG_SAMPLE_FORMAT = 339;
  private static final int NO_PREDICTOR = 1;
  static final int UNSIGNED = 1;
  static final int SIGNED = 2;
  static final int FLOAT = 3;
  static final int UNDEFINED = 4;

  /**
   * The declared encoding of a page, or null if {@code metadata} is not a TIFF metadata tree with these tags (then
   * the decoder's own checks apply).
   */
  static TiffSampleFormat of(IIOMetadata metadata) {
    if (metadata == null || metadata.getNativeMetadataFormatName() == null) {
      return null;
    }
    Node root = metadata.getAsTree(metadata.getNativeMetadataFormatName());
    int bits = largestValue(root, TAG_BITS_PER_SAMPLE);
    int format = largestValue(root, TAG_SAMPLE_FORMAT);
    int predictor = largestValue(root, TAG_PREDICTOR);
    if (bits < 0 && format < 0) {
      return null;
    }
    return new TiffSampleFormat(
        bits < 0 ? 1 : bits, format < 0 ? UNSIGNED : format, predictor < 0 ? NO_PREDICTOR : predictor);
  }

  /**
   * Whether the JDK's TIFF reader decodes this encoding correctly. It reads 16-bit floats as their raw bits and
   * refuses the horizontal-differencing predictor (which tifffile and libtiff write) for samples wider than 8 bits
   * and the floating-point predictor altogether; TwelveMonkeys handles all three.
   */
  boolean jdkReaderDecodesCorrectly() {
    boolean halfFloat = sampleFormat == FLOAT && bitsPerSample == 16;
    boolean predicted = predictor != NO_PREDICTOR && (bitsPerSample > 8 || predictor != 2);
    return !halfFloat && !predicted;
  }

  /** Whether samples are unsigned 32-bit integers, which AWT decodes into signed {@code int}s. */
  boolean isUnsigned32() {
    return (sampleFormat == UNSIGNED || sampleFormat == UNDEFINED) && bitsPerSample == 32;
  }

  /**
   * Refuses encodings no decoder here reads correctly: signed 8-bit, 64-bit integers, complex numbers, and integer
   * or float widths other than those listed in the message.
   *
   * @throws ImageFormatException naming {@code file}, the encoding and what to convert it to
   */
  void requireSupported(Path file, int page) throws ImageFormatException {
    boolean supported =
        switch (sampleFormat) {
          case UNSIGNED, UNDEFINED -> bitsPerSample <= 16 || bitsPerSample == 32;
          case SIGNED -> bitsPerSample == 16 || bitsPerSample == 32;
          case FLOAT -> bitsPerSample == 16 || bitsPerSample == 32 || bitsPerSample == 64;
          default -> false;
        };
    if (!supported) {
      throw new ImageFormatException(file, file + (page > 0 ? " page " + page : "") + " stores " + describe()
          + " samples (TIFF BitsPerSample " + bitsPerSample + ", SampleFormat " + sampleFormat
          + "), which unet4j does not read; supported are unsigned 1–16 and 32-bit integers, signed 16 and 32-bit"
          + " integers and 16/32/64-bit floats: convert the image, e.g. in Fiji with Image › Type › 16-bit or"
          + " 32-bit");
    }
  }

  private String describe() {
    String kind =
        switch (sampleFormat) {
          case UNSIGNED, UNDEFINED -> "unsigned integer";
          case SIGNED -> "signed integer";
          case FLOAT -> "floating-point";
          case 5 -> "complex integer";
          case 6 -> "complex floating-point";
          default -> "unknown (format " + sampleFormat + ")";
        };
    return bitsPerSample + "-bit " + kind;
  }

  /** The largest value of TIFF field {@code tag} anywhere in the tree (one value per sample), or −1 if absent. */
  private static int largestValue(Node node, int tag) {
    int best = -1;
    if (node instanceof Element e
        && "TIFFField".equals(e.getTagName())
        && String.valueOf(tag).equals(e.getAttribute("number"))) {
      return largestNumber(e);
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      best = Math.max(best, largestValue(child, tag));
    }
    return best;
  }

  /** The largest {@code value} attribute below a TIFFField element (TIFFShorts/TIFFShort value="…"). */
  private static int largestNumber(Node node) {
    int best = -1;
    if (node instanceof Element e && e.hasAttribute("value")) {
      try {
        best = Integer.parseInt(e.getAttribute("value").trim());
      } catch (NumberFormatException ignored) {
        // a named value ("value" with a description) carries no number here
      }
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      best = Math.max(best, largestNumber(child));
    }
    return best;
  }
}
