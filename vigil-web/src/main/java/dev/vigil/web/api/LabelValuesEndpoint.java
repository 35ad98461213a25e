package dev.vigil.web.api;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.Queryable;

/** {@code /api/v1/label/<name>/values}: the values of one label among the series selected, or all series. */
public final class LabelValuesEndpoint implements ApiEndpoint {
  private final Queryable storage;

  public LabelValuesEndpoint(Queryable storage) {
    this.storage = storage;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    String name = request.pathParam("name");
    if (!LabelNames.isValidLabelName(name)) {
      throw ApiException.badData("invalid label name: " + GoQuote.quote(name));
    }
    QueryContext ctx = RequestContext.cancelledWhenGone(request);
    return LabelLookup.run(storage, request, (querier, matchers) -> querier.labelValues(ctx, name, matchers));
  }
}
