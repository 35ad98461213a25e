package dev.vigil.web;

import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.tsdb.compact.TsdbMaintenance;

/** The server's storage with its background compaction, closed in the only safe order: compaction first. */
record MaintainedStorage(Tsdb tsdb, TsdbMaintenance maintenance) implements Queryable, AutoCloseable {
  @Override
  public Querier querier(long minTime, long maxTime) {
    return tsdb.querier(minTime, maxTime);
  }

  @Override
  public void close() {
    try {
      maintenance.close();
    } finally {
      tsdb.close();
    }
  }
}
