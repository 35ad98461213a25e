package dev.vigil.web.api;

import java.util.function.LongSupplier;

/** {@code /api/v1/query}: one query at one time ({@code time}, default now). */
public final class InstantQueryEndpoint implements ApiEndpoint {
  private final QueryRunner runner;
  private final LongSupplier nowMillis;

  public InstantQueryEndpoint(QueryRunner runner, LongSupplier nowMillis) {
    this.runner = runner;
    this.nowMillis = nowMillis;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    Params params = request.params();
    long time = TimeParams.optional(params, "time", nowMillis.getAsLong());
    var control = QueryTimeout.control(params, runner.engineTimeoutMillis());
    String query = params.get("query");
    return runner.run(request, "instant", control,
        (engine, storage, c) -> engine.instant(storage, query, time, c),
        message -> ApiException.invalidParameter("query", message));
  }
}
