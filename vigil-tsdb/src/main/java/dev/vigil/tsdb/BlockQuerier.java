package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.labels.Utf8Order;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.SeriesEntry;
import dev.vigil.tsdb.tombstones.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

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
    long mint = minTime;
    long maxt = maxTime;
    if (hints != null) {
      mint = Math.max(mint, hints.start());
      maxt = Math.min(maxt, hints.end());
    }
    if (mint > maxt || maxt < block.meta().minTime() || mint >= block.meta().maxTime()) {
      return SeriesSet.EMPTY;
    }
    Postings postings = PostingsForMatchers.select(block.index(), matchers);
    return new BlockSeriesSet(ctx, postings, mint, maxt);
  }

  @Override
  public List<String> labelValues(QueryContext ctx, String name, Matcher... matchers) {
    if (matchers.length == 0) {
      return block.index().labelValues(name);
    }
    TreeSet<String> values = new TreeSet<>(Utf8Order::compare);
    forEachMatchingSeries(ctx, matchers, labels -> {
      String v = labels.get(name);
      if (v != null) {
        values.add(v);
      }
    });
    return new ArrayList<>(values);
  }

  @Override
  public List<String> labelNames(QueryContext ctx, Matcher... matchers) {
    if (matchers.length == 0) {
      return block.index().labelNames();
    }
    TreeSet<String> names = new TreeSet<>(Utf8Order::compare);
    forEachMatchingSeries(ctx, matchers, labels -> labels.forEach((n, v) -> names.add(n)));
    return new ArrayList<>(names);
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

  private final class BlockSeriesSet implements SeriesSet {
    private final QueryContext ctx;
    private final Postings postings;
    private final long mint;
    private final long maxt;
    private Series current;
    private int visited;

    BlockSeriesSet(QueryContext ctx, Postings postings, long mint, long maxt) {
      this.ctx = ctx;
      this.postings = postings;
      this.mint = mint;
      this.maxt = maxt;
    }

    @Override
    public boolean next() {
      while (postings.next()) {
        if ((++visited & 1023) == 0) {
          ctx.checkCancelled();
        }
        SeriesEntry e = block.index().series(postings.at());
        List<Interval> deleted = DeletedIntervals.of(block.tombstones().get(e.ref()), mint, maxt);
        List<Integer> keep = new ArrayList<>(e.chunkCount());
        for (int i = 0; i < e.chunkCount(); i++) {
          if (!DeletedIntervals.covers(deleted, e.chunkMinTimes()[i], e.chunkMaxTimes()[i])) {
            keep.add(i);
          }
        }
        if (keep.isEmpty()) {
          continue;
        }
        current = new BlockSeries(block, e, keep, deleted);
        return true;
      }
      return false;
    }

    @Override
    public Series at() {
      return current;
    }
  }
}
