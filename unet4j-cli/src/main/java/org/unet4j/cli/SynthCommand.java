package org.unet4j.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.unet4j.core.image.FloatImage;
import org.unet4j.core.image.LabelImage;
import org.unet4j.core.synthetic.SyntheticCells;
import org.unet4j.core.synthetic.SyntheticCellsSpec;
import org.unet4j.core.synthetic.SyntheticImage;
import org.unet4j.core.synthetic.SyntheticStyle;
import org.unet4j.io.PngImages;
import org.unet4j.io.RawImage;
import org.unet4j.io.SampleType;
import org.unet4j.io.TiffCompression;
import org.unet4j.io.TiffImages;
import org.unet4j.io.figure.FigureGrid;
import org.unet4j.io.figure.Outline;
import org.unet4j.io.figure.OverlayRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unet synth}: writes a synthetic training set in the paired layout that {@code unet train --data} reads.
 *
 * <pre>
 *   DIR/images/cell-000.tif   16-bit grey (0–65535 = grey values 0–1)
 *   DIR/masks/cell-000.tif    16-bit instance labels (0 = background, cells 1..n)
 *   DIR/preview.png           the first images, plain and with the cell outlines
 * </pre>
 *
 * <p>The folder appears complete or not at all: everything is written into a hidden sibling folder that is renamed to
 * {@code DIR} at the end.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write synthetic microscopy images of cells with instance masks, as a dataset for 'unet train --data DIR':",
      "DIR/images/cell-NNN.tif, DIR/masks/cell-NNN.tif and DIR/preview.png. The same options give the same files."
    })
final class SynthCommand implements Callable<Integer> {
  private static final int PREVIEW_IMAGES = 4;
  private static final int OUTLINE_RGB = 0xFFD020;
  private static final int MIN_SIZE_PX = 64;
  private static final int MAX_SIZE_PX = 4096;
  private static final int MAX_IMAGES = 10_000;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "output folder (must not exist, or be empty)")
  Path out;

  @Option(
      names = {"-n", "--n"},
      defaultValue = "20",
      paramLabel = "N",
      description = "number of images (default: ${DEFAULT-VALUE})")
  int count;

  @Option(
      names = "--size",
      defaultValue = "256",
      paramLabel = "PX",
      description = "image height and width in px (default: ${DEFAULT-VALUE})")
  int sizePx;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--style",
      defaultValue = "cells",
      paramLabel = "NAME",
      description = "cells (fluorescent cells, the demo's), nuclei, phase-contrast or dic (default: ${DEFAULT-VALUE})")
  String style;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (count < 1 || count > MAX_IMAGES) {
      throw new IllegalArgumentException("--n " + count + " must be between 1 and " + MAX_IMAGES);
    }
    if (sizePx < MIN_SIZE_PX || sizePx > MAX_SIZE_PX) {
      throw new IllegalArgumentException(
          "--size " + sizePx + " must be between " + MIN_SIZE_PX + " and " + MAX_SIZE_PX + " px (256 is typical)");
    }
    SyntheticStyle chosen = SyntheticStyle.forName(style);
    SyntheticCellsSpec cells = chosen.spec(sizePx, sizePx);
    checkOutputFolder();

    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
    boolean committed = false;
    try {
      int cellTotal = write(partial, cells);
      commit(partial);
      committed = true;
      spec.commandLine().getOut().printf(
          "synth: %d images of %d×%d px, style %s, seed %d: %d cells (%.1f per image); wrote %s%n"
              + "train with: unet train --data %s%n",
          count, sizePx, sizePx, chosen.cliName(), seed, cellTotal, (double) cellTotal / count, out, out);
      return 0;
    } finally {
      if (!committed) {
        deleteRecursively(partial);
      }
    }
  }

  /** Writes all files into {@code folder}; returns the number of cells. */
  private int write(Path folder, SyntheticCellsSpec cells) throws IOException {
    int digits = Math.max(3, Integer.toString(count - 1).length());
    List<BufferedImage> preview = new ArrayList<>();
    int cellTotal = 0;
    for (int i = 0; i < count; i++) {
      SyntheticImage sample = SyntheticCells.generate(cells, seed, i);
      String name = String.format("cell-%0" + digits + "d.tif", i);
      TiffImages.write(folder.resolve("images").resolve(name),
          new RawImage(toUint16(sample.image()), SampleType.UINT16), TiffCompression.DEFLATE);
      // Always 16-bit: an 8-bit mask with few cells would be auto-detected as class indices instead of instances.
      TiffImages.write(folder.resolve("masks").resolve(name),
          new RawImage(asFloat(sample.instances()), SampleType.UINT16), TiffCompression.DEFLATE);
      cellTotal += sample.cellCount();
      if (i < PREVIEW_IMAGES) {
        preview.add(OverlayRenderer.grey(sample.image()));
        preview.add(OverlayRenderer.render(sample.image(), List.of(new Outline(sample.instances(), OUTLINE_RGB))));
      }
    }
    PngImages.write(folder.resolve("preview.png"), FigureGrid.layout(preview, Math.min(4, preview.size()), 4));
    return cellTotal;
  }

  /** Refuses to touch a folder with content: a typo in --out must not destroy data. */
  private void checkOutputFolder() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file; give a new folder");
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "--out " + out + " already exists and is not empty; give a new folder or delete this one first");
        }
      }
    }
  }

  /** Renames the finished folder to {@code out} (replacing an empty {@code out}). */
  private void commit(Path partial) throws IOException {
    try {
      Files.deleteIfExists(out);
    } catch (DirectoryNotEmptyException e) {
      throw new IllegalArgumentException("--out " + out + " was filled while the images were written; nothing changed");
    }
    try {
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, out);
    }
  }

  private static FloatImage toUint16(FloatImage grey) {
    float[] values = new float[grey.data().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.round(Math.max(0, Math.min(1, grey.data()[i])) * 65535f);
    }
    return new FloatImage(1, grey.height(), grey.width(), values);
  }

  private static FloatImage asFloat(LabelImage labels) {
    float[] values = new float[labels.data().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = labels.data()[i];
    }
    return new FloatImage(1, labels.height(), labels.width(), values);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
