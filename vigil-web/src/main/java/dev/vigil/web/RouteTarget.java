package dev.vigil.web;

import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** What answers a request once the router has matched its path and method. */
@FunctionalInterface
interface RouteTarget {
  /** Answers the request and completes the callback, as a Jetty handler does; may block. */
  void handle(Request request, Response response, Callback callback, Map<String, String> pathParams)
      throws Exception;
}
