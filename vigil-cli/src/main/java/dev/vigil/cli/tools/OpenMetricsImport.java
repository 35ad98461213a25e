package dev.vigil.cli.tools;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.scrape.textparse.Entry;
import dev.vigil.scrape.textparse.OpenMetricsParser;
import dev.vigil.tsdb.Ulid;
import dev.vigil.tsdb.backfill.Backfiller;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an OpenMetrics file with timestamps and writes its samples as blocks; errors name the line.
 *
 * <p>The file is streamed through the parser's bounded buffer, never held whole, so memory grows with
 * the compressed samples only, not with the size of the text (promtool keeps all of the text).
 */
public final class OpenMetricsImport {
  private OpenMetricsImport() {}

  public static void run(Path input, Path output, long maxBlockDuration, Backfiller.BlockListener listener)
      throws Exception {
    Backfiller backfiller = new Backfiller(Backfiller.blockDuration(maxBlockDuration));
    try (InputStream in = Files.newInputStream(input)) {
      read(input, new OpenMetricsParser(in), backfiller);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Files.createDirectories(output);
    backfiller.writeBlocks(output, () -> Ulid.generate(System.currentTimeMillis()), listener);
  }

  private static void read(Path input, OpenMetricsParser parser, Backfiller backfiller) throws Exception {
    Entry e;
    while ((e = parser.next()) != Entry.EOF) {
      if (e != Entry.SERIES) {
        continue;
      }
      Labels labels = parser.labels();
      if (!parser.hasTimestamp()) {
        throw new IllegalArgumentException(input + ": line " + parser.lineNumber()
            + ": expected timestamp for series " + labels + ", got none");
      }
      try {
        backfiller.append(labels, parser.timestampMillis(), parser.value());
      } catch (SampleRejectedException | IllegalArgumentException ex) {
        throw new IllegalArgumentException(input + ": line " + parser.lineNumber() + ": add sample: "
            + ex.getMessage(), ex);
      }
    }
  }
}
