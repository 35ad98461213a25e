package dev.vigil.web;

import dev.vigil.promql.engine.ErrorType;
import dev.vigil.web.api.QueryRunner;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's own metrics, named like Prometheus's {@code prometheus_http_*} and
 * {@code prometheus_engine_*} families under Vigil's prefix: requests and their durations per route,
 * and queries per kind and outcome.
 */
final class WebMetrics implements QueryRunner.QueryListener {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests = Counter.builder()
      .name("vigil_http_requests_total")
      .help("HTTP requests answered, by route and status code.")
      .labelNames("handler", "code")
      .register(registry);
  private final Histogram durations = Histogram.builder()
      .name("vigil_http_request_duration_seconds")
      .help("Time from a request's arrival until its answer was complete, by route.")
      .classicOnly()
      .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
      .labelNames("handler")
      .register(registry);
  private final Counter queries = Counter.builder()
      .name("vigil_engine_queries_total")
      .help("PromQL queries run, by kind (instant, range) and outcome (success or the API error type).")
      .labelNames("kind", "outcome")
      .register(registry);

  PrometheusRegistry registry() {
    return registry;
  }

  /** Wraps the callback of a routed request so that its completion is counted and timed. */
  Callback measure(String handler, Request request, Response response, Callback callback) {
    long startNanos = request.getBeginNanoTime();
    Runnable record = () -> {
      requests.labelValues(handler, Integer.toString(response.getStatus())).inc();
      durations.labelValues(handler).observe((System.nanoTime() - startNanos) / 1e9);
    };
    return new Callback.Nested(callback) {
      @Override
      public void succeeded() {
        record.run();
        super.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        record.run();
        super.failed(x);
      }
    };
  }

  @Override
  public void queryDone(String kind, ErrorType failure) {
    queries.labelValues(kind, failure == null ? "success" : failure.apiName()).inc();
  }
}
