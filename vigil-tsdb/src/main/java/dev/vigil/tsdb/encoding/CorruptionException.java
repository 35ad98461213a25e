package dev.vigil.tsdb.encoding;

import dev.vigil.core.storage.StorageException;
import java.nio.file.Path;

/** A TSDB file whose bytes are not what the format requires; names the file, the offset and the problem. */
public class CorruptionException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  public CorruptionException(Path file, long offset, String problem) {
    super(file + " at offset " + offset + ": " + problem);
    this.file = file;
    this.offset = offset;
  }

  public CorruptionException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.offset = -1;
  }

  public Path file() {
    return file;
  }

  /** Byte offset of the problem in the file, or -1 when it concerns the whole file. */
  public long offset() {
    return offset;
  }
}
