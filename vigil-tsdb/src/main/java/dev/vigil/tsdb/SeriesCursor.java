package dev.vigil.tsdb;

import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.SeriesEntry;
import dev.vigil.tsdb.tombstones.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the series of a block that match a selection, for both queriers: the range is the querier's
 * narrowed by the hints; a series is yielded with the chunks that are not wholly hidden (outside the
 * range or deleted) and the intervals whose samples the caller must still drop. Polls the context
 * for cancellation every 1024 series.
 */
final class SeriesCursor {
  private final Block block;
  private final QueryContext ctx;
  private final Postings postings;
  private final long mint;
  private final long maxt;
  private int visited;

  private SeriesEntry entry;
  private List<Interval> hidden;
  private final List<Integer> chunks = new ArrayList<>();

  SeriesCursor(Block block, QueryContext ctx, long minTime, long maxTime, SelectHints hints, Matcher[] matchers) {
    this.block = block;
    this.ctx = ctx;
    long from = hints == null ? minTime : Math.max(minTime, hints.start());
    long to = hints == null ? maxTime : Math.min(maxTime, hints.end());
    this.mint = from;
    this.maxt = to;
    boolean missesBlock = from > to || to < block.meta().minTime() || from >= block.meta().maxTime();
    this.postings = missesBlock ? Postings.EMPTY : PostingsForMatchers.select(block.index(), matchers);
  }

  /** Advances to the next series with at least one visible chunk. */
  boolean next() {
    while (postings.next()) {
      if ((++visited & 1023) == 0) {
        ctx.checkCancelled();
      }
      entry = block.index().series(postings.at());
      hidden = DeletedIntervals.of(block.tombstones().get(entry.ref()), mint, maxt);
      chunks.clear();
      for (int i = 0; i < entry.chunkCount(); i++) {
        if (!DeletedIntervals.covers(hidden, entry.chunkMinTimes()[i], entry.chunkMaxTimes()[i])) {
          chunks.add(i);
        }
      }
      if (!chunks.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  SeriesEntry entry() {
    return entry;
  }

  /** Intervals whose samples must not be returned: tombstones and everything outside the range. */
  List<Interval> hidden() {
    return hidden;
  }

  /** Indexes into the entry's chunks of those not wholly hidden; a copy the caller may keep. */
  List<Integer> visibleChunks() {
    return List.copyOf(chunks);
  }
}
