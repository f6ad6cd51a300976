package org.unet4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfoCommandTest {

  @Test
  void paperPresetPrintsParameterCountAndTileSizes() {
    CliRunner.Result result = run("info", "--preset", "paper");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("parameters: 31030658")
        .contains("23 conv layers")
        .contains("input 572×572 → output 388×388")
        .contains("margin 92 px per side")
        .contains("n ≡ 12 (mod 16), n ≥ 188");
  }

  @Test
  void invalidTileSizeIsABadInputWithTheNearestValidSizes() {
    CliRunner.Result result = run("info", "--preset", "paper", "--tile-size", "500");
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("500 is not a valid input for depth 4").contains("use 492 or 508");
  }

  @Test
  void unknownPresetIsABadInput() {
    CliRunner.Result result = run("info", "--preset", "tiny");
    assertThat(result.exitCode()).isEqualTo(UNetCli.EXIT_BAD_INPUT);
    assertThat(result.err()).contains("unknown preset 'tiny'; use 'paper' or 'padded'");
  }

  private static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }
}
