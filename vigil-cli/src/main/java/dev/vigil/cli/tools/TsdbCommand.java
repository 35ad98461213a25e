package dev.vigil.cli.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil tools tsdb}: the counterparts of {@code promtool tsdb}. */
@Command(name = "tsdb", mixinStandardHelpOptions = true, description = "Create, list, dump and analyze TSDB blocks.",
    subcommands = {CreateBlocksFromCommand.class, TsdbListCommand.class, TsdbDumpCommand.class,
        TsdbAnalyzeCommand.class})
public final class TsdbCommand implements Runnable {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
