package org.unet4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failure as one clear line (no stack trace unless {@code UNET_DEBUG} is set) and picks the exit code. */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    boolean badInput = ex instanceof IllegalArgumentException || ex instanceof java.io.IOException;
    commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + describe(ex)));
    if (System.getenv("UNET_DEBUG") != null) {
      ex.printStackTrace(commandLine.getErr());
    }
    return badInput ? UNetCli.EXIT_BAD_INPUT : 1;
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    if (ex instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + message;
    }
    return message == null ? ex.getClass().getSimpleName() : message;
  }
}
