package dev.vigil.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the table {@code promtool tsdb list} prints (and {@code create-blocks-from} without
 * {@code -q}): {@code BLOCK ULID  MIN TIME  MAX TIME  DURATION  NUM SAMPLES  NUM CHUNKS  NUM SERIES
 * SIZE}, columns padded with spaces, numbers raw (no {@code -r}).
 */
final class BlockListing {
  static final String HEADER_START = "BLOCK ULID";

  private BlockListing() {}

  record Row(String ulid, long minTime, long maxTime, String duration, long numSamples, long numChunks,
      long numSeries, long size) {
    /** Everything but the ULID and size, for comparing blocks written by two tools. */
    String content() {
      return "[" + minTime + ", " + maxTime + ") " + duration + " samples=" + numSamples + " chunks=" + numChunks
          + " series=" + numSeries;
    }
  }

  static List<Row> parse(String table) {
    List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty() || !lines.get(0).startsWith(HEADER_START)) {
      throw new AssertionError("not a block table (no '" + HEADER_START + "' header):\n" + table);
    }
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.trim().split("\\s+");
      if (f.length != 8) {
        throw new AssertionError("block table row with " + f.length + " columns, want 8: '" + line + "'");
      }
      rows.add(new Row(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4]),
          Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7])));
    }
    return rows;
  }
}
