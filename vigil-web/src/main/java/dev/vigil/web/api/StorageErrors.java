package dev.vigil.web.api;

import dev.vigil.core.storage.QueryCancelledException;
import dev.vigil.core.storage.StorageException;
import dev.vigil.promql.engine.ErrorType;

/**
 * Storage failures met by the metadata endpoints (series, labels), typed as Prometheus types them
 * there: a read that was cancelled is {@code canceled}, anything else {@code execution}.
 */
final class StorageErrors {
  private StorageErrors() {}

  static ApiException toApi(StorageException e) {
    ErrorType type = e instanceof QueryCancelledException ? ErrorType.CANCELED : ErrorType.EXECUTION;
    return new ApiException(type, e.getMessage());
  }
}
