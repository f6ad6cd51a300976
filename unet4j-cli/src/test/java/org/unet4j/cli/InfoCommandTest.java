package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InfoCommandTest {

  @Test
  void paperPresetPrintsParameterCountAndTileSizes() {
    Result result = run("info", "--preset", "paper");
    assertThat(result.exitCode).isZero();
    assertThat(result.out)
        .contains("parameters: 31030658")
        .contains("23 conv layers")
        .contains("input 572×572 → output 388×388")
        .contains("margin 92 px per side")
        .contains("n ≡ 12 (mod 16), n ≥ 188");
  }

  @Test
  void invalidTileSizeIsABadInputWithTheNearestValidSizes() {
    Result result = run("info", "--preset", "paper", "--tile-size", "500");
    assertThat(result.exitCode).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err).contains("500 is not a valid input for depth 4").contains("use 492 or 508");
  }

  @Test
  void unknownPresetIsABadInput() {
    Result result = run("info", "--preset", "tiny");
    assertThat(result.exitCode).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err).contains("unknown preset 'tiny'; use 'paper' or 'padded'");
  }

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = UNetCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
