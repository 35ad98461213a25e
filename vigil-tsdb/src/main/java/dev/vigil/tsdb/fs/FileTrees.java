package dev.vigil.tsdb.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Directory trees as blocks, checkpoints and deletions handle them: removed whole, made durable. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code root} and everything below it, files before their directories; a missing root is fine. */
  public static void deleteRecursively(Path root) throws IOException {
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
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Makes a directory's entries (a rename, a new file) durable by fsyncing it; supported on Linux,
   * skipped where a directory cannot be opened.
   */
  public static void syncDirectoryIfPossible(Path dir) {
    try (FileChannel channel = FileChannel.open(dir)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open directories; the change itself has happened.
    }
  }
}
