package dev.vigil.tsdb.compact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Appender;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.StoredSamples;
import dev.vigil.tsdb.Tsdb;
import dev.vigil.tsdb.TsdbOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsdbMaintenanceTest {
  private static final long RANGE = 60_000;
  private static final long STEP = 1_000;
  private static final Labels UP = Labels.of("__name__", "up", "job", "api");

  @TempDir
  Path data;

  private static void scrape(Tsdb tsdb, long from, long to) {
    for (long t = from; t < to; t += STEP) {
      Appender app = tsdb.appender();
      app.append(0, UP, t, t / STEP);
      app.commit();
    }
  }

  private static Map<Labels, TreeMap<Long, Long>> all(Tsdb tsdb) {
    return StoredSamples.readAll(tsdb, Long.MIN_VALUE, Long.MAX_VALUE, Matcher.regex("__name__", ".+"));
  }

  private List<String> dirs() throws Exception {
    try (Stream<Path> list = Files.list(data)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("wal")).sorted().toList();
    }
  }

  @Test
  void cutsBlocksInTheBackgroundWhenCommitsMakeTheHeadCompactable() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (Tsdb tsdb = Tsdb.open(data, new TsdbOptions(RANGE, RANGE, 0, 0), w -> { });
        TsdbMaintenance maintenance = TsdbMaintenance.start(tsdb, 3_600_000, log::add)) {
      scrape(tsdb, 0, 2 * RANGE);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (log.stream().noneMatch(l -> l.startsWith("write block")) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(tsdb.blocks()).hasSize(1);
      assertThat(maintenance.failures()).isZero();
    }
  }

  @Test
  void compactsAFullWindowOfCutBlocksIntoOneAndDeletesThem() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, new TsdbOptions(RANGE, 9 * RANGE, 0, 0), w -> { })) {
      scrape(tsdb, 0, 5 * RANGE);
      Map<Labels, TreeMap<Long, Long>> before = all(tsdb);
      TsdbMaintenance maintenance = new TsdbMaintenance(tsdb, l -> { });
      maintenance.run();
      List<BlockMeta> blocks = tsdb.blocks();
      assertThat(blocks).extracting(BlockMeta::minTime).containsExactly(0L, 3 * RANGE);
      assertThat(blocks.get(0).maxTime()).isEqualTo(3 * RANGE);
      assertThat(blocks.get(0).compaction().level()).isEqualTo(2);
      assertThat(maintenance.compactions()).isEqualTo(1);
      assertThat(maintenance.deletions()).isEqualTo(3);
      assertThat(dirs()).containsExactlyInAnyOrderElementsOf(blocks.stream().map(BlockMeta::ulid).toList());
      assertThat(all(tsdb)).isEqualTo(before);
    }
  }

  @Test
  void deletesBlocksBeyondTheRetentionTime() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, new TsdbOptions(RANGE, RANGE, 2 * RANGE, 0), w -> { })) {
      scrape(tsdb, 0, 8 * RANGE);
      new TsdbMaintenance(tsdb, l -> { }).run();
      // Kept: blocks ending no more than the retention before the newest block's end (7 ranges).
      assertThat(tsdb.blocks()).extracting(BlockMeta::maxTime).containsExactly(5 * RANGE, 6 * RANGE, 7 * RANGE);
      assertThat(dirs()).hasSize(3);
      assertThat(all(tsdb).get(UP).firstKey()).isEqualTo(4 * RANGE);
    }
  }

  @Test
  void deletesOldestBlocksWhileTheDirectoryIsOverTheRetentionSize() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, new TsdbOptions(RANGE, RANGE, 0, 1), w -> { })) {
      scrape(tsdb, 0, 4 * RANGE);
      new TsdbMaintenance(tsdb, l -> { }).run();
      assertThat(tsdb.blocks()).isEmpty();
      assertThat(dirs()).isEmpty();
      assertThat(all(tsdb).get(UP).firstKey()).isGreaterThanOrEqualTo(3 * RANGE);
    }
  }

  @Test
  void startingRemovesLeftoversOfInterruptedWritesAndDeletions() throws Exception {
    Files.createDirectories(data.resolve("01HZZZZZZZZZZZZZZZZZZZZZZZ.tmp-for-creation"));
    Files.createDirectories(data.resolve("01HZZZZZZZZZZZZZZZZZZZZZZY.tmp-for-deletion"));
    try (Tsdb tsdb = Tsdb.open(data, TsdbOptions.DEFAULT, w -> { });
        TsdbMaintenance maintenance = TsdbMaintenance.start(tsdb, 3_600_000, l -> { })) {
      assertThat(dirs()).isEmpty();
    }
  }
}
