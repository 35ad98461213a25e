package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.tsdb.wal.Checkpoints;
import dev.vigil.tsdb.wal.WalSegments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsdbCompactionTest {
  private static final long RANGE = 60_000;
  private static final long STEP = 1_000;
  private static final TsdbOptions OPTIONS = new TsdbOptions(RANGE, RANGE * 9, 0, 0);
  private static final Labels UP = Labels.of("__name__", "up", "job", "api");
  private static final Labels GONE = Labels.of("__name__", "gone", "job", "api");

  @TempDir
  Path data;

  private static Map<Labels, TreeMap<Long, Long>> all(Tsdb tsdb) {
    return StoredSamples.readAll(tsdb, Long.MIN_VALUE, Long.MAX_VALUE, Matcher.regex("__name__", ".+"));
  }

  /** Appends a sample of each series every second over [from, to), one commit per second as a scrape would. */
  private static void scrape(Tsdb tsdb, Labels series, long from, long to) {
    scrape(tsdb, List.of(series), from, to);
  }

  private static void scrape(Tsdb tsdb, List<Labels> series, long from, long to) {
    for (long t = from; t < to; t += STEP) {
      Appender app = tsdb.appender();
      for (Labels s : series) {
        app.append(0, s, t, t / STEP);
      }
      app.commit();
    }
  }

  @Test
  void nothingIsCutWhileTheHeadSpansAtMostOneAndAHalfRanges() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      scrape(tsdb, UP, 5_000, 5_000 + RANGE / 2 * 3 + 1);
      assertThat(tsdb.compact()).isEmpty();
      assertThat(tsdb.blocks()).isEmpty();
    }
  }

  @Test
  void cutsTheOldestRangeFromTheFirstSampleToTheAlignedEnd() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      scrape(tsdb, UP, 5_000, 5_000 + 2 * RANGE);
      List<BlockMeta> written = tsdb.compact();
      assertThat(written).hasSize(1);
      assertThat(written.get(0).minTime()).isEqualTo(5_000);
      assertThat(written.get(0).maxTime()).isEqualTo(RANGE);
      assertThat(written.get(0).stats().numSamples()).isEqualTo((RANGE - 5_000) / STEP);
      assertThat(tsdb.blocks()).containsExactlyElementsOf(written);
      assertThat(tsdb.head().minTime()).isEqualTo(RANGE);
      assertThat(tsdb.head().minValidTime()).isEqualTo(RANGE);
    }
  }

  @Test
  void queriesAnswerTheSameBeforeAndAfterACut() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      scrape(tsdb, UP, 0, 4 * RANGE);
      Map<Labels, TreeMap<Long, Long>> before = all(tsdb);
      assertThat(tsdb.compact()).hasSize(3);
      assertThat(all(tsdb)).isEqualTo(before);
      assertThat(StoredSamples.readAll(tsdb, RANGE - STEP, RANGE, Matcher.equal("__name__", "up")).get(UP))
          .containsOnlyKeys(RANGE - STEP, RANGE);
    }
  }

  @Test
  void seriesWithNothingLeftInTheHeadAreForgottenByIt() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      scrape(tsdb, GONE, 0, RANGE / 2);
      scrape(tsdb, UP, 0, 2 * RANGE);
      tsdb.compact();
      assertThat(tsdb.head().numSeries()).isEqualTo(1);
      assertThat(tsdb.head().querier(0, Long.MAX_VALUE).labelValues(dev.vigil.core.storage.QueryContext.BACKGROUND,
          "__name__")).containsExactly("up");
      assertThat(all(tsdb)).containsOnlyKeys(UP, GONE);
    }
  }

  @Test
  void samplesBehindTheCutAreRefusedAsOutOfBounds() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      scrape(tsdb, UP, 0, 2 * RANGE);
      tsdb.compact();
      Appender app = tsdb.appender();
      assertThatThrownBy(() -> app.append(0, GONE, RANGE - 1, 1)).hasMessageStartingWith("out of bounds");
    }
  }

  @Test
  void theHeadRefusesSamplesHalfARangeBehindItsNewest() throws Exception {
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      scrape(tsdb, UP, 0, RANGE);
      Appender app = tsdb.appender();
      long newest = RANGE - STEP;
      app.append(0, GONE, newest - RANGE / 2, 1);
      assertThatThrownBy(() -> app.append(0, GONE, newest - RANGE / 2 - 1, 1)).hasMessageStartingWith("out of bounds");
    }
  }

  @Test
  void aReopenedStorageHoldsEverySampleOnceAfterCutsAndWalTruncation() throws Exception {
    Map<Labels, TreeMap<Long, Long>> before;
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      for (int i = 0; i < 5; i++) {
        scrape(tsdb, i < 2 ? List.of(UP, GONE) : List.of(UP), i * RANGE, (i + 1) * RANGE);
        tsdb.compact();
      }
      before = all(tsdb);
    }
    assertThat(Checkpoints.last(data.resolve("wal"))).isPresent();
    assertThat(WalSegments.list(data.resolve("wal")).get(0).index()).isGreaterThan(0);
    try (Tsdb reopened = Tsdb.open(data, OPTIONS, w -> { throw new AssertionError(w); })) {
      assertThat(all(reopened)).isEqualTo(before);
      assertThat(reopened.head().minTime()).isGreaterThanOrEqualTo(reopened.blocks().get(reopened.blocks().size() - 1).maxTime());
    }
  }

  @Test
  void aCrashBetweenWritingTheBlockAndTruncatingTheWalLosesAndDuplicatesNothing() throws Exception {
    Map<Labels, TreeMap<Long, Long>> before;
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      scrape(tsdb, UP, 0, 2 * RANGE);
      before = all(tsdb);
      // What compact() writes first, without what follows it: the WAL still holds every sample.
      HeadBlockWriter.write(tsdb.head(), data, 0, RANGE).orElseThrow();
    }
    try (Tsdb reopened = Tsdb.open(data, OPTIONS, w -> { })) {
      assertThat(reopened.blocks()).hasSize(1);
      assertThat(reopened.head().minTime()).isEqualTo(RANGE);
      assertThat(all(reopened)).isEqualTo(before);
    }
  }

  @Test
  void concurrentAppendsDuringCutsLoseNoAcceptedSample() throws Exception {
    int writers = 4;
    int perWriter = 600;
    AtomicLong clock = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (Tsdb tsdb = Tsdb.open(data, OPTIONS, w -> { })) {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Labels s = Labels.of("__name__", "load", "writer", Integer.toString(w));
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            Appender app = tsdb.appender();
            try {
              app.append(0, s, clock.getAndAdd(STEP / 4), i);
              app.commit();
            } catch (SampleRejectedException e) {
              app.rollback();
            }
          }
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!futures.stream().allMatch(Future::isDone) && System.nanoTime() < deadline) {
        tsdb.compact();
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
      tsdb.compact();
      long stored = all(tsdb).values().stream().mapToLong(Map::size).sum();
      long refused = tsdb.head().rejectedSamples(SampleRejectedException.Reason.OUT_OF_BOUNDS);
      assertThat(stored).isEqualTo((long) writers * perWriter - refused);
      assertThat(stored).isGreaterThan(writers * perWriter / 2);
      assertThat(tsdb.blocks()).isNotEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
