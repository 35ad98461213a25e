package dev.vigil.web.api;

import dev.vigil.core.labels.Matcher;
import dev.vigil.core.labels.Utf8Order;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.StorageException;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * What the labels and label-values endpoints share: {@code start}, {@code end} and {@code match[]}
 * read as Prometheus reads them there, and the union over all selectors, sorted by bytes.
 */
final class LabelLookup {
  private LabelLookup() {}

  /**
   * Runs {@code lookup} once per selector (or once with no matchers when there are none) and answers
   * the sorted union.
   */
  static ApiResult run(Queryable storage, ApiRequest request,
      BiFunction<Querier, Matcher[], List<String>> lookup) {
    Params params = request.params();
    long start = TimeParams.optional(params, "start", ApiTime.MIN_TIME);
    long end = TimeParams.optional(params, "end", ApiTime.MAX_TIME);
    List<Matcher[]> matcherSets;
    try {
      matcherSets = MatchersParam.parse(params.all(MatchersParam.NAME));
    } catch (IllegalArgumentException e) {
      // Here, unlike for series, Prometheus does not name the parameter.
      throw ApiException.badData(e.getMessage());
    }
    TreeSet<String> union = new TreeSet<>(Utf8Order::compare);
    try (Querier querier = storage.querier(start, end)) {
      if (matcherSets.isEmpty()) {
        union.addAll(lookup.apply(querier, new Matcher[0]));
      }
      for (Matcher[] matchers : matcherSets) {
        union.addAll(lookup.apply(querier, matchers));
      }
    } catch (StorageException e) {
      throw StorageErrors.toApi(e);
    }
    return new StringListResult(union);
  }
}
