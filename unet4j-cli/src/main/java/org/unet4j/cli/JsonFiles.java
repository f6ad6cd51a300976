package org.unet4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.unet4j.io.AtomicFiles;

/** Writes JSON reports atomically (temporary file + rename), pretty-printed for people. */
final class JsonFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  static void write(Path file, Object value) throws IOException {
    AtomicFiles.write(file, temporary -> MAPPER.writeValue(temporary.toFile(), value));
  }
}
