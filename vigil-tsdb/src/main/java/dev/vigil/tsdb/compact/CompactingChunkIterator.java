package dev.vigil.tsdb.compact;

import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkMeta;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The chunks of one series gathered from several blocks, as Prometheus's compacting chunk series
 * merger (storage.NewCompactingChunkSeriesMerger) yields them: chunks are taken by minimum then
 * maximum time from a {@link GoHeap}; a chunk that overlaps no other passes through untouched (its
 * bytes are not re-encoded); a run of chunks that overlap one another is decoded, merged with
 * {@link ChainedSamples} and re-encoded by {@link ChunkEncoder} into chunks of at most 120 samples.
 * A chunk identical to the one before it in the run (same range, same bytes) is dropped without
 * decoding, as replicated blocks produce.
 */
final class CompactingChunkIterator implements ChunkIterator {
  private static final Comparator<ChunkIterator> BY_RANGE =
      Comparator.comparingLong((ChunkIterator it) -> it.at().minTime()).thenComparingLong(it -> it.at().maxTime());

  private final List<ChunkIterator> parts;
  private GoHeap<ChunkIterator> heap;
  private ChunkMeta current;

  /** @param parts the series' chunks from each block, in the order the merged series sets yield them */
  CompactingChunkIterator(List<ChunkIterator> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public boolean next() {
    if (heap == null) {
      heap = new GoHeap<>(BY_RANGE);
      parts.forEach(this::pushIfMore);
    }
    if (heap.isEmpty()) {
      return false;
    }
    current = advance(heap.pop());
    List<ChunkMeta> overlapping = new ArrayList<>();
    long overlapEnd = current.maxTime();
    ChunkMeta previous = current;
    while (!heap.isEmpty()) {
      ChunkMeta next = heap.peek().at();
      if (next.minTime() > overlapEnd) {
        break;
      }
      if (!sameChunk(next, previous)) {
        overlapping.add(next);
        overlapEnd = Math.max(overlapEnd, next.maxTime());
        previous = next;
      }
      advance(heap.pop());
    }
    if (overlapping.isEmpty()) {
      return true;
    }
    // Prometheus chains the overlapping chunks in the order found, the first chunk last.
    overlapping.add(current);
    List<SampleIterator> runs = new ArrayList<>(overlapping.size());
    for (ChunkMeta c : overlapping) {
      runs.add(c.chunk().iterator(null));
    }
    List<ChunkMeta> merged = ChunkEncoder.encode(new ChainedSamples(runs));
    if (merged.isEmpty()) {
      throw new StorageException("overlapping chunks from " + overlapping.get(0).minTime() + " to " + overlapEnd
          + " hold no samples");
    }
    ListChunkIterator rest = new ListChunkIterator(merged);
    rest.next();
    current = advance(rest);
    return true;
  }

  /** The iterator's current chunk; the iterator goes back into the heap if it has another. */
  private ChunkMeta advance(ChunkIterator it) {
    ChunkMeta at = it.at();
    pushIfMore(it);
    return at;
  }

  private void pushIfMore(ChunkIterator it) {
    if (it.next()) {
      heap.push(it);
    }
  }

  private static boolean sameChunk(ChunkMeta a, ChunkMeta b) {
    return a.minTime() == b.minTime() && a.maxTime() == b.maxTime()
        && Arrays.equals(a.chunk().bytes(), b.chunk().bytes());
  }

  @Override
  public ChunkMeta at() {
    return current;
  }
}
