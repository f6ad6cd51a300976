package org.unet4j.io.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link DatasetLayout#CTC} layout (Cell Tracking Challenge): sequence folders {@code 01, 02, …} of frames
 * {@code tNNN.tif}, ground truth in {@code 01_GT/SEG/man_segNNN.tif} (frame numbers matched by value, so 3- and
 * 4-digit numbering both work).
 */
final class CtcFolders {
  private static final Pattern SEQUENCE = Pattern.compile("\\d+");
  private static final Pattern FRAME = Pattern.compile("t(\\d+)\\.tiff?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEG = Pattern.compile("man_seg(\\d+)\\.tiff?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEG_SLICE = Pattern.compile("man_seg_\\d+_\\d+\\.tiff?", Pattern.CASE_INSENSITIVE);

  private CtcFolders() {}

  static boolean matches(Path root) {
    try {
      return !sequences(root).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** Sequence folders that have a {@code NN_GT/SEG} sibling, in natural order. */
  private static List<Path> sequences(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory)
          .filter(p -> SEQUENCE.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isDirectory(segDir(root, p)))
          .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()))
          .collect(Collectors.toList());
    }
  }

  private static Path segDir(Path root, Path sequence) {
    return root.resolve(sequence.getFileName() + "_GT").resolve("SEG");
  }

  static DatasetScan scan(Path root) throws IOException {
    List<Path> sequences = sequences(root);
    if (sequences.isEmpty()) {
      throw new DatasetException("no Cell Tracking Challenge sequences in " + root
          + ": looked for folders like 01/ (frames t000.tif, …) with ground truth in 01_GT/SEG/ (man_seg000.tif, …)");
    }
    List<SamplePair> pairs = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Path sequence : sequences) {
      Map<Long, Path> frames = new HashMap<>();
      for (Path frame : ImageFileNames.list(sequence)) {
        Matcher m = FRAME.matcher(frame.getFileName().toString());
        if (m.matches()) {
          frames.put(Long.parseLong(m.group(1)), frame);
        }
      }
      Path segDir = segDir(root, sequence);
      int slices = 0;
      int before = pairs.size();
      for (Path seg : ImageFileNames.list(segDir)) {
        String name = seg.getFileName().toString();
        Matcher m = SEG.matcher(name);
        if (m.matches()) {
          Path frame = frames.get(Long.parseLong(m.group(1)));
          if (frame == null) {
            throw new DatasetException("ground truth " + seg + " has no frame t" + m.group(1) + ".tif in "
                + sequence);
          }
          pairs.add(new SamplePair(frame, seg, 0));
        } else if (SEG_SLICE.matcher(name).matches()) {
          slices++;
        }
      }
      if (slices > 0) {
        warnings.add(slices + " 3D slice annotation(s) man_seg_TTT_ZZZ.tif in " + segDir + " are ignored");
      }
      if (pairs.size() == before) {
        warnings.add("sequence " + sequence + " has no usable ground truth (man_segNNN.tif) in " + segDir);
      }
    }
    if (pairs.isEmpty()) {
      throw new DatasetException("no annotated frames in " + root + ": no file man_segNNN.tif in any of "
          + sequences.stream().map(s -> segDir(root, s).toString()).collect(Collectors.joining(", ")));
    }
    return new DatasetScan(root, DatasetLayout.CTC, pairs, warnings);
  }
}
