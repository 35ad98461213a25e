package dev.vigil.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** The CORS headers Prometheus adds to API answers for a browser request, with its default origin {@code .*}. */
final class Cors {
  private Cors() {}

  static void apply(Request request, Response response) {
    if (request.getHeaders().get(HttpHeader.ORIGIN) == null) {
      return;
    }
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Accept, Authorization, Content-Type, Origin");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Date");
    response.getHeaders().put(HttpHeader.VARY, "Origin");
    response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
  }
}
