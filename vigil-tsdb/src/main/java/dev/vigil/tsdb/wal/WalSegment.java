package dev.vigil.tsdb.wal;

import java.nio.file.Path;

/** One segment file: its index (the file name, as an 8-digit decimal) and where it lives. */
public record WalSegment(Path dir, int index) {
  public WalSegment {
    if (index < 0) {
      throw new IllegalArgumentException("segment index must not be negative: " + index);
    }
  }

  public static String name(int index) {
    return String.format("%08d", index);
  }

  public Path file() {
    return dir.resolve(name(index));
  }
}
