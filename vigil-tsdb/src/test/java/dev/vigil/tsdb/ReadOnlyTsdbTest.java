package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyTsdbTest {
  private static final long HOUR = 3600_000L;
  private static final long T0 = 1_700_000_000_000L;

  @TempDir
  Path data;

  /** Writes one block of {@code up{job=job}} with a sample per minute over [from, to). */
  private String block(String job, long from, long to) throws IOException {
    BlockBuilder builder = new BlockBuilder(2 * HOUR);
    for (long t = from; t < to; t += 60_000) {
      builder.append(Labels.of("__name__", "up", "job", job), t, 1);
    }
    return builder.write(data, Ulid.generate(from)).ulid();
  }

  private static List<Long> times(Querier q, Matcher... matchers) {
    List<Long> out = new ArrayList<>();
    SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, matchers);
    SampleIterator it = null;
    while (set.next()) {
      it = set.at().iterator(it);
      while (it.next() == ValueType.FLOAT) {
        out.add(it.atTime());
      }
    }
    return out;
  }

  @Test
  void mergesSeriesAcrossBlocksInTimeOrder() throws IOException {
    block("a", T0 + 2 * HOUR, T0 + 4 * HOUR);
    block("a", T0, T0 + 2 * HOUR);
    try (ReadOnlyTsdb tsdb = ReadOnlyTsdb.open(data); Querier q = tsdb.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
      assertThat(tsdb.blocks()).extracting(BlockMeta::minTime).containsExactly(T0, T0 + 2 * HOUR);
      List<Long> times = times(q, Matcher.equal("__name__", "up"));
      assertThat(times).hasSize(240).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void querierOnlyReadsBlocksOverlappingTheRange() throws IOException {
    block("early", T0, T0 + 2 * HOUR);
    block("late", T0 + 2 * HOUR, T0 + 4 * HOUR);
    try (ReadOnlyTsdb tsdb = ReadOnlyTsdb.open(data); Querier q = tsdb.querier(T0 + 3 * HOUR, T0 + 5 * HOUR)) {
      assertThat(q.labelValues(QueryContext.BACKGROUND, "job")).containsExactly("late");
    }
  }

  @Test
  void ignoresHeadDirectoriesAndUnfinishedBlocks() throws IOException {
    String ulid = block("a", T0, T0 + HOUR);
    Files.createDirectories(data.resolve("wal"));
    Files.createDirectories(data.resolve("chunks_head"));
    Files.createDirectories(data.resolve(Ulid.generate(T0) + ".tmp-for-creation"));
    try (ReadOnlyTsdb tsdb = ReadOnlyTsdb.open(data)) {
      assertThat(tsdb.blocks()).extracting(BlockMeta::ulid).containsExactly(ulid);
      assertThat(tsdb.skipped()).isEmpty();
    }
  }

  @Test
  void skipsACorruptBlockAndServesTheRest() throws IOException {
    block("good", T0, T0 + HOUR);
    String bad = block("bad", T0 + 2 * HOUR, T0 + 3 * HOUR);
    Files.write(data.resolve(bad).resolve("index"), new byte[] {1, 2, 3});
    try (ReadOnlyTsdb tsdb = ReadOnlyTsdb.open(data); Querier q = tsdb.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
      assertThat(tsdb.skipped()).extracting(s -> s.dir().getFileName().toString()).containsExactly(bad);
      assertThat(q.labelValues(QueryContext.BACKGROUND, "job")).containsExactly("good");
    }
  }

  @Test
  void anEmptyDirectoryServesNothing() throws IOException {
    try (ReadOnlyTsdb tsdb = ReadOnlyTsdb.open(data); Querier q = tsdb.querier(Long.MIN_VALUE, Long.MAX_VALUE)) {
      assertThat(q.labelNames(QueryContext.BACKGROUND)).isEmpty();
      assertThat(times(q, Matcher.equal("__name__", "up"))).isEmpty();
    }
  }
}
