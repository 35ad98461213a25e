package dev.vigil.cli.tools;

import dev.vigil.core.model.GoDuration;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockDirectory;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.index.IndexReader;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.SeriesEntry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil tools tsdb analyze DIR [BLOCK]}: the report {@code promtool tsdb analyze} prints about a
 * block's cardinality and churn. Ties are ordered by key, where promtool's order is arbitrary.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyze churn, label pair cardinality and compaction efficiency of a block.")
public final class TsdbAnalyzeCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", defaultValue = "data/", description = "Data directory (default: ${DEFAULT-VALUE}).")
  private Path dir;

  @Parameters(index = "1", arity = "0..1", description = "Block to analyze (default: the last block).")
  private String blockId;

  @Option(names = "--limit", defaultValue = "20", description = "How many items to show in each list.")
  private int limit;

  private record Info(String key, long metric) {}

  @Override
  public Integer call() throws Exception {
    List<Block> blocks = BlockDirectory.openAll(dir);
    try {
      if (blocks.isEmpty()) {
        throw new IllegalArgumentException("no blocks found in " + dir);
      }
      Block block = blocks.get(blocks.size() - 1);
      if (blockId != null) {
        block = blocks.stream().filter(b -> b.meta().ulid().equals(blockId)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("block " + blockId + " not found in " + dir));
      }
      analyze(block, spec.commandLine().getOut());
    } finally {
      blocks.forEach(Block::close);
    }
    return 0;
  }

  private void analyze(Block block, PrintWriter out) {
    BlockMeta meta = block.meta();
    IndexReader ir = block.index();
    long span = meta.maxTime() - meta.minTime();
    out.println("Block ID: " + meta.ulid());
    out.println("Duration: " + GoDuration.format(span));
    out.println("Series: " + meta.stats().numSeries());
    out.println("Label names: " + ir.labelNames().size());

    Map<String, Long> labelsUncovered = new HashMap<>();
    Map<String, Long> pairsUncovered = new HashMap<>();
    Map<String, Long> pairsCount = new HashMap<>();
    long entries = 0;
    Postings p = ir.allPostings();
    while (p.next()) {
      SeriesEntry s = ir.series(p.at());
      if (s.chunkCount() == 0) {
        continue;
      }
      long uncovered = span - (s.chunkMaxTimes()[s.chunkCount() - 1] - s.chunkMinTimes()[0]);
      for (int i = 0; i < s.labels().size(); i++) {
        String name = s.labels().name(i);
        String key = name + "=" + s.labels().value(i);
        labelsUncovered.merge(name, uncovered, Long::sum);
        pairsUncovered.merge(key, uncovered, Long::sum);
        pairsCount.merge(key, 1L, Long::sum);
        entries++;
      }
    }
    out.println("Postings (unique label pairs): " + pairsUncovered.size());
    out.println("Postings entries (total label pairs): " + entries);

    out.println();
    out.println("Label pairs most involved in churning:");
    print(out, churn(pairsUncovered, span));
    out.println();
    out.println("Label names most involved in churning:");
    print(out, churn(labelsUncovered, span));
    out.println();
    out.println("Most common label pairs:");
    print(out, infos(pairsCount));

    List<Info> valueLengths = new ArrayList<>();
    List<Info> cardinality = new ArrayList<>();
    for (String name : ir.labelNames()) {
      long total = 0;
      List<String> values = ir.labelValues(name);
      for (String v : values) {
        total += v.getBytes(StandardCharsets.UTF_8).length;
      }
      valueLengths.add(new Info(name, total));
      cardinality.add(new Info(name, values.size()));
    }
    out.println();
    out.println("Label names with highest cumulative label value length:");
    print(out, valueLengths);
    out.println();
    out.println("Highest cardinality labels:");
    print(out, cardinality);

    List<Info> metricNames = new ArrayList<>();
    for (String name : ir.labelValues("__name__")) {
      Postings mp = ir.postings("__name__", name);
      long count = 0;
      while (mp.next()) {
        count++;
      }
      metricNames.add(new Info(name, count));
    }
    out.println();
    out.println("Highest cardinality metric names:");
    print(out, metricNames);
    out.flush();
  }

  private static List<Info> churn(Map<String, Long> uncovered, long span) {
    List<Info> out = new ArrayList<>();
    uncovered.forEach((k, m) -> out.add(new Info(k, (long) ((double) m / (double) span))));
    return out;
  }

  private static List<Info> infos(Map<String, Long> counts) {
    List<Info> out = new ArrayList<>();
    counts.forEach((k, m) -> out.add(new Info(k, m)));
    return out;
  }

  private void print(PrintWriter out, List<Info> infos) {
    infos.sort(Comparator.comparingLong(Info::metric).reversed().thenComparing(Info::key));
    for (int i = 0; i < infos.size() && i < limit; i++) {
      out.println(infos.get(i).metric() + " " + infos.get(i).key());
    }
  }
}
