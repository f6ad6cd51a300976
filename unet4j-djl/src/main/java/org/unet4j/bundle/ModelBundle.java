package org.unet4j.bundle;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.unet4j.core.geometry.UNetGeometry;
import org.unet4j.core.model.Padding;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.io.AtomicFiles;
import org.unet4j.model.UNetBuilder;

/**
 * A saved U-Net: the folder layout, and its descriptor as a value ({@code config} plus free {@code metadata}).
 *
 * <p>A bundle is a folder with two files:
 *
 * <ul>
 *   <li>{@value #DESCRIPTOR_FILE}: JSON with {@code formatVersion} ({@value #FORMAT_VERSION}), the {@link
 *       UNetConfig}, the geometry written out ({@code marginPx}, {@code poolingStridePx}, {@code minimumInputPx} and a
 *       recommended tile {@code tileInputPx → tileOutputPx}: for VALID the smallest valid size ≥ 572 px, for SAME the
 *       smallest valid size ≥ 512 px), the free metadata (normalisation, class names, …) and a manifest of every
 *       parameter (name and shape, in {@code block.getParameters()} order).
 *   <li>{@value #PARAMETERS_FILE}: the payload of DJL's {@code block.saveParameters(DataOutputStream)}.
 * </ul>
 *
 * <p>DJL itself loads parameters into a different architecture without complaint; {@link #load} therefore checks the
 * manifest against the network built from the config before loading, checks every loaded shape and that the
 * parameter file is fully consumed, and recomputes the geometry. Writes go to temporary files that are renamed into
 * place, so a crash never leaves a half-written file under the final name.
 *
 * @param config the architecture the parameters belong to
 * @param metadata free, JSON-serialisable extras (e.g. {@code "classNames": ["background", "cell"]}); insertion
 *     order is kept, the map is unmodifiable
 */
public record ModelBundle(UNetConfig config, Map<String, Object> metadata) {

  /** The bundle format version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** File name of the JSON descriptor inside a bundle folder. */
  public static final String DESCRIPTOR_FILE = "unet.json";

  /** File name of the DJL parameter payload inside a bundle folder. */
  public static final String PARAMETERS_FILE = "unet.params";

  /** Recommended tile input for VALID padding: the paper's 572 px, rounded up to a valid size for other depths. */
  private static final int VALID_TILE_HINT_PX = 572;

  /** Recommended tile input for SAME padding, rounded up to a multiple of {@code 2^depth}. */
  private static final int SAME_TILE_HINT_PX = 512;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks the config and keeps an unmodifiable, order-preserving copy of the metadata ({@code null} → empty). */
  public ModelBundle {
    Objects.requireNonNull(config, "config must not be null");
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The size arithmetic of this bundle's network ({@code config().geometry()}). */
  public UNetGeometry geometry() {
    return config.geometry();
  }

  /**
   * Writes {@code block}'s parameters and a descriptor for {@code config} into {@code dir} (created if missing;
   * existing bundle files are replaced).
   *
   * @param dir the bundle folder
   * @param config the architecture {@code block} was built from with {@link UNetBuilder#build}
   * @param block an initialised block whose parameter names and shapes match {@code config}
   * @param metadata free JSON-serialisable extras, may be empty or {@code null}
   * @throws IllegalArgumentException if the block is not initialised or does not match {@code config}
   * @throws IOException if writing fails
   */
  public static void save(Path dir, UNetConfig config, Block block, Map<String, Object> metadata)
      throws IOException {
    Objects.requireNonNull(dir, "dir must not be null");
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(block, "block must not be null");
    if (!block.isInitialized()) {
      throw new IllegalArgumentException(
          "the block is not initialised; call block.initialize(manager, DataType.FLOAT32, inputShape) "
              + "(or train it) before saving");
    }
    List<ParameterEntry> manifest = manifestOf(block);
    String mismatch = firstDifference(expectedManifest(config), manifest, "the block to save");
    if (mismatch != null) {
      throw new IllegalArgumentException(
          "the block does not match the config it is saved with (" + config + "): " + mismatch);
    }
    ModelBundle bundle = new ModelBundle(config, metadata);
    Descriptor descriptor =
        new Descriptor(FORMAT_VERSION, config, GeometryEntry.of(config), bundle.metadata(), manifest);

    // Parameters first: a descriptor under the final name always has its parameters next to it.
    AtomicFiles.write(
        dir.resolve(PARAMETERS_FILE),
        tmp -> {
          try (OutputStream os = Files.newOutputStream(tmp);
              DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(os))) {
            block.saveParameters(dos);
          }
        });
    AtomicFiles.write(
        dir.resolve(DESCRIPTOR_FILE),
        tmp -> {
          try (OutputStream os = Files.newOutputStream(tmp)) {
            writer().writeValue(os, descriptor);
          }
        });
  }

  /**
   * Reads and validates {@value #DESCRIPTOR_FILE} of a bundle folder without touching the parameters.
   *
   * @param dir the bundle folder
   * @return the config and metadata
   * @throws NoSuchFileException if the folder or the descriptor is missing
   * @throws BundleFormatException if the format version is unsupported, the JSON is malformed, or the written
   *     geometry differs from the one recomputed from the config
   * @throws IOException if reading fails
   */
  public static ModelBundle readDescriptor(Path dir) throws IOException {
    Descriptor d = readDescriptorFile(dir);
    return new ModelBundle(d.config(), d.metadata());
  }

  /**
   * Builds the network described by a bundle, initialises it and loads its parameters.
   *
   * <p>The returned block's parameters live in {@code manager}; close the manager (or call {@code block.clear()})
   * to free them. On failure nothing is left in {@code manager}. Use it for inference with {@code
   * block.forward(new ParameterStore(manager, false), input, false)}.
   *
   * @param dir the bundle folder
   * @param manager the manager that will own the parameter arrays
   * @return the initialised block with the saved parameters
   * @throws NoSuchFileException if the folder, {@value #DESCRIPTOR_FILE} or {@value #PARAMETERS_FILE} is missing
   * @throws BundleFormatException if the descriptor is invalid (see {@link #readDescriptor}) or the parameters do
   *     not fit the architecture; the message names the first differing parameter and both shapes
   * @throws IOException if reading fails
   */
  public static Block load(Path dir, NDManager manager) throws IOException {
    Objects.requireNonNull(manager, "manager must not be null");
    Descriptor descriptor = readDescriptorFile(dir);
    Path paramsFile = dir.resolve(PARAMETERS_FILE);
    if (!Files.isRegularFile(paramsFile)) {
      throw new NoSuchFileException(
          paramsFile.toString(),
          null,
          "the bundle has no " + PARAMETERS_FILE + "; copy it next to " + DESCRIPTOR_FILE + " or re-save the model");
    }
    UNetConfig config = descriptor.config();
    Block block = UNetBuilder.build(config);
    NDManager work = manager.newSubManager();
    try {
      block.initialize(work, DataType.FLOAT32, initializationShape(config));
      List<ParameterEntry> expected = manifestOf(block);
      String manifestMismatch = firstDifference(expected, descriptor.parameters(), DESCRIPTOR_FILE);
      if (manifestMismatch != null) {
        throw new BundleFormatException(
            "the parameter manifest in "
                + dir.resolve(DESCRIPTOR_FILE)
                + " does not match the network built from its config "
                + config
                + ": "
                + manifestMismatch
                + "; the descriptor was edited or written by an incompatible unet4j version");
      }
      loadParameters(block, work, paramsFile, expected, config);
      // Keep only the loaded arrays: move them to the caller's manager, then free the random initial values.
      for (Parameter p : block.getParameters().values()) {
        p.getArray().attach(manager);
      }
    } finally {
      work.close();
    }
    return block;
  }

  private static void loadParameters(
      Block block, NDManager work, Path paramsFile, List<ParameterEntry> expected, UNetConfig config)
      throws IOException {
    List<Parameter> params = block.getParameters().values();
    Map<Parameter, NDArray> initial = new IdentityHashMap<>();
    for (Parameter p : params) {
      initial.put(p, p.getArray());
    }
    Exception failure = null;
    boolean trailingBytes = false;
    try (InputStream is = Files.newInputStream(paramsFile);
        DataInputStream dis = new DataInputStream(new BufferedInputStream(is))) {
      try {
        block.loadParameters(work, dis);
        trailingBytes = dis.read() != -1;
      } catch (IOException | MalformedModelException | RuntimeException e) {
        failure = e;
      }
    }
    // DJL replaces each parameter's array as it reads it and never compares shapes: do it here, in order.
    int loaded = 0; // parameters whose array DJL replaced
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      if (p.getArray() == initial.get(p)) {
        continue;
      }
      loaded++;
      List<Long> got = shapeList(p.getArray().getShape());
      List<Long> want = expected.get(i).shape();
      if (!got.equals(want)) {
        throw new BundleFormatException(
            paramsFile
                + " does not fit the network of its "
                + DESCRIPTOR_FILE
                + ": parameter '"
                + expected.get(i).name()
                + "' has shape "
                + formatShape(got)
                + " in the file but "
                + formatShape(want)
                + " in the config the bundle expects, "
                + config
                + "; the parameters were saved from a different architecture",
            failure);
      }
    }
    if (failure != null || loaded < params.size()) {
      int next = firstUnloaded(params, initial);
      String where =
          next < 0
              ? "after all " + params.size() + " parameters"
              : "at parameter #"
                  + next
                  + " '"
                  + expected.get(next).name()
                  + "' (the config expects shape "
                  + formatShape(expected.get(next).shape())
                  + "; the file's blocks differ from here on)";
      throw new BundleFormatException(
          paramsFile
              + " does not fit the network of its "
              + DESCRIPTOR_FILE
              + " (config "
              + config
              + "): reading failed "
              + where
              + (failure == null ? "" : ": " + failure.getMessage())
              + "; the parameters were saved from a different architecture or the file is truncated",
          failure);
    }
    if (trailingBytes) {
      throw new BundleFormatException(
          paramsFile
              + " has data after the last of the "
              + params.size()
              + " parameters that the config "
              + config
              + " needs; the parameters were saved from a larger network");
    }
  }

  private static int firstUnloaded(List<Parameter> params, Map<Parameter, NDArray> initial) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).getArray() == initial.get(params.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Descriptor readDescriptorFile(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir must not be null");
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(
          dir.toString(),
          null,
          "model bundle folder does not exist or is not a folder; pass the folder that contains "
              + DESCRIPTOR_FILE
              + " and "
              + PARAMETERS_FILE);
    }
    Path file = dir.resolve(DESCRIPTOR_FILE);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(), null, "the folder is not a model bundle: it has no " + DESCRIPTOR_FILE);
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new BundleFormatException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode version = root == null ? null : root.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new BundleFormatException(
          file + " has no integer 'formatVersion'; it is not a unet4j model bundle descriptor");
    }
    if (version.intValue() != FORMAT_VERSION) {
      throw new BundleFormatException(
          file
              + " has bundle format version "
              + version.intValue()
              + " but this unet4j reads version "
              + FORMAT_VERSION
              + "; use the unet4j release that wrote it, or re-save the model with this one");
    }
    Descriptor d;
    try {
      d = JSON.treeToValue(root, Descriptor.class);
    } catch (JsonProcessingException e) {
      throw new BundleFormatException(file + " is not a valid bundle descriptor: " + e.getOriginalMessage(), e);
    }
    if (d.config() == null || d.geometry() == null || d.parameters() == null) {
      throw new BundleFormatException(
          file + " must contain 'config', 'geometry' and 'parameters'; re-save the model to regenerate it");
    }
    GeometryEntry recomputed = GeometryEntry.of(d.config());
    if (!recomputed.equals(d.geometry())) {
      throw new BundleFormatException(
          file
              + " states the geometry "
              + d.geometry()
              + " but its config "
              + d.config()
              + " gives "
              + recomputed
              + "; the descriptor was edited inconsistently");
    }
    return d;
  }

  /** The shape every bundle network is initialised with: batch 1, the smallest valid square input. */
  private static Shape initializationShape(UNetConfig config) {
    int n = config.geometry().minimumInput();
    return new Shape(1, config.inChannels(), n, n);
  }

  /** Parameter names and shapes of the network {@code config} builds, without drawing random numbers. */
  static List<ParameterEntry> expectedManifest(UNetConfig config) {
    Block block = UNetBuilder.build(config);
    block.setInitializer(Initializer.ZEROS, p -> true);
    try (NDManager m = NDManager.newBaseManager()) {
      block.initialize(m, DataType.FLOAT32, initializationShape(config));
      return manifestOf(block);
    }
  }

  private static List<ParameterEntry> manifestOf(Block block) {
    List<ParameterEntry> entries = new ArrayList<>();
    for (Pair<String, Parameter> pair : block.getParameters()) {
      entries.add(new ParameterEntry(pair.getKey(), shapeList(pair.getValue().getArray().getShape())));
    }
    return entries;
  }

  /** Describes the first difference between two manifests, or returns {@code null} if they are equal. */
  private static String firstDifference(
      List<ParameterEntry> expected, List<ParameterEntry> actual, String actualSource) {
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      ParameterEntry e = expected.get(i);
      ParameterEntry a = actual.get(i);
      if (!e.equals(a)) {
        return "parameter #"
            + i
            + " is '"
            + a.name()
            + "' "
            + formatShape(a.shape())
            + " in "
            + actualSource
            + " but '"
            + e.name()
            + "' "
            + formatShape(e.shape())
            + " in the config";
      }
    }
    if (expected.size() != actual.size()) {
      return actualSource + " has " + actual.size() + " parameters but the config has " + expected.size();
    }
    return null;
  }

  private static List<Long> shapeList(Shape shape) {
    List<Long> dims = new ArrayList<>(shape.dimension());
    for (long d : shape.getShape()) {
      dims.add(d);
    }
    return List.copyOf(dims);
  }

  private static String formatShape(List<Long> shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(shape.get(i));
    }
    return sb.append(')').toString();
  }

  /** Pretty JSON with short arrays (shapes, class names) on one line. */
  private static ObjectWriter writer() {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
    return JSON.writer(printer);
  }

  /** The JSON layout of {@value #DESCRIPTOR_FILE}. */
  record Descriptor(
      int formatVersion,
      UNetConfig config,
      GeometryEntry geometry,
      Map<String, Object> metadata,
      List<ParameterEntry> parameters) {}

  /** One line of the parameter manifest. */
  record ParameterEntry(String name, List<Long> shape) {}

  /** The geometry written out for readers that do not link unet4j (all sizes in pixels). */
  record GeometryEntry(
      int marginPx, int poolingStridePx, int minimumInputPx, int tileInputPx, int tileOutputPx) {

    static GeometryEntry of(UNetConfig config) {
      UNetGeometry g = config.geometry();
      int hint = config.padding() == Padding.VALID ? VALID_TILE_HINT_PX : SAME_TILE_HINT_PX;
      int tileIn = g.nextValidInput(Math.max(hint, g.minimumInput()));
      return new GeometryEntry(g.marginPx(), g.poolingStridePx(), g.minimumInput(), tileIn, g.outputSize(tileIn));
    }
  }
}
