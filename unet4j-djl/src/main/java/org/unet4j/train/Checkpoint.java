package org.unet4j.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.unet4j.bundle.ModelBundle;
import org.unet4j.core.model.UNetConfig;
import org.unet4j.io.AtomicFiles;

/**
 * A resumable snapshot of a training run: a folder holding the model bundle ({@code model/}), the optimiser state
 * ({@value #OPTIMIZER_FILE}, which DJL does not save) and the {@link TrainingState} ({@value #STATE_FILE}).
 *
 * <p>A checkpoint is written whole into a hidden sibling folder and then swapped in by renames, so a crash (even
 * {@code kill -9}) leaves either the previous checkpoint or the new one, never a mixture. If the crash falls between
 * the two renames, {@link #resolve} finds the previous one under its {@code .old} name.
 */
public final class Checkpoint {

  /** The optimiser state file inside a checkpoint folder. */
  public static final String OPTIMIZER_FILE = "optimizer.state";

  /** The training state file inside a checkpoint folder. */
  public static final String STATE_FILE = "state.json";

  /** The model bundle folder inside a checkpoint folder. */
  public static final String MODEL_DIR = "model";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Checkpoint() {}

  /**
   * Writes a checkpoint to {@code dir}, replacing any checkpoint there.
   *
   * @param dir the checkpoint folder (e.g. {@code RUN/checkpoints/last})
   * @param config the architecture
   * @param block the network
   * @param optimizer its optimiser (state saved alongside)
   * @param state where the run stands
   * @param metadata extras for the model bundle
   */
  public static void save(
      Path dir, UNetConfig config, Block block, ParameterOptimizer optimizer, TrainingState state,
      Map<String, Object> metadata) throws IOException {
    Path absolute = dir.toAbsolutePath();
    Path staging = AtomicFiles.createTemporaryDirectorySibling(absolute);
    try {
      ModelBundle.save(staging.resolve(MODEL_DIR), config, block, metadata);
      optimizer.saveState(staging.resolve(OPTIMIZER_FILE));
      JSON.writeValue(staging.resolve(STATE_FILE).toFile(), state);
      Path old = previousOf(absolute);
      deleteRecursively(old);
      if (Files.exists(absolute)) {
        move(absolute, old);
      }
      move(staging, absolute);
      deleteRecursively(old);
    } finally {
      deleteRecursively(staging);
    }
  }

  /**
   * The folder holding the latest complete checkpoint at {@code dir}: {@code dir} itself, or its {@code .old}
   * sibling if a save was interrupted between its renames.
   *
   * @throws NoSuchFileException if there is no checkpoint
   */
  public static Path resolve(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    if (Files.isRegularFile(absolute.resolve(STATE_FILE))) {
      return absolute;
    }
    Path old = previousOf(absolute);
    if (Files.isRegularFile(old.resolve(STATE_FILE))) {
      return old;
    }
    throw new NoSuchFileException(
        dir.toString(), null, "no checkpoint here (no " + STATE_FILE + "); was the run started with this folder?");
  }

  /** Reads the training state of the checkpoint at {@code dir}. */
  public static TrainingState readState(Path dir) throws IOException {
    return JSON.readValue(resolve(dir).resolve(STATE_FILE).toFile(), TrainingState.class);
  }

  /**
   * Loads the checkpoint's network into {@code manager}.
   *
   * @return the initialised block with the saved parameters
   */
  public static Block loadModel(Path dir, NDManager manager) throws IOException {
    return ModelBundle.load(resolve(dir).resolve(MODEL_DIR), manager);
  }

  /** Restores the optimiser state saved in the checkpoint at {@code dir}. */
  public static void loadOptimizer(Path dir, ParameterOptimizer optimizer) throws IOException {
    optimizer.loadState(resolve(dir).resolve(OPTIMIZER_FILE));
  }

  private static Path previousOf(Path absolute) {
    return absolute.resolveSibling(absolute.getFileName() + ".old");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
