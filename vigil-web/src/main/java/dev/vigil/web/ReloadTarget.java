package dev.vigil.web;

import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST|PUT /-/reload}: re-reads the configuration file, as Prometheus does, answering 200 with
 * no body, or 500 {@code failed to reload config: <why>} while the old configuration keeps running;
 * 403 unless the lifecycle API is enabled ({@code --web.enable-lifecycle}).
 */
final class ReloadTarget implements RouteTarget {
  /** Applies the configuration file anew; throws with the reason when it cannot be used. */
  @FunctionalInterface
  interface Reloader {
    void reload() throws Exception;
  }

  private final boolean enabled;
  private final Reloader reloader;

  ReloadTarget(boolean enabled, Reloader reloader) {
    this.enabled = enabled;
    this.reloader = reloader;
  }

  @Override
  public void handle(Request request, Response response, Callback callback, Map<String, String> pathParams) {
    if (!enabled) {
      PlainText.send(response, callback, HttpStatus.FORBIDDEN_403, "Lifecycle API is not enabled.\n");
      return;
    }
    try {
      reloader.reload();
    } catch (Exception e) {
      PlainText.send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
          "failed to reload config: " + e.getMessage() + "\n");
      return;
    }
    response.setStatus(HttpStatus.OK_200);
    callback.succeeded();
  }
}
