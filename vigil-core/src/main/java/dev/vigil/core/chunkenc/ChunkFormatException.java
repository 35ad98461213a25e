package dev.vigil.core.chunkenc;

import dev.vigil.core.storage.StorageException;

/** Encoded chunk data that cannot be decoded: truncated or corrupted. */
public class ChunkFormatException extends StorageException {
  private static final long serialVersionUID = 1L;

  public ChunkFormatException(String message) {
    super(message);
  }
}
