package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VigilCommandTest {
  @Test
  void help_listsTheSubcommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("demo").contains("tools");
  }

  @Test
  void version_namesVigil() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("vigil ");
  }

  @Test
  void unknownCommand_failsWithUsage() {
    CliRun run = CliRun.of("frobnicate");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("frobnicate");
  }
}
