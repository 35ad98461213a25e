package dev.vigil.tsdb.compact;

import dev.vigil.core.storage.ChunkIterator;
import dev.vigil.core.storage.ChunkMeta;
import java.util.List;

/** Iterates chunks held in a list. */
final class ListChunkIterator implements ChunkIterator {
  private final List<ChunkMeta> chunks;
  private int i = -1;

  ListChunkIterator(List<ChunkMeta> chunks) {
    this.chunks = chunks;
  }

  @Override
  public boolean next() {
    if (i < chunks.size()) {
      i++;
    }
    return i < chunks.size();
  }

  @Override
  public ChunkMeta at() {
    return chunks.get(i);
  }
}
