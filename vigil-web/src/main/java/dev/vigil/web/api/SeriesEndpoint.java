package dev.vigil.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.MergeQuerier;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.StorageException;
import dev.vigil.web.json.ValueJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/series}: the label sets of the series that any {@code match[]} selects within
 * {@code start} and {@code end}, streamed as they are read.
 */
public final class SeriesEndpoint implements ApiEndpoint {
  private final Queryable storage;

  public SeriesEndpoint(Queryable storage) {
    this.storage = storage;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    Params params = request.params();
    if (params.formError() != null) {
      throw ApiException.badData("error parsing form values: " + params.formError());
    }
    List<String> selectors = params.all(MatchersParam.NAME);
    if (selectors.isEmpty()) {
      throw ApiException.badData("no match[] parameter provided");
    }
    long start = TimeParams.optional(params, "start", ApiTime.MIN_TIME);
    long end = TimeParams.optional(params, "end", ApiTime.MAX_TIME);
    List<Matcher[]> matcherSets;
    try {
      matcherSets = MatchersParam.parse(selectors);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(MatchersParam.NAME, e.getMessage());
    }
    Querier querier = storage.querier(start, end);
    QueryContext ctx = RequestContext.cancelledWhenGone(request);
    // "series" names no function: it tells storage that no samples will be read.
    SelectHints hints = new SelectHints(start, end, 0, "series", List.of(), false, 0);
    SeriesSet set;
    if (matcherSets.size() == 1) {
      set = querier.select(ctx, false, hints, matcherSets.get(0));
    } else {
      List<SeriesSet> sets = new ArrayList<>(matcherSets.size());
      for (Matcher[] matchers : matcherSets) {
        sets.add(querier.select(ctx, true, hints, matchers));
      }
      set = MergeQuerier.mergeSorted(sets);
    }
    return new LabelSetsResult(set, querier);
  }

  /** Writes each series' labels as the set yields them; the querier lives until the answer is out. */
  private record LabelSetsResult(SeriesSet set, Querier querier) implements ApiResult {
    @Override
    public void writeData(JsonGenerator json) throws IOException {
      json.writeStartArray();
      try {
        while (set.next()) {
          ValueJson.writeLabels(json, set.at().labels());
        }
      } catch (StorageException e) {
        throw StorageErrors.toApi(e);
      }
      json.writeEndArray();
    }

    @Override
    public List<String> warnings() {
      return set.warnings();
    }

    @Override
    public void close() {
      querier.close();
    }
  }
}
