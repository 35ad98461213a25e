package dev.vigil.cli.tools;

import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil tools tsdb list DIR}: one line per block, as {@code promtool tsdb list} prints it. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the blocks of a data directory.")
public final class TsdbListCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = {"-r", "--human-readable"}, description = "Print human readable values.")
  private boolean humanReadable;

  @Parameters(index = "0", defaultValue = "data/", description = "Data directory (default: ${DEFAULT-VALUE}).")
  private Path dir;

  @Override
  public Integer call() throws Exception {
    List<Block> blocks = BlockDirectory.openAll(dir);
    try {
      BlockTable table = new BlockTable(humanReadable, true);
      for (Block b : blocks) {
        table.add(b.meta(), b.sizeBytes());
      }
      table.print(spec.commandLine().getOut());
    } finally {
      blocks.forEach(Block::close);
    }
    return 0;
  }
}
