package dev.vigil.web.api;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An API request as endpoints see it: its form values, the values its route took from the path, and
 * a way to hear that the client went away so that work done only for it can stop.
 */
public final class ApiRequest {
  private final Params params;
  private final Map<String, String> pathParams;
  private final CopyOnWriteArrayList<Runnable> goneListeners = new CopyOnWriteArrayList<>();
  private volatile boolean gone;

  public ApiRequest(Params params, Map<String, String> pathParams) {
    this.params = params;
    this.pathParams = Map.copyOf(pathParams);
  }

  public Params params() {
    return params;
  }

  /** A value the route matched in the path, e.g. {@code name} of {@code /label/:name/values}. */
  public String pathParam(String name) {
    return pathParams.getOrDefault(name, "");
  }

  /** Runs {@code listener} once the client has gone, at once if it already has; it may run twice, so must be idempotent. */
  public void onClientGone(Runnable listener) {
    goneListeners.add(listener);
    if (gone) {
      listener.run();
    }
  }

  /** Called by the transport when the connection fails or closes before the answer is complete. */
  public void clientGone() {
    gone = true;
    goneListeners.forEach(Runnable::run);
  }
}
