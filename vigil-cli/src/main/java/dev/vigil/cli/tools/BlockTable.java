package dev.vigil.cli.tools;

import dev.vigil.core.model.GoDuration;
import dev.vigil.tsdb.BlockMeta;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The block table promtool prints for {@code tsdb list} and after backfilling, with the same columns
 * and Go tabwriter layout (cells padded to the widest in their column plus two, at least 13).
 */
final class BlockTable {
  private static final DateTimeFormatter HUMAN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'").withZone(ZoneOffset.UTC);
  private final boolean humanReadable;
  private final List<String[]> rows = new ArrayList<>();

  BlockTable(boolean humanReadable, boolean header) {
    this.humanReadable = humanReadable;
    if (header) {
      rows.add(new String[] {"BLOCK ULID", "MIN TIME", "MAX TIME", "DURATION", "NUM SAMPLES", "NUM CHUNKS",
          "NUM SERIES", "SIZE"});
    }
  }

  void add(BlockMeta meta, long sizeBytes) {
    rows.add(new String[] {
      meta.ulid(),
      time(meta.minTime()),
      time(meta.maxTime()),
      GoDuration.format(meta.maxTime() - meta.minTime()),
      Long.toString(meta.stats().numSamples()),
      Long.toString(meta.stats().numChunks()),
      Long.toString(meta.stats().numSeries()),
      humanReadable ? Base2Bytes.format(sizeBytes) : Long.toString(sizeBytes)
    });
  }

  private String time(long ms) {
    return humanReadable ? HUMAN_TIME.format(Instant.ofEpochSecond(ms / 1000)) : Long.toString(ms);
  }

  void print(PrintWriter out) {
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        widths[c] = Math.max(widths[c], Math.max(13, row[c].length() + 2));
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        sb.append(row[c]);
        if (c < columns - 1) {
          sb.append(" ".repeat(widths[c] - row[c].length()));
        }
      }
      out.println(sb);
    }
    out.flush();
  }
}
