package dev.vigil.web;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.BlockBuilder;
import dev.vigil.tsdb.Ulid;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A small data directory for the API tests: two 2h blocks, one after the other, holding
 * {@code up} for two jobs, a counter, and a series whose labels need JSON escaping.
 */
public final class SmallBlocks {
  /** 2023-01-01T00:00:00Z, the first sample's time. */
  public static final long T0 = 1_672_531_200_000L;
  public static final long HOUR = 3_600_000L;
  /** Samples are 15 s apart. */
  public static final long STEP = 15_000L;

  private SmallBlocks() {}

  public static void write(Path dataDir) throws IOException {
    block(dataDir, T0, T0 + 2 * HOUR);
    block(dataDir, T0 + 2 * HOUR, T0 + 4 * HOUR);
  }

  private static void block(Path dataDir, long from, long to) throws IOException {
    BlockBuilder b = new BlockBuilder(2 * HOUR);
    for (long t = from; t < to; t += STEP) {
      long i = (t - T0) / STEP;
      b.append(Labels.of("__name__", "up", "job", "api", "instance", "a:9100"), t, 1);
      b.append(Labels.of("__name__", "up", "job", "node", "instance", "b:9100"), t, i % 2);
      b.append(Labels.of("__name__", "http_requests_total", "job", "api", "code", "200"), t, i * 3);
      b.append(Labels.of("__name__", "odd_text", "path", "/a?b=<c>&d", "quote", "say \"hi\"\n"), t, 0.5);
    }
    if (from == T0) {
      // Only in the first block: lets start/end ranges tell the blocks apart.
      b.append(Labels.of("__name__", "early_only", "job", "batch"), from, 42);
    }
    b.write(dataDir, Ulid.generate(from));
  }
}
