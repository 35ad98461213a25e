package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.BlockWriter;
import dev.vigil.tsdb.Ulid;
import dev.vigil.tsdb.fs.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes block directories from a data directory the way Prometheus 2.42 does, so that a crash at
 * any point leaves either the whole block or no loadable block: a block is first renamed to
 * {@code <ulid>.tmp-for-deletion} (which readers ignore) and only then deleted; the leftovers of
 * interrupted writes and deletions are cleared at start-up.
 */
public final class BlockDeletion {
  public static final String TMP_FOR_DELETION = ".tmp-for-deletion";
  /** The suffix of temporary directories before Prometheus 2.21. */
  private static final String TMP_LEGACY = ".tmp";

  private BlockDeletion() {}

  /**
   * Deletes block {@code ulid} under {@code dataDir} (deleteBlocks); returns false when there is no
   * such directory. An open {@link dev.vigil.tsdb.Block} must be closed first.
   */
  public static boolean delete(Path dataDir, String ulid) throws IOException {
    if (!Ulid.isValid(ulid)) {
      throw new IllegalArgumentException("not a block ULID: \"" + ulid + "\"");
    }
    Path dir = dataDir.resolve(ulid);
    if (!Files.exists(dir)) {
      return false;
    }
    Path doomed = dataDir.resolve(ulid + TMP_FOR_DELETION);
    FileTrees.deleteRecursively(doomed);
    Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
    FileTrees.syncDirectoryIfPossible(dataDir);
    FileTrees.deleteRecursively(doomed);
    return true;
  }

  /**
   * Deletes the temporary directories an interrupted block write or deletion, or WAL checkpoint,
   * leaves in {@code dir} (removeBestEffortTmpDirs): names ending in {@code .tmp-for-creation},
   * {@code .tmp-for-deletion} or {@code .tmp} whose stem is a ULID or starts with {@code checkpoint.}.
   * Returns what was removed; a missing {@code dir} has nothing to remove.
   */
  public static List<Path> removeTemporaryDirs(Path dir) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (Files.isDirectory(p) && isTemporary(p.getFileName().toString())) {
          removed.add(p);
        }
      }
    }
    for (Path p : removed) {
      FileTrees.deleteRecursively(p);
    }
    return removed;
  }

  private static boolean isTemporary(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String suffix = name.substring(dot);
    if (!suffix.equals(BlockWriter.TMP_SUFFIX) && !suffix.equals(TMP_FOR_DELETION) && !suffix.equals(TMP_LEGACY)) {
      return false;
    }
    return name.startsWith("checkpoint.") || Ulid.isValid(name.substring(0, dot));
  }
}
