package org.unet4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.unet4j.io.MicroscopyImages;
import org.unet4j.io.dataset.DatasetException;
import org.unet4j.io.dataset.DatasetLayout;
import org.unet4j.io.dataset.DatasetScan;
import org.unet4j.io.dataset.ImageFileNames;
import org.unet4j.io.dataset.SamplePair;

/**
 * Which truth goes with which prediction for {@code unet evaluate}.
 *
 * <p>The truth is a dataset folder ({@code paired}, {@code isbi}, {@code ctc}: images and masks, paired by {@link
 * DatasetLayout}) or a {@code flat} folder of mask files. A prediction file matches a truth item when their names
 * agree after normalising: lower case, without the extension, without one suffix {@code _mask(s)}, {@code
 * _label(s)}, {@code _seg}, {@code _gt}, {@code _pred(iction)}, {@code _prob(ability)}, {@code _output} or {@code
 * _result} (also with '-'), and with the Cell Tracking Challenge prefixes of frame numbers removed ({@code t000},
 * {@code mask000}, {@code man_seg000} → {@code 000}). Prediction files may sit in subfolders named after the truth's
 * sequence folder ({@code 01/} or {@code 01_RES/}). A page of a truth stack matches the same page of a prediction
 * stack, or a single prediction file named by the page number ({@code 0.tif}, {@code 1.tif}, …).
 */
final class EvaluationItems {

  private static final Pattern SUFFIX = Pattern.compile(
      "[_-](masks?|labels?|seg|gt|pred|predictions?|probs?|probabilit(y|ies)|output|result)$");
  private static final Pattern FRAME = Pattern.compile("^(man_seg|mask|t)(\\d+)$");

  /**
   * One scored image: page {@code page} of {@code truth} (and of {@code image} when known) with a prediction.
   *
   * @param name for reports: the image (or mask) file name, {@code #page} for stacks
   * @param image the input image, or {@code null} for a flat truth folder
   * @param truth the mask file
   * @param page page in the image and mask files
   * @param prediction the prediction file
   * @param predictionPage page in the prediction file, or −1 when its pages are classes of one image
   */
  record Item(String name, Path image, Path truth, int page, Path prediction, int predictionPage) {}

  /**
   * The truth items with a prediction, and notes about what was left out.
   *
   * @param layout the resolved truth layout name
   * @param items matched items in natural order
   * @param warnings truth items without a prediction, unused predictions
   */
  record Matching(String layout, List<Item> items, List<String> warnings) {}

  private EvaluationItems() {}

  /**
   * The truth side: its layout name, image/mask pairs (for a flat folder the mask stands in for the image, which is
   * never read), and notes.
   */
  record Truth(String layout, List<SamplePair> pairs, List<String> warnings) {
    boolean flat() {
      return layout.equals("flat");
    }
  }

  /** The truth side without predictions: a dataset scan, or every page of every mask file of a flat folder. */
  static Truth truth(Path truthDir, String layout) throws IOException {
    if (!Files.isDirectory(truthDir)) {
      throw new IllegalArgumentException("--truth " + truthDir + " is not a folder; give the folder of masks");
    }
    String name = layout.trim().toLowerCase(Locale.ROOT);
    if (!name.equals("flat")) {
      try {
        DatasetLayout datasetLayout = DatasetLayout.forName(name, truthDir);
        DatasetScan scan = datasetLayout.scan(truthDir);
        return new Truth(datasetLayout.cliName(), scan.pairs(), scan.warnings());
      } catch (DatasetException e) {
        if (!name.equals("auto")) {
          throw e;
        }
      }
    }
    List<SamplePair> pairs = new ArrayList<>();
    for (Path mask : ImageFileNames.list(truthDir)) {
      int pages = MicroscopyImages.pageCount(mask);
      for (int page = 0; page < pages; page++) {
        // A flat folder has no images; the mask stands in for it in the pair (it is never read as an image).
        pairs.add(new SamplePair(mask, mask, page));
      }
    }
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException(
          "--truth " + truthDir + " holds no mask files (." + String.join("/.", new TreeSet<>(ImageFileNames.EXTENSIONS))
              + "); give a folder of masks, or a dataset folder (images/ + masks/, ISBI stacks, CTC sequences)");
    }
    return new Truth("flat", pairs, List.of());
  }

  /** Pairs every truth item with its prediction file in {@code predictionDir}. */
  static Matching match(Path truthDir, String layout, Path predictionDir) throws IOException {
    if (!Files.isDirectory(predictionDir)) {
      throw new IllegalArgumentException("--pred " + predictionDir + " is not a folder; give the predictions' folder");
    }
    Truth truthSide = truth(truthDir, layout);
    List<String> warnings = new ArrayList<>(truthSide.warnings());
    List<SamplePair> truth = truthSide.pairs();
    boolean flat = truthSide.flat();
    Map<String, Path> predictions = predictionsByKey(predictionDir);
    Map<Path, Integer> pageCounts = new LinkedHashMap<>();
    List<Item> items = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<String, String> usedBy = new LinkedHashMap<>();
    for (SamplePair pair : truth) {
      int truthPages = pages(pair.mask(), pageCounts);
      String name = fileName(flat ? pair.mask() : pair.image()) + (truthPages > 1 ? "#" + pair.page() : "");
      Item item = null;
      for (String key : keys(pair, flat)) {
        Path prediction = predictions.get(key);
        if (prediction == null) {
          continue;
        }
        if (truthPages > 1) {
          if (pages(prediction, pageCounts) != truthPages) {
            continue;
          }
          item = new Item(name, flat ? null : pair.image(), pair.mask(), pair.page(), prediction, pair.page());
        } else {
          item = new Item(name, flat ? null : pair.image(), pair.mask(), pair.page(), prediction, -1);
        }
        break;
      }
      if (item == null && truthPages > 1) {
        Path perSlice = predictions.get(Integer.toString(pair.page()));
        if (perSlice != null) {
          item = new Item(name, flat ? null : pair.image(), pair.mask(), pair.page(), perSlice, -1);
        }
      }
      if (item == null) {
        missing.add(name);
        continue;
      }
      String usage = item.prediction() + "#" + item.predictionPage();
      String previous = usedBy.put(usage, name);
      if (previous != null) {
        throw new IllegalArgumentException(
            "prediction " + item.prediction() + " matches both truth items " + previous + " and " + name
                + "; give each prediction a distinct name, or put the predictions of each sequence in a subfolder"
                + " named after it (01/, 02/)");
      }
      items.add(item);
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException(
          "no prediction in " + predictionDir + " matches the " + truth.size() + " truth item(s) of " + truthDir + " ("
              + truthSide.layout() + " layout: " + list(missing) + "); predictions found: "
              + (predictions.isEmpty() ? "none" : list(new ArrayList<>(predictions.keySet())))
              + ". Name each prediction like its image or mask (e.g. 7.tif, 7_pred.tif for 7.png)");
    }
    if (!missing.isEmpty()) {
      warnings.add(missing.size() + " truth item(s) have no prediction and are skipped: " + list(missing));
    }
    Set<Path> used = new HashSet<>();
    items.forEach(item -> used.add(item.prediction()));
    List<String> unused = predictions.values().stream().distinct().filter(p -> !used.contains(p))
        .map(EvaluationItems::fileName).toList();
    if (!unused.isEmpty()) {
      warnings.add(unused.size() + " prediction file(s) match no truth and are ignored: " + list(unused));
    }
    return new Matching(truthSide.layout(), items, warnings);
  }

  private static int pages(Path file, Map<Path, Integer> cache) throws IOException {
    Integer pages = cache.get(file);
    if (pages == null) {
      pages = MicroscopyImages.pageCount(file);
      cache.put(file, pages);
    }
    return pages;
  }

  /** Candidate keys of a truth item: its image and mask names, each also with the sequence folder (CTC). */
  private static List<String> keys(SamplePair pair, boolean flat) {
    List<String> keys = new ArrayList<>();
    for (Path file : flat ? List.of(pair.mask()) : List.of(pair.image(), pair.mask())) {
      String key = key(file);
      Path parent = file.getParent();
      if (parent != null && parent.getFileName() != null) {
        keys.add(folderKey(sequenceOf(file)) + "/" + key);
      }
      keys.add(key);
    }
    return keys.stream().distinct().toList();
  }

  /** The sequence folder of a CTC file ({@code 01} for {@code 01/t000.tif} and {@code 01_GT/SEG/man_seg000.tif}). */
  private static String sequenceOf(Path file) {
    Path parent = file.getParent();
    if (parent.getFileName().toString().equalsIgnoreCase("SEG") && parent.getParent() != null) {
      parent = parent.getParent();
    }
    return parent.getFileName().toString();
  }

  /** Prediction files of the folder and of its immediate subfolders, by key ({@code sub/key} in subfolders). */
  private static Map<String, Path> predictionsByKey(Path dir) throws IOException {
    Map<String, Path> byKey = new LinkedHashMap<>();
    for (Path file : ImageFileNames.list(dir)) {
      put(byKey, key(file), file);
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path sub : entries.filter(Files::isDirectory).sorted().toList()) {
        for (Path file : ImageFileNames.list(sub)) {
          put(byKey, folderKey(sub.getFileName().toString()) + "/" + key(file), file);
        }
      }
    }
    return byKey;
  }

  private static void put(Map<String, Path> byKey, String key, Path file) {
    Path previous = byKey.put(key, file);
    if (previous != null) {
      throw new IllegalArgumentException(
          "predictions " + previous + " and " + file + " both match truth named '" + key + "'; keep one of them");
    }
  }

  /** The matching key of a file name (see the class comment). */
  static String key(Path file) {
    String stem = ImageFileNames.stem(file).toLowerCase(Locale.ROOT);
    stem = SUFFIX.matcher(stem).replaceFirst("");
    Matcher frame = FRAME.matcher(stem);
    return frame.matches() ? frame.group(2) : stem;
  }

  private static String folderKey(String folder) {
    return folder.toLowerCase(Locale.ROOT).replaceFirst("[_-](res|gt)$", "");
  }

  static String fileName(Path file) {
    return file.getFileName().toString();
  }

  private static String list(List<String> names) {
    int shown = Math.min(names.size(), 8);
    String head = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? head + ", … (" + (names.size() - shown) + " more)" : head;
  }
}
