package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reads storage back whole, for tests that compare what went in with what comes out. */
public final class StoredSamples {
  private StoredSamples() {}

  /** Every selected series' samples as raw bits, keyed by time, in the order the querier gives them. */
  public static Map<Labels, TreeMap<Long, Long>> readAll(Queryable storage, long mint, long maxt, Matcher... matchers) {
    Map<Labels, TreeMap<Long, Long>> out = new LinkedHashMap<>();
    try (Querier q = storage.querier(mint, maxt)) {
      SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, matchers);
      SampleIterator it = null;
      while (set.next()) {
        TreeMap<Long, Long> samples = new TreeMap<>();
        it = set.at().iterator(it);
        while (it.next() == ValueType.FLOAT) {
          samples.put(it.atTime(), Double.doubleToRawLongBits(it.atValue()));
        }
        out.put(set.at().labels(), samples);
      }
    }
    return out;
  }
}
