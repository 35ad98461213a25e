package dev.vigil.testkit.target;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scrape target serving OpenMetrics on {@code /metrics} whose content is a function of the current
 * phase (wall-clock time divided by a phase length): counters, a gauge, a histogram, a summary, an
 * info metric, escaped label values, and a set of series that grows and shrinks from phase to phase.
 * Two scrapers that scrape it at different moments of one phase read identical values, so servers
 * scraping it side by side must agree exactly at any instant well inside a phase.
 */
public final class PhasedOpenMetricsTarget implements AutoCloseable {
  public static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final long phaseMillis;

  private PhasedOpenMetricsTarget(HttpServer server, ExecutorService executor, long phaseMillis) {
    this.server = server;
    this.executor = executor;
    this.phaseMillis = phaseMillis;
  }

  /** Serves on a free loopback port, changing content every {@code phaseMillis} of wall-clock time. */
  public static PhasedOpenMetricsTarget start(long phaseMillis) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "phased-openmetrics-target");
      t.setDaemon(true);
      return t;
    });
    PhasedOpenMetricsTarget target = new PhasedOpenMetricsTarget(server, executor, phaseMillis);
    server.createContext("/metrics", exchange -> {
      byte[] body = target.exposition(target.phase()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(executor);
    server.start();
    return target;
  }

  /** {@code 127.0.0.1:<port>}, as a static_configs target. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public long phaseMillis() {
    return phaseMillis;
  }

  /** The phase the target is in now. */
  public long phase() {
    return System.currentTimeMillis() / phaseMillis;
  }

  /** When phase {@code p} starts, in milliseconds since the epoch. */
  public long phaseStart(long p) {
    return p * phaseMillis;
  }

  /** The exposition served during phase {@code p}. */
  public String exposition(long p) {
    StringBuilder out = new StringBuilder(2048);
    out.append("# TYPE demo_requests counter\n# HELP demo_requests Requests served.\n");
    out.append("demo_requests_total{path=\"/a\",code=\"200\"} ").append(100 + 7 * p).append('\n');
    out.append("demo_requests_total{path=\"/b\",code=\"500\"} ").append(3 * p).append('\n');
    out.append("# TYPE demo_temperature_celsius gauge\n# UNIT demo_temperature_celsius celsius\n");
    out.append("demo_temperature_celsius{room=\"r1\"} ").append(format(20.5 + p % 3)).append('\n');
    out.append("demo_temperature_celsius{room=\"r2\"} ").append(format(-4.25 * (p % 5))).append('\n');
    out.append("# TYPE demo_latency_seconds histogram\n");
    long c1 = 10 + p;
    long c2 = c1 + 5 + p % 4;
    long c3 = c2 + 2;
    out.append("demo_latency_seconds_bucket{le=\"0.1\"} ").append(c1).append('\n');
    out.append("demo_latency_seconds_bucket{le=\"0.5\"} ").append(c2).append('\n');
    out.append("demo_latency_seconds_bucket{le=\"+Inf\"} ").append(c3).append('\n');
    out.append("demo_latency_seconds_sum ").append(format(c3 * 0.125)).append('\n');
    out.append("demo_latency_seconds_count ").append(c3).append('\n');
    out.append("# TYPE demo_rpc_seconds summary\n");
    out.append("demo_rpc_seconds{quantile=\"0.5\"} ").append(format(0.05 + (p % 7) / 100.0)).append('\n');
    out.append("demo_rpc_seconds{quantile=\"0.9\"} ").append(format(0.2 + (p % 7) / 50.0)).append('\n');
    out.append("demo_rpc_seconds_sum ").append(format(p * 1.5)).append('\n');
    out.append("demo_rpc_seconds_count ").append(p * 10).append('\n');
    out.append("# TYPE demo_build info\n");
    out.append("demo_build_info{version=\"1.2.3\",revision=\"abc\"} 1\n");
    out.append("# TYPE demo_label_escapes gauge\n");
    out.append("demo_label_escapes{msg=\"quote \\\" backslash \\\\ newline \\n end\",utf8=\"Grüße ✓\"} 1\n");
    out.append("# TYPE demo_worker_busy gauge\n");
    for (long w = 0; w <= p % 4; w++) {
      out.append("demo_worker_busy{worker=\"w").append(w).append("\"} ").append((p + w) % 2).append('\n');
    }
    out.append("# EOF\n");
    return out.toString();
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
