package dev.vigil.web;

import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /-/healthy} and {@code /-/ready}: 200 with a one-line text, or no body for HEAD. Prometheus's
 * text names Prometheus ("Prometheus Server is Healthy."); Vigil's names Vigil in the same shape.
 * While storage is opening, {@link ReadinessGate} answers {@code /-/ready} instead.
 */
final class HealthTarget implements RouteTarget {
  private final String text;

  private HealthTarget(String text) {
    this.text = text;
  }

  static HealthTarget healthy() {
    return new HealthTarget("Vigil Server is Healthy.\n");
  }

  static HealthTarget ready() {
    return new HealthTarget("Vigil Server is Ready.\n");
  }

  @Override
  public void handle(Request request, Response response, Callback callback, Map<String, String> pathParams) {
    if (request.getMethod().equals("HEAD")) {
      response.setStatus(HttpStatus.OK_200);
      callback.succeeded();
      return;
    }
    PlainText.send(response, callback, HttpStatus.OK_200, text);
  }
}
