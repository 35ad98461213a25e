package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Appender;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadWalTest {
  private static final long TWO_HOURS = 7_200_000L;

  @TempDir
  Path dir;

  private static Map<Labels, TreeMap<Long, Long>> all(Head head) {
    return StoredSamples.readAll(head, Long.MIN_VALUE, Long.MAX_VALUE, Matcher.regex("__name__", ".+"));
  }

  /** Appends random batches (some series new, some known) and commits each. */
  private static void appendRandomBatches(Head head, java.util.Random r, int batches) {
    for (int b = 0; b < batches; b++) {
      Appender app = head.appender();
      for (int i = 0; i < 20; i++) {
        Labels labels = Labels.of("__name__", "m" + r.nextInt(5), "i", Integer.toString(r.nextInt(30)));
        try {
          app.append(0, labels, b * 15_000L + r.nextInt(1000), r.nextDouble());
        } catch (dev.vigil.core.storage.SampleRejectedException sameSeriesTwiceInABatch) {
          // Fine: only what the head accepted has to come back.
        }
      }
      app.commit();
    }
  }

  @Test
  void everyCommittedSampleComesBackAfterReopening() throws Exception {
    Seeds.run("head WAL replay", r -> {
      Path wal = Files.createTempDirectory(dir, "wal");
      Map<Labels, TreeMap<Long, Long>> before;
      try (Head head = Head.open(wal, TWO_HOURS, w -> { throw new AssertionError(w); })) {
        appendRandomBatches(head, r, 1 + r.nextInt(300));
        before = all(head);
      }
      try (Head reopened = Head.open(wal, TWO_HOURS, w -> { throw new AssertionError(w); })) {
        assertThat(all(reopened)).containsExactlyEntriesOf(before);
        // New series continue after the replayed references instead of reusing one.
        appendRandomBatches(reopened, r, 5);
        Map<Labels, TreeMap<Long, Long>> extended = all(reopened);
        assertThat(extended.keySet()).containsAll(before.keySet());
      }
    });
  }

  @Test
  void aSeriesIsLoggedBeforeTheFirstCommittedSampleEvenWhenAnotherAppenderCreatedIt() throws Exception {
    Path wal = dir.resolve("wal");
    Labels series = Labels.of("__name__", "up");
    try (Head head = Head.open(wal, TWO_HOURS, w -> { })) {
      Appender creator = head.appender();
      creator.append(0, series, 1000, 1);
      Appender other = head.appender();
      other.append(0, series, 2000, 2);
      other.commit();
      creator.rollback();
    }
    try (Head reopened = Head.open(wal, TWO_HOURS, w -> { throw new AssertionError(w); })) {
      assertThat(all(reopened).get(series)).containsOnlyKeys(2000L);
    }
  }

  @Test
  void replaySkipsSamplesOlderThanTheMinValidTime() throws Exception {
    Path wal = dir.resolve("wal");
    Labels series = Labels.of("__name__", "up");
    try (Head head = Head.open(wal, TWO_HOURS, w -> { })) {
      Appender app = head.appender();
      app.append(0, series, 1000, 1);
      app.append(0, series, 5000, 2);
      app.commit();
    }
    try (Head reopened = Head.open(wal, TWO_HOURS, 5000, w -> { })) {
      assertThat(all(reopened).get(series)).containsOnlyKeys(5000L);
      assertThat(reopened.minTime()).isEqualTo(5000);
    }
  }

  @Test
  void headKilledWithoutClosingKeepsWhatItLogged() throws Exception {
    Path wal = dir.resolve("wal");
    Head head = Head.open(wal, TWO_HOURS, w -> { });
    appendRandomBatches(head, new java.util.Random(3), 50);
    Map<Labels, TreeMap<Long, Long>> before = all(head);
    // No close: the process "dies" here; what log() handed to the OS must be enough.
    try (Head reopened = Head.open(wal, TWO_HOURS, w -> { })) {
      assertThat(all(reopened)).containsExactlyEntriesOf(before);
    }
  }

  @Test
  void tornLastRecordIsCutOffWithAWarningAndTheRestReplayed() throws Exception {
    Path wal = dir.resolve("wal");
    Labels series = Labels.of("__name__", "up");
    try (Head head = Head.open(wal, TWO_HOURS, w -> { })) {
      for (int i = 0; i < 100; i++) {
        Appender app = head.appender();
        app.append(0, series, i * 1000L, i);
        app.commit();
      }
    }
    Path last;
    try (Stream<Path> files = Files.list(wal)) {
      last = files.filter(p -> !p.getFileName().toString().startsWith("checkpoint")).sorted()
          .reduce((a, b) -> b).orElseThrow();
    }
    // The head wrote 100 small records into the first segment; closing opened nothing new, so find
    // the segment holding data and tear its end inside the last record.
    Path data = Files.size(last) > 0 ? last : wal.resolve("00000000");
    long end = lastNonZeroByte(data);
    try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
      f.setLength(end - 3);
    }
    List<String> warnings = new ArrayList<>();
    try (Head reopened = Head.open(wal, TWO_HOURS, warnings::add)) {
      assertThat(warnings).singleElement().asString().contains("WAL corruption");
      TreeMap<Long, Long> samples = all(reopened).get(series);
      assertThat(samples).hasSize(99);
      assertThat(samples.lastKey()).isEqualTo(98_000L);
    }
  }

  private static long lastNonZeroByte(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int i = bytes.length - 1;
    while (i >= 0 && bytes[i] == 0) {
      i--;
    }
    return i + 1;
  }
}
