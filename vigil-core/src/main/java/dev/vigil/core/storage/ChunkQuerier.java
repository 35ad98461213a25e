package dev.vigil.core.storage;

import dev.vigil.core.labels.Matcher;

/** Like {@link Querier}, but yields encoded chunks instead of decoded samples. */
public interface ChunkQuerier extends AutoCloseable {
  ChunkSeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers);

  @Override
  void close();
}
