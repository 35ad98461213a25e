package dev.vigil.core.storage;

import dev.vigil.core.labels.Matcher;
import java.util.List;

/**
 * Reads series from one storage over the fixed time range it was opened for (both ends inclusive).
 * Strings and series it returns stay valid until it is closed. A querier is used by one thread.
 */
public interface Querier extends AutoCloseable {
  /**
   * Selects the series that satisfy every matcher and have samples in range. With {@code sorted} the
   * series come in label-set order (required for merging). {@code hints} may be null.
   */
  SeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers);

  /** Sorted distinct values of the label among series matching the matchers (all series when none). */
  List<String> labelValues(QueryContext ctx, String name, Matcher... matchers);

  /** Sorted distinct label names among series matching the matchers (all series when none). */
  List<String> labelNames(QueryContext ctx, Matcher... matchers);

  @Override
  void close();
}
