package dev.vigil.bench.scrape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Serves a target's current body on {@code GET /metrics}, gzipped when the farm may and the scraper asks. */
final class ExpositionHandler implements HttpHandler {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final EpochFrames frames;
  private final EpochClock clock;
  private final boolean gzip;

  ExpositionHandler(EpochFrames frames, EpochClock clock, boolean gzip) {
    this.frames = frames;
    this.clock = clock;
    this.gzip = gzip;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      boolean compress = gzip && acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
      long epoch = clock.epoch();
      byte[] body = compress ? frames.gzipped(epoch) : frames.plain(epoch);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      if (compress) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /** Prometheus and Vigil both send exactly {@code gzip}; no q-values to weigh. */
  private static boolean acceptsGzip(String acceptEncoding) {
    return acceptEncoding != null && acceptEncoding.contains("gzip");
  }
}
