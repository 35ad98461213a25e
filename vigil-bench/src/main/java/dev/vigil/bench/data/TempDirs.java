package dev.vigil.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Cleanup of the temporary directories benchmarks write blocks into. */
public final class TempDirs {
  private TempDirs() {}

  /** Deletes a directory tree; a missing directory is fine. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes everything inside {@code dir} but the directory itself. */
  public static void deleteChildren(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      for (Path p : (Iterable<Path>) children::iterator) {
        deleteRecursively(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
