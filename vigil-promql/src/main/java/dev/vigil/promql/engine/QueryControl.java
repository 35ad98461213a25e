package dev.vigil.promql.engine;

/**
 * The caller's handle on one running query: a per-request timeout (0 means the engine's own) and a
 * way to cancel it, e.g. when the HTTP client goes away. Safe to use from another thread.
 */
public final class QueryControl {
  private final long timeoutMillis;
  private volatile boolean cancelled;

  public QueryControl(long timeoutMillis) {
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("negative timeout");
    }
    this.timeoutMillis = timeoutMillis;
  }

  public static QueryControl unlimited() {
    return new QueryControl(0);
  }

  public long timeoutMillis() {
    return timeoutMillis;
  }

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }
}
