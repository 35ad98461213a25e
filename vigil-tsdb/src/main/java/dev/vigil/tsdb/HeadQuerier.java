package dev.vigil.tsdb;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.Series;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.tsdb.index.Postings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the head over [minTime, maxTime]: the series the matchers select that have chunks in range,
 * each a snapshot of its chunks taken when selected. Sorted selects sort by labels, since head
 * references follow creation order, not label order.
 */
final class HeadQuerier implements Querier {
  private final Head head;
  private final long minTime;
  private final long maxTime;

  HeadQuerier(Head head, long minTime, long maxTime) {
    this.head = head;
    this.minTime = minTime;
    this.maxTime = maxTime;
  }

  @Override
  public SeriesSet select(QueryContext ctx, boolean sorted, SelectHints hints, Matcher... matchers) {
    List<Series> selected = new ArrayList<>();
    forEachSelected(ctx, matchers, s -> {
      ChunkSequence chunks;
      synchronized (s) {
        chunks = s.snapshot(minTime, maxTime);
      }
      if (chunks.size() > 0) {
        selected.add(new SnapshotSeries(s.labels(), chunks, minTime, maxTime));
      }
    });
    if (sorted) {
      selected.sort(Comparator.comparing(Series::labels));
    }
    return SeriesSet.of(selected);
  }

  private void forEachSelected(QueryContext ctx, Matcher[] matchers, Consumer<MemSeries> action) {
    Postings p = matchers.length == 0 ? head.postings().allPostings()
        : PostingsForMatchers.select(head.postings(), matchers);
    while (p.next()) {
      ctx.checkCancelled();
      MemSeries s = head.series(p.at());
      if (s != null) {
        action.accept(s);
      }
    }
  }

  @Override
  public List<String> labelValues(QueryContext ctx, String name, Matcher... matchers) {
    if (matchers.length == 0) {
      return head.postings().labelValues(name);
    }
    return MatchingLabels.values(name, f -> forEachSelected(ctx, matchers, s -> f.accept(s.labels())));
  }

  @Override
  public List<String> labelNames(QueryContext ctx, Matcher... matchers) {
    if (matchers.length == 0) {
      return head.postings().labelNames();
    }
    return MatchingLabels.names(f -> forEachSelected(ctx, matchers, s -> f.accept(s.labels())));
  }

  @Override
  public void close() {
  }

  /** A head series as it was when selected, trimmed to the querier's range. */
  private record SnapshotSeries(Labels labels, ChunkSequence chunks, long minTime, long maxTime) implements Series {
    @Override
    public SampleIterator iterator(SampleIterator reuse) {
      return new ChunkSequenceIterator(chunks, minTime, maxTime, List.of());
    }
  }
}
