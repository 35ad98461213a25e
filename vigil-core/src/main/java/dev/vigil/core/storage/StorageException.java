package dev.vigil.core.storage;

/** A failure inside storage while reading or writing: corrupt data, I/O errors, cancelled work. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
