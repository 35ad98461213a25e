package dev.vigil.cli.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil tools}: groups the offline tools. */
@Command(name = "tools", mixinStandardHelpOptions = true, description = "Offline tools for TSDB data.",
    subcommands = {TsdbCommand.class})
public final class ToolsCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
