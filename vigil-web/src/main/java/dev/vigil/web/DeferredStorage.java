package dev.vigil.web;

import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.StorageException;
import java.util.Optional;

/**
 * The server's storage before and after it has opened: the HTTP server listens while the WAL is
 * replayed, and the API (gated by {@link ReadinessGate} until then) reads through this.
 */
final class DeferredStorage<S extends Queryable & AutoCloseable> implements Queryable, AutoCloseable {
  private volatile S storage;

  void opened(S opened) {
    storage = opened;
  }

  boolean isOpen() {
    return storage != null;
  }

  /** The storage once open. */
  Optional<S> current() {
    return Optional.ofNullable(storage);
  }

  @Override
  public Querier querier(long minTime, long maxTime) {
    S s = storage;
    if (s == null) {
      throw new StorageException("storage is still opening");
    }
    return s.querier(minTime, maxTime);
  }

  @Override
  public void close() throws Exception {
    S s = storage;
    if (s != null) {
      s.close();
    }
  }
}
