package org.unet4j.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How a training-data folder is organised. Each layout turns a root folder into {@link SamplePair}s:
 *
 * <ul>
 *   <li>{@link #PAIRED}: {@code root/images/NAME.ext} with {@code root/masks/NAME[suffix].ext} (or {@code labels/}),
 *       matched by file-name stem; the mask may end in {@code _mask(s)}, {@code _label(s)}, {@code _seg} or
 *       {@code _gt} (also with '-'). Images without a mask are skipped with a warning; no pair at all is an error.
 *   <li>{@link #CTC}: Cell Tracking Challenge, {@code root/01/t000.tif} with {@code root/01_GT/SEG/man_seg000.tif},
 *       for every sequence {@code 01, 02, …}; only frames with ground truth are used (sparse annotation); 3D slice
 *       annotations {@code man_seg_TTT_ZZZ.tif} are ignored with a warning.
 *   <li>{@link #ISBI}: ISBI 2012 stacks {@code root/train-volume.tif} and {@code root/train-labels.tif}, page i with
 *       page i; the page counts must match.
 * </ul>
 */
public enum DatasetLayout {
  /** {@code images/} + {@code masks/} folders matched by name. */
  PAIRED {
    @Override
    public DatasetScan scan(Path root) throws IOException {
      return PairedFolders.scan(root);
    }
  },
  /** Cell Tracking Challenge sequences with {@code NN_GT/SEG} ground truth. */
  CTC {
    @Override
    public DatasetScan scan(Path root) throws IOException {
      return CtcFolders.scan(root);
    }

    /** CTC ground truth is instance labels by definition, so AUTO means INSTANCES here. */
    @Override
    public MaskMode maskModeFor(MaskMode requested) {
      return requested == MaskMode.AUTO ? MaskMode.INSTANCES : requested;
    }
  },
  /** ISBI 2012 multipage stacks. */
  ISBI {
    @Override
    public DatasetScan scan(Path root) throws IOException {
      return IsbiStacks.scan(root);
    }
  };

  /**
   * Finds the image/mask pairs under {@code root}, in natural file-name order.
   *
   * @throws DatasetException if the folder does not follow this layout, no pair is found, or files are ambiguous
   */
  public abstract DatasetScan scan(Path root) throws IOException;

  /**
   * The mask mode to read this layout's masks with when {@code requested} was asked for: {@code requested} itself,
   * except that {@link #CTC} turns {@link MaskMode#AUTO} into {@link MaskMode#INSTANCES} (its {@code man_seg} files
   * are instance labels, and guessing from values would take a frame with few cells for a class mask or, with one
   * cell, for a binary one).
   */
  public MaskMode maskModeFor(MaskMode requested) {
    return requested;
  }

  /**
   * The layout of {@code root}: {@link #PAIRED} if it has {@code images/} and {@code masks/} (or {@code labels/}),
   * else {@link #ISBI} if it has {@code train-volume.tif} and {@code train-labels.tif}, else {@link #CTC} if it has a
   * sequence ground-truth folder {@code NN_GT/SEG}.
   *
   * @throws DatasetException naming what was looked for if none matches
   */
  public static DatasetLayout detect(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new DatasetException("dataset folder " + root + " does not exist or is not a folder");
    }
    if (PairedFolders.matches(root)) {
      return PAIRED;
    }
    if (IsbiStacks.matches(root)) {
      return ISBI;
    }
    if (CtcFolders.matches(root)) {
      return CTC;
    }
    throw new DatasetException("cannot tell the layout of " + root + ": expected images/ + masks/ (or labels/) "
        + "folders (paired), train-volume.tif + train-labels.tif (isbi), or sequences 01/ with 01_GT/SEG/ (ctc)");
  }

  /**
   * The layout named {@code name} ({@code paired}, {@code ctc}, {@code isbi}, case-insensitive), or the detected one
   * for {@code auto}.
   */
  public static DatasetLayout forName(String name, Path root) throws IOException {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "auto" -> detect(root);
      case "paired" -> PAIRED;
      case "ctc" -> CTC;
      case "isbi" -> ISBI;
      default -> throw new IllegalArgumentException(
          "unknown dataset layout '" + name + "'; use auto, paired, ctc or isbi");
    };
  }

  /** Lower-case name as used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
