package dev.vigil.cli.tools;

import dev.vigil.core.model.GoDuration;
import dev.vigil.tsdb.Block;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil tools tsdb create-blocks-from openmetrics INPUT [OUTPUT_DIR]}: turns an OpenMetrics file
 * with timestamps into blocks, one per epoch-aligned window of the block duration, as {@code promtool
 * tsdb create-blocks-from openmetrics} does, and prints the same table.
 */
@Command(name = "openmetrics", mixinStandardHelpOptions = true,
    description = "Import samples from OpenMetrics input and produce TSDB blocks.")
public final class OpenMetricsBackfillCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "OpenMetrics file to read samples from.")
  private Path input;

  @Parameters(index = "1", defaultValue = "data/", description = "Output directory for generated blocks.")
  private Path output;

  @Option(names = {"-r", "--human-readable"}, description = "Print human readable values.")
  private boolean humanReadable;

  @Option(names = {"-q", "--quiet"}, description = "Do not print created blocks.")
  private boolean quiet;

  @Option(names = "--max-block-duration", defaultValue = "2h",
      description = "Maximum duration created blocks may span; rounded down to 2h, 6h, 18h, ... (default: 2h).")
  private String maxBlockDuration;

  @Override
  public Integer call() throws Exception {
    boolean[] headerWritten = {false};
    OpenMetricsImport.run(input, output, GoDuration.parseMillis(maxBlockDuration), meta -> {
      if (quiet) {
        return;
      }
      // promtool aligns each block's row on its own (a new tabwriter per block), header with the first.
      BlockTable table = new BlockTable(humanReadable, !headerWritten[0]);
      headerWritten[0] = true;
      try (Block block = Block.open(output.resolve(meta.ulid()))) {
        table.add(meta, block.sizeBytes());
      }
      table.print(spec.commandLine().getOut());
    });
    return 0;
  }
}
