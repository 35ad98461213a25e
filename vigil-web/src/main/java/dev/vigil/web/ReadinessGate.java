package dev.vigil.web;

import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * While storage is still opening (the WAL being replayed), answers the API and {@code /-/ready} with
 * Prometheus's 503 "Service Unavailable", and lets {@code /-/healthy} and {@code /metrics} through:
 * a long replay must not look like a dead process to a liveness probe.
 */
final class ReadinessGate extends Handler.Wrapper {
  private final BooleanSupplier ready;

  ReadinessGate(Handler handler, BooleanSupplier ready) {
    super(handler);
    this.ready = ready;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (!ready.getAsBoolean() && (path.startsWith("/api/") || path.equals("/-/ready"))) {
      PlainText.send(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "Service Unavailable");
      return true;
    }
    return super.handle(request, response, callback);
  }
}
