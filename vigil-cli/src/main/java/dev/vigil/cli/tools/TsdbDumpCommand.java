package dev.vigil.cli.tools;

import dev.vigil.core.labels.Matcher;
import dev.vigil.core.labels.SelectorParser;
import dev.vigil.core.model.GoFloat;
import dev.vigil.core.storage.MergeQuerier;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil tools tsdb dump DIR}: every sample as {@code {labels} value timestamp}, exactly the
 * lines {@code promtool tsdb dump} prints: series in label order across all blocks, values in Go's
 * {@code %g} form.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Dump samples from a data directory.")
public final class TsdbDumpCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", defaultValue = "data/", description = "Data directory (default: ${DEFAULT-VALUE}).")
  private Path dir;

  @Option(names = "--min-time", defaultValue = "-9223372036854775808", description = "Minimum timestamp to dump.")
  private long minTime;

  @Option(names = "--max-time", defaultValue = "9223372036854775807", description = "Maximum timestamp to dump.")
  private long maxTime;

  @Option(names = "--match", defaultValue = "{__name__=~'(?s:.*)'}", description = "Series selector.")
  private String match;

  @Override
  public Integer call() throws Exception {
    Matcher[] matchers = SelectorParser.parse(match).toArray(new Matcher[0]);
    List<Block> blocks = BlockDirectory.openAll(dir);
    List<Querier> queriers = new ArrayList<>();
    for (Block b : blocks) {
      queriers.add(b.querier(minTime, maxTime));
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try (Querier q = new MergeQuerier(queriers)) {
      SeriesSet set = q.select(QueryContext.BACKGROUND, false, null, matchers);
      SampleIterator it = null;
      StringBuilder line = new StringBuilder(256);
      while (set.next()) {
        Series s = set.at();
        String labels = s.labels().toString();
        it = s.iterator(it);
        while (it.next() == ValueType.FLOAT) {
          line.setLength(0);
          line.append(labels).append(' ').append(GoFloat.formatG(it.atValue())).append(' ').append(it.atTime())
              .append('\n');
          // write() does not flush, unlike println on an auto-flushing writer.
          out.write(line.toString());
        }
      }
      for (String w : set.warnings()) {
        err.println("warning: " + w);
      }
    } finally {
      out.flush();
      blocks.forEach(Block::close);
    }
    return 0;
  }
}
