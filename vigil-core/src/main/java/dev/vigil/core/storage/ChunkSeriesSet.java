package dev.vigil.core.storage;

import java.util.List;

/** A forward-only cursor over chunk series. */
public interface ChunkSeriesSet {
  boolean next();

  ChunkSeries at();

  default List<String> warnings() {
    return List.of();
  }
}
