package dev.vigil.web;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code /metrics}: the server's own metrics in the Prometheus text format 0.0.4. */
final class MetricsTarget implements RouteTarget {
  private final PrometheusRegistry registry;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  MetricsTarget(PrometheusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(Request request, Response response, Callback callback, Map<String, String> pathParams) {
    response.setStatus(HttpStatus.OK_200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, writer.getContentType());
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }
}
