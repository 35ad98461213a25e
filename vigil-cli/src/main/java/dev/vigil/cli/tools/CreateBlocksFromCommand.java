package dev.vigil.cli.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil tools tsdb create-blocks-from}: groups the backfill sources. */
@Command(name = "create-blocks-from", mixinStandardHelpOptions = true,
    description = "Create blocks of data for new recording rules or from other sources.",
    subcommands = {OpenMetricsBackfillCommand.class})
public final class CreateBlocksFromCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
