package dev.vigil.cli;

import dev.vigil.cli.tools.OpenMetricsImport;
import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.tsdb.backfill.Backfiller;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil demo}: runs what works end to end on one machine. Today that is the storage slice:
 * generate a synthetic multi-hour OpenMetrics dataset, cut it into Prometheus TSDB blocks, then list,
 * analyze and dump them with the same tools promtool users know. The full deployment (servers,
 * querier, store, compactor, UI) joins as it is built.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the demo: generate data, write Prometheus blocks, and inspect them.")
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--data-dir", description = "Where to put the generated input and blocks (default: a new temp dir).")
  private Path dataDir;

  @Option(names = "--series", defaultValue = "500", description = "Number of series to generate (default: ${DEFAULT-VALUE}).")
  private int series;

  @Option(names = "--hours", defaultValue = "7", description = "Hours of data at 15s resolution (default: ${DEFAULT-VALUE}).")
  private int hours;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("vigil-demo");
    Path input = dir.resolve("demo.om");
    Path blocks = dir.resolve("data");
    out.println("== 1. generating " + hours + "h of " + series + " series at 15s into " + input);
    OpenMetricsGenerator.Result generated = OpenMetricsGenerator.builder().series(series)
        .duration(Duration.ofHours(hours)).build().writeTo(input);
    out.println("   " + generated.samples() + " samples, " + generated.series() + " series");

    out.println("== 2. cutting Prometheus TSDB blocks into " + blocks);
    long started = System.nanoTime();
    OpenMetricsImport.run(input, blocks, Backfiller.DEFAULT_BLOCK_DURATION, meta -> { });
    out.printf("   done in %.2f s%n", (System.nanoTime() - started) / 1e9);
    out.flush();

    out.println("== 3. vigil tools tsdb list " + blocks);
    run("tools", "tsdb", "list", blocks.toString());
    out.println("== 4. vigil tools tsdb analyze " + blocks + " --limit=3");
    run("tools", "tsdb", "analyze", blocks.toString(), "--limit=3");
    String name = generated.sampleNames().get(0);
    out.println("== 5. first samples of " + name + ": vigil tools tsdb dump --match=" + name);
    StringBuilder dump = new StringBuilder();
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    int code = Vigil.run(new java.io.PrintStream(buf, true, "UTF-8"), System.err, "tools", "tsdb", "dump",
        blocks.toString(), "--match=" + name);
    String[] lines = buf.toString("UTF-8").split("\n");
    for (int i = 0; i < Math.min(5, lines.length); i++) {
      dump.append("   ").append(lines[i]).append('\n');
    }
    out.print(dump);
    out.println("   ... " + lines.length + " samples in all");
    out.println("== the blocks are Prometheus's format: `promtool tsdb list " + blocks + "` reads them, and");
    out.println("   Prometheus serves them when they are placed in its --storage.tsdb.path.");
    out.flush();
    return code;
  }

  private void run(String... args) {
    spec.commandLine().getOut().flush();
    int code = Vigil.run(System.out, System.err, args);
    if (code != 0) {
      throw new IllegalStateException("vigil " + String.join(" ", args) + " failed with exit code " + code);
    }
  }
}
