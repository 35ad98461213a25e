package dev.vigil.web.api;

/** {@code /api/v1/query_range}: one query at every {@code step} from {@code start} to {@code end}. */
public final class RangeQueryEndpoint implements ApiEndpoint {
  /** Points per series a range query may ask for: a week at 60s steps, or a year at 1h. */
  static final long MAX_POINTS = 11_000;

  private final QueryRunner runner;

  public RangeQueryEndpoint(QueryRunner runner) {
    this.runner = runner;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    Params params = request.params();
    long start = TimeParams.required(params, "start");
    long end = TimeParams.required(params, "end");
    if (end < start) {
      throw ApiException.invalidParameter("end", "end timestamp must not be before start time");
    }
    long stepNanos;
    try {
      stepNanos = ApiDuration.parseNanos(params.get("step"));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter("step", e.getMessage());
    }
    if (stepNanos <= 0) {
      throw ApiException.invalidParameter("step",
          "zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    if (spanNanos(start, end) / stepNanos > MAX_POINTS) {
      throw ApiException.badData("exceeded maximum resolution of 11,000 points per timeseries. "
          + "Try decreasing the query resolution (?step=XX)");
    }
    var control = QueryTimeout.control(params, runner.engineTimeoutMillis());
    String query = params.get("query");
    // The engine steps in whole milliseconds; Prometheus's engine cannot step by less either.
    long step = Math.max(1, ApiDuration.toMillis(stepNanos));
    // Unlike the instant endpoint, Prometheus reports a bad range query without naming the parameter.
    return runner.run(request, "range", control,
        (engine, storage, c) -> engine.range(storage, query, start, end, step, c),
        ApiException::badData);
  }

  /** end - start in nanoseconds, saturating as Go's Time.Sub does. */
  private static long spanNanos(long startMillis, long endMillis) {
    try {
      return Math.multiplyExact(Math.subtractExact(endMillis, startMillis), 1_000_000L);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
