package org.unet4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code unet} command: train U-Nets and segment microscopy images from the shell.
 *
 * <p>Exit codes: 0 success, 1 a failure while running (reported with its cause), 2 bad usage or bad input.
 */
@Command(
    name = "unet",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "U-Net (Ronneberger et al. 2015) for biomedical image segmentation.",
    subcommands = {
      DemoCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      InfoCommand.class,
      WeightsCommand.class,
      AugmentCommand.class,
      EvaluateCommand.class,
      SynthCommand.class,
      CommandLine.HelpCommand.class
    })
public final class UNetCli {

  /** Exit code for bad usage or bad input (wrong option, unreadable file, invalid size). */
  public static final int EXIT_BAD_INPUT = 2;

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI in-process (tests call this) and returns the exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line (tests redirect its output streams before executing). */
  public static CommandLine commandLine() {
    EngineSetup.configureOffline();
    CommandLine commandLine = new CommandLine(new UNetCli());
    commandLine.setExecutionExceptionHandler(new ErrorReporter());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
