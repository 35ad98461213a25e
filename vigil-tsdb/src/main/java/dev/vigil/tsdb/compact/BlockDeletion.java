package dev.vigil.tsdb.compact;

import dev.vigil.tsdb.BlockWriter;
import dev.vigil.tsdb.Ulid;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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
    deleteTree(doomed);
    Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
    syncDir(dataDir);
    deleteTree(doomed);
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
      deleteTree(p);
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

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Makes the rename durable; platforms that cannot open a directory for sync skip it. */
  private static void syncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir)) {
      ch.force(true);
    } catch (IOException e) {
      // The rename happened; only its durability across a power cut is left to the file system.
    }
  }
}
