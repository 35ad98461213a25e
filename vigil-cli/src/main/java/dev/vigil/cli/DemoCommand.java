package dev.vigil.cli;

import dev.vigil.cli.tools.OpenMetricsImport;
import dev.vigil.testkit.OpenMetricsGenerator;
import dev.vigil.tsdb.backfill.Backfiller;
import dev.vigil.web.ServerOptions;
import dev.vigil.web.VigilServer;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code vigil demo}: runs what works end to end on one machine. Today: generate a synthetic
 * multi-hour OpenMetrics dataset, cut it into Prometheus TSDB blocks, list, analyze and dump them with
 * the same tools promtool users know, then serve them with {@code vigil server} and query them through
 * Prometheus's HTTP API. The rest of the deployment (scraping, querier, store, compactor, UI) joins as
 * it is built.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the demo: generate data, write Prometheus blocks, inspect them, and query them over HTTP.")
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
    serveAndQuery(out, blocks, generated);
    return code;
  }

  /** Step 6: serves the blocks through Prometheus's HTTP API and asks it a few PromQL questions. */
  private static void serveAndQuery(PrintWriter out, Path blocks, OpenMetricsGenerator.Result generated)
      throws Exception {
    try (VigilServer server = VigilServer.start(ServerOptions.loopback(blocks))) {
      out.println("== 6. vigil server --storage.tsdb.path=" + blocks + " is listening on " + server.baseUrl());
      String end = Long.toString(generated.maxTimeMs() / 1000);
      String start = Long.toString(generated.maxTimeMs() / 1000 - 3600);
      String counter = generated.sampleNames().stream().filter(n -> n.endsWith("_total")).findFirst()
          .orElse(generated.sampleNames().get(0));
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of(
          "/api/v1/query?time=" + end + "&query=" + encode("count by (__name__) ({__name__=~\".+\"})"),
          "/api/v1/query?time=" + end + "&query=" + encode("topk(3, rate(" + counter + "[5m]))"),
          "/api/v1/query_range?start=" + start + "&end=" + end + "&step=15m&query="
              + encode("sum(rate(" + counter + "[5m]))"))) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        out.println("   GET " + path);
        out.println("   -> " + response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + " ..." : body));
      }
      out.println("== serve your own blocks: bin/vigil server --storage.tsdb.path=" + blocks
          + " --web.listen-address=127.0.0.1:9090");
      out.flush();
    }
  }

  private static String encode(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private void run(String... args) {
    spec.commandLine().getOut().flush();
    int code = Vigil.run(System.out, System.err, args);
    if (code != 0) {
      throw new IllegalStateException("vigil " + String.join(" ", args) + " failed with exit code " + code);
    }
  }
}
