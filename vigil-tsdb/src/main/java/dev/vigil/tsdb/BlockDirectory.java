package dev.vigil.tsdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The blocks of a data directory: subdirectories named by a ULID that hold a meta.json. Directories
 * still being written ({@code .tmp-for-creation}) or deleted, and anything else, are ignored, so a
 * crash mid-write never exposes a partial block.
 */
public final class BlockDirectory {
  private BlockDirectory() {}

  /** Directories of complete blocks, unopened, in name order. */
  public static List<Path> blockDirs(Path dataDir) throws IOException {
    List<Path> dirs = new ArrayList<>();
    if (!Files.isDirectory(dataDir)) {
      throw new IOException("not a directory: " + dataDir);
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dataDir)) {
      for (Path p : stream) {
        if (Files.isDirectory(p) && Ulid.isValid(p.getFileName().toString())
            && Files.exists(p.resolve(BlockMeta.FILE_NAME))) {
          dirs.add(p);
        }
      }
    }
    dirs.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return dirs;
  }

  /** Opens every block, sorted by minimum time as Prometheus orders them; closes all if one fails. */
  public static List<Block> openAll(Path dataDir) throws IOException {
    List<Block> blocks = new ArrayList<>();
    try {
      for (Path dir : blockDirs(dataDir)) {
        blocks.add(Block.open(dir));
      }
    } catch (IOException | RuntimeException e) {
      blocks.forEach(Block::close);
      throw e;
    }
    blocks.sort(Comparator.comparingLong((Block b) -> b.meta().minTime()).thenComparing(b -> b.meta().ulid()));
    return blocks;
  }
}
