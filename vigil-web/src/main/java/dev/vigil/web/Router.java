package dev.vigil.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Dispatches by path and method, answering what is not routed as Prometheus's router does: an
 * unknown path is {@code 404 page not found}, a known path with another method is
 * {@code 405 Method Not Allowed} with a sorted {@code Allow} header that always lists OPTIONS. Every routed request is measured
 * under its route's pattern.
 */
final class Router extends Handler.Abstract {
  private record Route(String method, PathPattern pattern, RouteTarget target) {}

  private final List<Route> routes = new ArrayList<>();
  private final WebMetrics metrics;

  Router(WebMetrics metrics) {
    this.metrics = metrics;
  }

  Router add(String method, String pattern, RouteTarget target) {
    routes.add(new Route(method, new PathPattern(pattern), target));
    return this;
  }

  /** Adds the same target for several methods. */
  Router add(List<String> methods, String pattern, RouteTarget target) {
    methods.forEach(m -> add(m, pattern, target));
    return this;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.pattern().match(path);
      if (params == null) {
        continue;
      }
      if (route.method().equals(request.getMethod())) {
        Callback measured = metrics.measure(route.pattern().toString(), request, response, callback);
        route.target().handle(request, response, measured, params);
        return true;
      }
      // As in Prometheus's router, an OPTIONS route never turns a 404 into a 405.
      if (!route.method().equals("OPTIONS")) {
        allowed.add(route.method());
      }
    }
    if (allowed.isEmpty()) {
      PlainText.send(response, callback, HttpStatus.NOT_FOUND_404, "404 page not found\n");
    } else {
      allowed.add("OPTIONS");
      response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
      PlainText.send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method Not Allowed\n");
    }
    return true;
  }
}
