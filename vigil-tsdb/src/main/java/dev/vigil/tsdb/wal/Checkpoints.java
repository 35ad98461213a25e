package dev.vigil.tsdb.wal;

import dev.vigil.tsdb.encoding.CorruptionException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checkpoints inside a WAL directory: {@code checkpoint.00000012} is a directory of segments holding
 * what the head still needed from WAL segments up to and including 12. A name with anything after the
 * number (such as Prometheus's {@code checkpoint.00000012.tmp} while one is being built) is not a
 * checkpoint.
 */
public final class Checkpoints {
  static final String PREFIX = "checkpoint.";

  private Checkpoints() {}

  /** A checkpoint directory and the last WAL segment it covers. */
  public record Checkpoint(Path dir, int index) {}

  public static String name(int index) {
    return PREFIX + WalSegment.name(index);
  }

  /** The checkpoint with the highest index in {@code walDir}, if there is one. */
  public static Optional<Checkpoint> last(Path walDir) throws IOException {
    Checkpoint newest = null;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(walDir, PREFIX + "*")) {
      for (Path entry : entries) {
        Optional<Integer> index = index(entry);
        if (index.isEmpty()) {
          continue;
        }
        if (!Files.isDirectory(entry)) {
          throw new CorruptionException(entry, "a checkpoint must be a directory");
        }
        if (newest == null || index.get() > newest.index()) {
          newest = new Checkpoint(entry, index.get());
        }
      }
    }
    return Optional.ofNullable(newest);
  }

  static boolean isCheckpointDir(Path dir) {
    return index(dir).isPresent();
  }

  /** The segment index a checkpoint directory's name carries; empty for anything else. */
  static Optional<Integer> index(Path dir) {
    Path fileName = dir.getFileName();
    String name = fileName == null ? "" : fileName.toString();
    if (!name.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String digits = name.substring(PREFIX.length());
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits));
  }
}
