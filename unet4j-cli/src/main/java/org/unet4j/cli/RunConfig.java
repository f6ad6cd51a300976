package org.unet4j.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A run folder's {@code config.json}: the training settings, the exact data files and the software that ran it;
 * enough to repeat the run ({@code --config}) or to continue it ({@code --resume}).
 *
 * @param settings how to train
 * @param data what to train on
 * @param software unet4j, DJL and Java versions
 */
record RunConfig(TrainSettings settings, DataSelection data, String software) {

  /** The file name inside a run folder. */
  static final String FILE = "config.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** Reads a run config (or a run folder's {@value #FILE}), with a message naming the file on failure. */
  static RunConfig read(Path fileOrRunDir) throws IOException {
    Path file = Files.isDirectory(fileOrRunDir) ? fileOrRunDir.resolve(FILE) : fileOrRunDir;
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no run config here; pass a run folder or its " + FILE);
    }
    try {
      return JSON.readValue(file.toFile(), RunConfig.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      // Validation errors of the records (e.g. an invalid tile size) arrive wrapped: show the record's own message.
      String reason = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : e.getOriginalMessage();
      throw new IllegalArgumentException(
          "cannot read run config " + file + ": " + reason + "; fix the file (a run folder's " + FILE
              + " shows the format)", e);
    }
  }

  /** Writes this config as {@code runDir/config.json} (atomically). */
  void write(Path runDir) throws IOException {
    JsonFiles.write(runDir.resolve(FILE), this);
  }
}
