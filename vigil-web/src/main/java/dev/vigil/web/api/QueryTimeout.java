package dev.vigil.web.api;

import dev.vigil.promql.engine.QueryControl;

/**
 * The {@code timeout} parameter of the query endpoints: it can shorten the engine's own timeout, never
 * extend it. Absent, the query gets the engine's timeout.
 */
final class QueryTimeout {
  static final String NAME = "timeout";

  private QueryTimeout() {}

  /** A fresh control for one query, honouring the parameter if given. */
  static QueryControl control(Params params, long engineTimeoutMillis) {
    String value = params.get(NAME);
    if (value.isEmpty()) {
      return new QueryControl(engineTimeoutMillis);
    }
    long nanos;
    try {
      nanos = ApiDuration.parseNanos(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(NAME, e.getMessage());
    }
    // Prometheus lets a zero or negative timeout expire at once; the shortest a control holds is 1 ms.
    long millis = Math.max(1, ceilMillis(nanos));
    return new QueryControl(Math.min(millis, engineTimeoutMillis));
  }

  private static long ceilMillis(long nanos) {
    return nanos <= 0 ? 0 : (nanos - 1) / 1_000_000L + 1;
  }
}
