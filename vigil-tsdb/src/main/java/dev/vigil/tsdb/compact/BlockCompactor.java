package dev.vigil.tsdb.compact;

import dev.vigil.core.chunkenc.Chunk;
import dev.vigil.core.labels.Utf8Order;
import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkMeta;
import dev.vigil.core.storage.ChunkQuerier;
import dev.vigil.core.storage.ChunkSeries;
import dev.vigil.core.storage.ChunkSeriesSet;
import dev.vigil.core.storage.QueryCancelledException;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.BlockWriter;
import dev.vigil.tsdb.Ulid;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes one block from several, as Prometheus 2.42's LeveledCompactor.Compact: series are merged by
 * labels ({@link MergedChunkSeriesSet}), samples hidden by a source's tombstones are left out (chunks
 * they touch are re-encoded), overlapping chunks of a series are merged sample by sample and re-cut
 * ({@link CompactingChunkIterator}), every other chunk is copied byte for byte. The symbol table is the
 * union of the sources' tables, and the meta comes from {@link CompactedMeta} with the counts of what
 * was written.
 *
 * <p>The block is built in {@code <ulid>.tmp-for-creation} and renamed into place only when complete
 * ({@link BlockWriter}); sources are never deleted here (that is {@link Retention}'s job, once the
 * new block names them as parents). Outcomes, as in Prometheus:
 *
 * <ul>
 *   <li>samples remain: the new block is in place and its meta is returned;
 *   <li>nothing remains: no block is written, every source's meta.json is marked {@code deletable},
 *       and the result is empty;
 *   <li>the context is cancelled: the temporary directory is removed and the cancellation rethrown;
 *   <li>anything else fails: the temporary directory is removed, every source's meta.json is marked
 *       {@code failed} (so the planner no longer picks them by range) and the error is rethrown.
 * </ul>
 *
 * Open {@link Block}s keep the meta they were opened with; re-read meta.json after either mark.
 */
public final class BlockCompactor {
  /**
   * Compacts {@code sources} (in plan order) into a new block under {@code dest}.
   *
   * @return the new block's meta, or empty when no sample survived
   */
  public Optional<BlockMeta> compact(Path dest, List<Block> sources, QueryContext ctx) throws IOException {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("cannot compact zero blocks");
    }
    List<BlockMeta> metas = sources.stream().map(Block::meta).toList();
    BlockMeta planned = CompactedMeta.of(Ulid.generate(System.currentTimeMillis()), metas);
    Optional<BlockMeta> written;
    try {
      written = write(dest, planned, sources, ctx);
    } catch (QueryCancelledException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      SourceMarks.markFailed(sources, e);
      throw e;
    }
    if (written.isEmpty()) {
      SourceMarks.markDeletable(sources);
    }
    return written;
  }

  private static Optional<BlockMeta> write(Path dest, BlockMeta planned, List<Block> sources, QueryContext ctx)
      throws IOException {
    List<ChunkQuerier> queriers = new ArrayList<>(sources.size());
    try (BlockWriter writer = new BlockWriter(dest, planned.ulid())) {
      writer.addSymbols(symbols(sources));
      List<ChunkSeriesSet> sets = new ArrayList<>(sources.size());
      for (Block b : sources) {
        // The new block is half-open like every block: a sample at its maxTime is not part of it.
        ChunkQuerier q = b.chunkQuerier(planned.minTime(), planned.maxTime() - 1);
        queriers.add(q);
        sets.add(q.select(ctx, true, null));
      }
      ChunkSeriesSet merged = MergedChunkSeriesSet.of(sets);
      long samples = 0;
      while (merged.next()) {
        ctx.checkCancelled();
        samples += writeSeries(writer, merged.at());
      }
      if (samples == 0) {
        return Optional.empty();
      }
      return Optional.of(writer.finish(planned.minTime(), planned.maxTime(), planned.compaction()));
    } finally {
      queriers.forEach(ChunkQuerier::close);
    }
  }

  /** Writes a series' chunks; returns its sample count (0 for a series with every chunk deleted). */
  private static long writeSeries(BlockWriter writer, ChunkSeries series) throws IOException {
    List<ChunkMeta> metas = new ArrayList<>();
    ChunkIterator it = series.iterator();
    while (it.next()) {
      metas.add(it.at());
    }
    if (metas.isEmpty()) {
      return 0;
    }
    List<Chunk> chunks = new ArrayList<>(metas.size());
    long[] minTimes = new long[metas.size()];
    long[] maxTimes = new long[metas.size()];
    long samples = 0;
    for (int i = 0; i < metas.size(); i++) {
      ChunkMeta m = metas.get(i);
      chunks.add(m.chunk());
      minTimes[i] = m.minTime();
      maxTimes[i] = m.maxTime();
      samples += m.chunk().numSamples();
    }
    writer.addSeries(series.labels(), chunks, minTimes, maxTimes);
    return samples;
  }

  /** Every symbol of every source index, deleted series' too, as Prometheus merges the tables. */
  private static TreeSet<String> symbols(List<Block> sources) {
    TreeSet<String> all = new TreeSet<>(Utf8Order::compare);
    for (Block b : sources) {
      all.addAll(b.index().symbols());
    }
    return all;
  }
}
