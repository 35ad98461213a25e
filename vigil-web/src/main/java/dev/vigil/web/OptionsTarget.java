package dev.vigil.web;

import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** OPTIONS on any API path: a CORS preflight, answered 204 with the CORS headers as Prometheus does. */
final class OptionsTarget implements RouteTarget {
  @Override
  public void handle(Request request, Response response, Callback callback, Map<String, String> pathParams) {
    Cors.apply(request, response);
    response.setStatus(HttpStatus.NO_CONTENT_204);
    callback.succeeded();
  }
}
