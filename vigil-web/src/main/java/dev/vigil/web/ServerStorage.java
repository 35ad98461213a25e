package dev.vigil.web;

import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.scrape.ScrapeService;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.tsdb.compact.TsdbMaintenance;
import java.util.Optional;

/**
 * What a running server owns once its storage is open: the storage, its background compaction, and
 * scraping into it when configured. Closed in the only safe order: scraping, compaction, storage.
 */
record ServerStorage(Tsdb tsdb, TsdbMaintenance maintenance, Optional<ScrapeService> scraping)
    implements Queryable, AutoCloseable {
  @Override
  public Querier querier(long minTime, long maxTime) {
    return tsdb.querier(minTime, maxTime);
  }

  @Override
  public void close() {
    try {
      scraping.ifPresent(ScrapeService::close);
    } finally {
      try {
        maintenance.close();
      } finally {
        tsdb.close();
      }
    }
  }
}
