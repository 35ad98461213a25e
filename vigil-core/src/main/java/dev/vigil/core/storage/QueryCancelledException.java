package dev.vigil.core.storage;

/** The query was cancelled or timed out while storage was working for it. */
public class QueryCancelledException extends StorageException {
  private static final long serialVersionUID = 1L;

  public QueryCancelledException(String message) {
    super(message);
  }
}
