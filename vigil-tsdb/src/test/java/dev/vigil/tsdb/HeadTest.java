package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Appender;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.core.storage.SampleRejectedException.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadTest {
  private static final long TWO_HOURS = 7_200_000L;
  private static final Labels UP = Labels.of("__name__", "up", "job", "api");

  @TempDir
  Path dir;

  private static Map<Labels, TreeMap<Long, Long>> all(Head head) {
    return StoredSamples.readAll(head, Long.MIN_VALUE, Long.MAX_VALUE, Matcher.regex("__name__", ".+"));
  }

  @Test
  void samplesBecomeVisibleOnCommit() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    app.append(0, UP, 1000, 1);
    assertThat(all(head)).isEmpty();
    app.commit();
    assertThat(all(head)).containsOnlyKeys(UP);
    assertThat(head.minTime()).isEqualTo(1000);
    assertThat(head.maxTime()).isEqualTo(1000);
  }

  @Test
  void rollbackDiscardsTheBatch() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    app.append(0, UP, 1000, 1);
    app.rollback();
    assertThat(all(head)).isEmpty();
  }

  @Test
  void refFromAnAppendAddressesTheSameSeries() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    long ref = app.append(0, UP, 1000, 1);
    assertThat(app.append(ref, UP, 2000, 2)).isEqualTo(ref);
    app.commit();
    assertThat(all(head).get(UP)).containsOnlyKeys(1000L, 2000L);
    assertThat(head.numSeries()).isEqualTo(1);
  }

  @Test
  void prefetchIgnoresUnknownRefsAndSeriesWithoutAChunk() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    long ref = app.append(0, UP, 1000, 1);
    app.rollback();

    Appender next = head.appender();
    next.prefetch(ref);
    next.prefetch(ref + 1000);
    next.append(ref, UP, 2000, 2);
    next.commit();

    assertThat(head.numSeries()).isEqualTo(1);
    assertThat(all(head)).containsOnlyKeys(UP);
    assertThat(all(head).get(UP)).containsExactly(entry(2000L, Double.doubleToLongBits(2)));
  }

  @Test
  void prefetchChangesNothingStored() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    long ref = app.append(0, UP, 1000, 1);
    app.commit();

    Appender next = head.appender();
    next.prefetch(ref);
    next.commit();

    assertThat(all(head).get(UP)).containsExactly(entry(1000L, Double.doubleToLongBits(1)));
  }

  @Test
  void olderSampleIsRejectedAtAppendAndCounted() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    app.append(0, UP, 2000, 1);
    app.commit();
    assertThatThrownBy(() -> head.appender().append(0, UP, 1000, 1))
        .isInstanceOf(SampleRejectedException.class)
        .hasMessageStartingWith("out of order sample");
    assertThat(head.rejectedSamples(Reason.OUT_OF_ORDER)).isEqualTo(1);
  }

  @Test
  void sameTimestampWithAnotherValueIsRejectedButARepeatIsKeptOnce() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    app.append(0, UP, 2000, 1);
    app.commit();
    assertThatThrownBy(() -> head.appender().append(0, UP, 2000, 5))
        .hasMessageStartingWith("duplicate sample for timestamp");
    Appender again = head.appender();
    again.append(0, UP, 2000, 1);
    again.commit();
    assertThat(all(head).get(UP)).hasSize(1);
  }

  @Test
  void openChunksLiveInSlotsThatGrowWithThemAndAreReusedAtACut() {
    Head head = new Head(TWO_HOURS);
    assertThat(head.openChunkBytes()).isZero();
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 240; i++) {
      Appender app = head.appender();
      for (int s = 0; s < 100; s++) {
        app.append(0, Labels.of("__name__", "m", "s", Integer.toString(s)), i * 15_000L, random.nextDouble());
      }
      app.commit();
      if (i == 0) {
        assertThat(head.openChunkBytes()).isEqualTo(100L * 32);
      }
    }
    // 240 samples at 15 s: two chunks cut at the 30-minute target each, the third open.
    long open = head.openChunkBytes();
    assertThat(open).isBetween(100L * 32, 100L * 2000);
    assertThat(head.openChunkPageBytes()).isGreaterThanOrEqualTo(open);
    Map<Labels, TreeMap<Long, Long>> samples = all(head);
    assertThat(samples).hasSize(100);
    assertThat(samples.values()).allSatisfy(series -> assertThat(series).hasSize(240));
  }

  @Test
  void seriesGrowingAtTheirOwnPaceLeaveFewPagesPartlyUsedAndKeepEverySample() {
    Head head = new Head(TWO_HOURS);
    java.util.Random random = new java.util.Random(9);
    int series = 20_000;
    for (int i = 0; i < 60; i++) {
      Appender app = head.appender();
      for (int s = 0; s < series; s++) {
        // Series s repeats its value with probability s/series, so chunks grow at as many paces.
        double v = random.nextInt(series) < s ? 1 : random.nextDouble();
        app.append(0, Labels.of("__name__", "m", "s", Integer.toString(s)), i * 15_000L, v);
      }
      app.commit();
    }

    // Beyond a fifth more than the slots in use, at most a page partly used per slot size.
    // A tenth more than the slots in use, and a page partly handed out for each of the 29 sizes.
    assertThat(head.openChunkPageBytes()).isLessThan(head.openChunkBytes() * 11 / 10 + 29L * ChunkArena.PAGE_BYTES);
    Map<Labels, TreeMap<Long, Long>> samples = all(head);
    assertThat(samples).hasSize(series);
    assertThat(samples.values()).allSatisfy(one -> assertThat(one).hasSize(60));
  }

  @Test
  void seriesTruncatedToNothingGiveTheirSlotsBack() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    for (int s = 0; s < 50; s++) {
      app.append(0, Labels.of("__name__", "m", "s", Integer.toString(s)), 1000, s);
    }
    app.commit();
    assertThat(head.openChunkBytes()).isPositive();

    head.truncateMemory(TWO_HOURS);

    assertThat(head.numSeries()).isZero();
    assertThat(head.openChunkBytes()).isZero();
  }

  @Test
  void aSeriesTruncatedToNothingButStillAppendedToStartsAFreshChunk() {
    Head head = new Head(TWO_HOURS);
    Appender first = head.appender();
    first.append(0, UP, 1000, 1);
    first.commit();
    Appender pending = head.appender();
    pending.append(0, UP, TWO_HOURS + 1000, 2);

    head.truncateMemory(TWO_HOURS);
    pending.commit();

    assertThat(all(head)).containsEntry(UP, new TreeMap<>(Map.of(TWO_HOURS + 1000, Double.doubleToRawLongBits(2))));
    assertThat(head.openChunkBytes()).isEqualTo(32);
  }

  @Test
  void samplesBeforeTheMinimumValidTimeAreOutOfBounds() {
    Head head = new Head(TWO_HOURS);
    head.setMinValidTime(10_000);
    assertThatThrownBy(() -> head.appender().append(0, UP, 9_999, 1)).hasMessageStartingWith("out of bounds");
    assertThat(head.rejectedSamples(Reason.OUT_OF_BOUNDS)).isEqualTo(1);
  }

  @Test
  void outOfOrderWithinOneBatchIsDroppedAtCommitAndCounted() {
    Head head = new Head(TWO_HOURS);
    Appender app = head.appender();
    app.append(0, UP, 2000, 1);
    app.append(0, UP, 1000, 1);
    app.commit();
    assertThat(all(head).get(UP)).containsOnlyKeys(2000L);
    assertThat(head.rejectedSamples(Reason.OUT_OF_ORDER)).isEqualTo(1);
  }

  /** The head cuts chunks as blocks are built, so both must answer every select identically. */
  @Test
  void answersEverySelectLikeABlockOfTheSameSamples() throws Exception {
    Seeds.run("head against block", r -> {
      Head head = new Head(TWO_HOURS);
      BlockBuilder builder = new BlockBuilder(TWO_HOURS);
      Appender app = head.appender();
      for (int i = 0; i < 300; i++) {
        Labels labels = PostingsForMatchersTest.randomLabels(r, i);
        long t = r.nextInt(60_000);
        for (int n = r.nextInt(400); n > 0; n--) {
          double v = r.nextInt(5) == 0 ? r.nextDouble() : n;
          app.append(0, labels, t, v);
          builder.append(labels, t, v);
          t += 1 + r.nextInt(30_000);
        }
      }
      app.commit();
      if (builder.isEmpty()) {
        return;
      }
      BlockMeta meta = builder.write(dir, Ulid.generate(0));
      try (Block block = Block.open(dir.resolve(meta.ulid()))) {
        for (int round = 0; round < 100; round++) {
          Matcher[] matchers = PostingsForMatchersTest.randomMatchers(r);
          long mint = r.nextInt(3_000_000) - 100_000;
          long maxt = mint + r.nextInt(8_000_000);
          assertThat(StoredSamples.readAll(head, mint, maxt, matchers))
              .as("matchers %s over %d..%d", List.of(matchers), mint, maxt)
              .containsExactlyEntriesOf(StoredSamples.readAll(block, mint, maxt, matchers));
        }
        assertThat(head.querier(0, 1).labelValues(dev.vigil.core.storage.QueryContext.BACKGROUND, "job"))
            .isEqualTo(block.querier(0, 1).labelValues(dev.vigil.core.storage.QueryContext.BACKGROUND, "job"));
      }
    });
  }

  /** Writers append while a reader selects: every read sees, per series, a prefix of what is written. */
  @Test
  void readersSeeConsistentPrefixesWhileWritersAppend() throws Exception {
    Head head = new Head(TWO_HOURS);
    int writers = 3;
    int samples = 3_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    CountDownLatch readerStarted = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Labels labels = Labels.of("__name__", "m", "writer", Integer.toString(w));
        done.add(pool.submit(() -> {
          readerStarted.await(30, TimeUnit.SECONDS);
          for (int i = 0; i < samples; i++) {
            Appender app = head.appender();
            app.append(0, labels, i * 1000L, i);
            app.commit();
          }
          return null;
        }));
      }
      Future<Integer> reader = pool.submit(() -> {
        readerStarted.countDown();
        int reads = 0;
        do {
          for (TreeMap<Long, Long> series : all(head).values()) {
            long expectedTime = 0;
            for (Map.Entry<Long, Long> e : series.entrySet()) {
              assertThat(e.getKey()).isEqualTo(expectedTime);
              assertThat(Double.longBitsToDouble(e.getValue())).isEqualTo(expectedTime / 1000.0);
              expectedTime += 1000;
            }
          }
          reads++;
        } while (done.stream().anyMatch(f -> !f.isDone()) && reads < 10_000);
        return reads;
      });
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      // Rethrows what the reader found inconsistent.
      reader.get(60, TimeUnit.SECONDS);
      assertThat(all(head).values()).allSatisfy(s -> assertThat(s).hasSize(samples));
    } finally {
      pool.shutdownNow();
    }
  }
}
