package dev.vigil.tsdb.wal;

import dev.vigil.tsdb.encoding.CorruptionException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists the segment files of a WAL (or checkpoint) directory. */
public final class WalSegments {
  private WalSegments() {}

  /**
   * The segments of {@code dir} in index order. Names that are not all digits (checkpoints, temporary
   * files) are not segments. A gap in the numbering means lost data, so it is an error rather than
   * something to read around.
   */
  public static List<WalSegment> list(Path dir) throws IOException {
    List<WalSegment> segments = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (isSegmentName(name)) {
          segments.add(new WalSegment(dir, Integer.parseInt(name)));
        }
      }
    }
    segments.sort(Comparator.comparingInt(WalSegment::index));
    for (int i = 1; i < segments.size(); i++) {
      if (segments.get(i).index() != segments.get(i - 1).index() + 1) {
        throw new CorruptionException(dir, "WAL segments are not sequential: "
            + segments.get(i - 1).index() + " is followed by " + segments.get(i).index());
      }
    }
    return segments;
  }

  /** Segments {@code first..last} (inclusive) of {@code dir}; -1 leaves that end open. */
  public static List<WalSegment> range(Path dir, int first, int last) throws IOException {
    List<WalSegment> out = new ArrayList<>();
    for (WalSegment s : list(dir)) {
      if ((first < 0 || s.index() >= first) && (last < 0 || s.index() <= last)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isSegmentName(String name) {
    // Prometheus parses names with strconv.Atoi; eight digits are what it writes, and more than nine
    // would not fit an int.
    if (name.isEmpty() || name.length() > 9) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
