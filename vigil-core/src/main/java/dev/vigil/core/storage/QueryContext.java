package dev.vigil.core.storage;

/**
 * Travels with every read: lets long-running storage work notice that its caller gave up (timeout,
 * client gone) instead of running to completion. Implementations must be cheap to poll.
 */
public interface QueryContext {
  /** Throws {@link QueryCancelledException} once the query has been cancelled or has timed out. */
  void checkCancelled();

  /** A context that is never cancelled, for tools and tests. */
  QueryContext BACKGROUND = () -> { };
}
