package dev.vigil.web.api;

import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.Queryable;

/** {@code /api/v1/labels}: the label names of the series selected, or of all series. */
public final class LabelNamesEndpoint implements ApiEndpoint {
  private final Queryable storage;

  public LabelNamesEndpoint(Queryable storage) {
    this.storage = storage;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    QueryContext ctx = RequestContext.cancelledWhenGone(request);
    return LabelLookup.run(storage, request, (querier, matchers) -> querier.labelNames(ctx, matchers));
  }
}
