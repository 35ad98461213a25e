package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Appender;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsdbTest {
  private static final long TWO_HOURS = 7_200_000L;
  private static final Labels UP = Labels.of("__name__", "up", "job", "api");

  @TempDir
  Path data;

  @Test
  void answersFromBlocksAndTheReplayedHeadAsOne() throws Exception {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    for (long t = 0; t < TWO_HOURS; t += 60_000) {
      builder.append(UP, t, 1);
    }
    builder.write(data, Ulid.generate(0));
    try (Head head = Head.open(data.resolve("wal"), TWO_HOURS, w -> { })) {
      Appender app = head.appender();
      for (long t = TWO_HOURS; t < TWO_HOURS + 600_000; t += 60_000) {
        app.append(0, UP, t, 2);
      }
      app.commit();
    }
    try (Tsdb tsdb = Tsdb.open(data, TWO_HOURS, w -> { })) {
      Map<Labels, TreeMap<Long, Long>> all =
          StoredSamples.readAll(tsdb, Long.MIN_VALUE, Long.MAX_VALUE, Matcher.equal("__name__", "up"));
      assertThat(all.get(UP)).hasSize(120 + 10);
      assertThat(Double.longBitsToDouble(all.get(UP).lastEntry().getValue())).isEqualTo(2.0);
    }
  }

  @Test
  void headRefusesSamplesThatBelongToBlocks() throws Exception {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    builder.append(UP, 1000, 1);
    BlockMeta meta = builder.write(data, Ulid.generate(0));
    try (Tsdb tsdb = Tsdb.open(data, TWO_HOURS, w -> { })) {
      assertThat(tsdb.head().minValidTime()).isEqualTo(meta.maxTime());
      assertThatThrownBy(() -> tsdb.head().appender().append(0, UP, 500, 1)).hasMessageStartingWith("out of bounds");
    }
  }
}
