package dev.vigil.web.api;

import dev.vigil.core.storage.Queryable;
import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.ErrorType;
import dev.vigil.promql.engine.PromqlException;
import dev.vigil.promql.engine.QueryControl;
import dev.vigil.promql.engine.QueryResult;
import java.util.function.Function;

/**
 * Runs one query for the query endpoints: cancels it when the client goes away, reports how it ended,
 * and turns its failure into the API's error. What is wrong with the query itself (type
 * {@code bad_data}) is worded by the endpoint, as Prometheus words it differently per endpoint.
 */
public final class QueryRunner {
  /** Hears how each query ended, for metrics. */
  @FunctionalInterface
  public interface QueryListener {
    /** {@code failure} is null for a query that succeeded. */
    void queryDone(String kind, ErrorType failure);
  }

  /** The call into the engine, with the storage and control filled in. */
  @FunctionalInterface
  interface Call {
    QueryResult run(Engine engine, Queryable storage, QueryControl control);
  }

  private final Engine engine;
  private final Queryable storage;
  private final QueryListener listener;

  public QueryRunner(Engine engine, Queryable storage, QueryListener listener) {
    this.engine = engine;
    this.storage = storage;
    this.listener = listener;
  }

  long engineTimeoutMillis() {
    return engine.options().timeoutMillis();
  }

  ApiResult run(ApiRequest request, String kind, QueryControl control, Call call,
      Function<String, ApiException> badQuery) {
    request.onClientGone(control::cancel);
    QueryResult result;
    try {
      result = call.run(engine, storage, control);
    } catch (PromqlException e) {
      listener.queryDone(kind, e.type());
      if (e.type() == ErrorType.BAD_DATA) {
        throw badQuery.apply(e.getMessage());
      }
      throw new ApiException(e.type(), e.getMessage());
    }
    listener.queryDone(kind, null);
    return new ValueResult(result.value(), result.warnings());
  }
}
