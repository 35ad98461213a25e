package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.tsdb.index.Postings;
import java.util.List;

/**
 * Reads one block over [minTime, maxTime]. Series come in label order (the index stores them so).
 * Chunks wholly outside the range or wholly deleted are skipped; samples outside the range or inside a
 * deleted interval are dropped while iterating, as Prometheus trims them.
 */
final class BlockQuerier implements Querier {
  private final Block block;
  private final long minTime;
  private final long maxTime;

  BlockQuerier(Block block, long minTime, long maxTime) {
    this.block = block;
    this.minTime = minTime;
    this.maxTime = maxTime;
  }

  @Override
  public SeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers) {
    SeriesCursor cursor = new SeriesCursor(block, ctx, minTime, maxTime, hints, matchers);
    return new SeriesSet() {
      private Series current;

      @Override
      public boolean next() {
        if (!cursor.next()) {
          return false;
        }
        current = new BlockSeries(block, cursor.entry(), cursor.visibleChunks(), cursor.hidden());
        return true;
      }

      @Override
      public Series at() {
        return current;
      }
    };
  }

  @Override
  public List<String> labelValues(QueryContext ctx, String name, Matcher... matchers) {
    if (matchers.length == 0) {
      return block.index().labelValues(name);
    }
    return MatchingLabels.values(name, f -> forEachMatchingSeries(ctx, matchers, f));
  }

  @Override
  public List<String> labelNames(QueryContext ctx, Matcher... matchers) {
    if (matchers.length == 0) {
      return block.index().labelNames();
    }
    return MatchingLabels.names(f -> forEachMatchingSeries(ctx, matchers, f));
  }

  private void forEachMatchingSeries(QueryContext ctx, Matcher[] matchers, java.util.function.Consumer<Labels> f) {
    Postings p = PostingsForMatchers.select(block.index(), matchers);
    int n = 0;
    while (p.next()) {
      if ((++n & 1023) == 0) {
        ctx.checkCancelled();
      }
      f.accept(block.index().series(p.at()).labels());
    }
  }

  @Override
  public void close() {
    // The block owns the mapped files; a querier holds nothing of its own.
  }
}
