package dev.vigil.bench.scrape;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Scrape targets for the ingestion benchmark ({@code scripts/ingest-vs-prometheus.sh}): K targets on
 * K loopback ports (Prometheus tells targets apart by address), each serving its share of the series
 * as Prometheus text 0.0.4 on {@code /metrics}, with node-exporter-like families
 * ({@link NodeLikeLayout}). Values are a function of the scrape epoch ({@link SeriesValue}), so two
 * servers scraping side by side store the same samples. Runs until killed:
 *
 * <pre>
 * java -cp vigil-benchmarks.jar dev.vigil.bench.scrape.TargetFarm --sd-file targets.json \
 *     [--targets 100] [--series 200000] [--interval 15s] [--churn 0] [--gzip on]
 * </pre>
 *
 * Once every port listens it writes the file_sd file (atomically: its appearance means ready) and
 * prints {@code targets=K series=S first_port=P}.
 */
public final class TargetFarm implements AutoCloseable {
  private final List<HttpServer> servers;
  private final ExecutorService handlers;

  private TargetFarm(List<HttpServer> servers, ExecutorService handlers) {
    this.servers = servers;
    this.handlers = handlers;
  }

  static TargetFarm start(FarmSettings settings) throws IOException {
    // Each server has its own dispatcher thread; the handlers share a pool as big as the machine.
    ExecutorService handlers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    EpochClock clock = EpochClock.startingNow(settings.intervalMillis());
    List<HttpServer> servers = new ArrayList<>(settings.targets());
    TargetFarm farm = new TargetFarm(servers, handlers);
    try {
      for (int i = 0; i < settings.targets(); i++) {
        TargetExposition exposition = new TargetExposition(
            NodeLikeLayout.families(settings.seriesOf(i), i + 1), settings.churnPeriod());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/metrics", new ExpositionHandler(new EpochFrames(exposition), clock, settings.gzip()));
        server.setExecutor(handlers);
        server.start();
        servers.add(server);
      }
    } catch (IOException | RuntimeException e) {
      farm.close();
      throw e;
    }
    return farm;
  }

  List<Integer> ports() {
    return servers.stream().map(s -> s.getAddress().getPort()).collect(Collectors.toList());
  }

  /** Writes a file_sd file listing every target, through a rename so no reader sees half of it. */
  void writeFileSd(Path file) throws IOException {
    String targets = ports().stream().map(p -> "\"127.0.0.1:" + p + "\"").collect(Collectors.joining(", "));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, "[{\"targets\": [" + targets + "]}]\n", StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    handlers.shutdownNow();
  }

  public static void main(String[] args) throws IOException {
    FarmSettings settings;
    try {
      settings = FarmSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("TargetFarm: " + e.getMessage());
      System.err.println(FarmSettings.USAGE);
      System.exit(2);
      return;
    }
    TargetFarm farm = start(settings);
    farm.writeFileSd(settings.sdFile());
    // A command-line entry point: its report goes to stdout. The servers' threads keep the JVM alive.
    System.out.printf("targets=%d series=%d first_port=%d%n", settings.targets(), settings.series(), farm.ports().get(0));
  }
}
