package dev.vigil.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import dev.vigil.tsdb.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointTest {
  private static final int SMALL_SEGMENT = 2 * Wal.PAGE_SIZE;

  @TempDir
  Path dir;

  /** What a replay sees: series refs and sample (ref, t) pairs, in order. */
  private static List<String> replay(Path walDir) throws Exception {
    List<String> out = new ArrayList<>();
    try (WalReader r = WalReplay.open(walDir)) {
      while (r.next()) {
        byte[] rec = r.record();
        if (WalRecordType.of(rec) == WalRecordType.SERIES) {
          WalRecords.decodeSeries(rec, r.segment().file(), r.offset()).forEach(s -> out.add("series " + s.ref()));
        } else if (WalRecordType.of(rec) == WalRecordType.SAMPLES) {
          WalRecords.decodeSamples(rec, r.segment().file(), r.offset())
              .forEach(s -> out.add("sample " + s.ref() + "@" + s.t()));
        }
      }
    }
    return out;
  }

  /** Writes series 1..n, then rounds of samples for all of them at increasing times. */
  private static int writeWal(Path walDir, Random r, int series, int rounds) throws Exception {
    try (Wal wal = Wal.open(walDir, SMALL_SEGMENT)) {
      List<SeriesRecord> all = new ArrayList<>();
      for (int i = 1; i <= series; i++) {
        all.add(new SeriesRecord(i, Labels.of("__name__", "m", "i", Integer.toString(i))));
      }
      wal.log(WalRecords.encodeSeries(all));
      for (int round = 0; round < rounds; round++) {
        List<SampleRecord> samples = new ArrayList<>();
        for (int i = 1; i <= series; i++) {
          samples.add(new SampleRecord(i, round * 1000L, r.nextDouble()));
        }
        wal.log(WalRecords.encodeSamples(samples));
      }
      return wal.activeSegment();
    }
  }

  @Test
  void replayAfterACheckpointSeesWhatWasKeptThenTheRest() throws Exception {
    Seeds.run("WAL checkpoint", r -> {
      Path walDir = Files.createTempDirectory(dir, "wal");
      int last = writeWal(walDir, r, 40, 400);
      assertThat(last).as("segments written").isGreaterThan(1);
      List<String> before = replay(walDir);
      int to = r.nextInt(last);
      long mint = r.nextInt(400) * 1000L;
      WalCheckpoint.write(walDir, to, ref -> ref % 2 == 0, mint);

      // Replay reads the checkpoint instead of segments 0..to: exactly the kept part of what they
      // held, then the later segments unchanged.
      List<String> later = tail(walDir, to);
      List<String> expected = new ArrayList<>();
      for (String entry : before.subList(0, before.size() - later.size())) {
        boolean kept = entry.startsWith("series ")
            ? Long.parseLong(entry.substring(7)) % 2 == 0
            : Long.parseLong(entry.substring(entry.indexOf('@') + 1)) >= mint;
        if (kept) {
          expected.add(entry);
        }
      }
      expected.addAll(later);
      assertThat(replay(walDir)).containsExactlyElementsOf(expected);
    });
  }

  /** The samples a replay reads from segments after {@code to}. */
  private static List<String> tail(Path walDir, int to) throws Exception {
    List<String> out = new ArrayList<>();
    List<WalSegment> later = new ArrayList<>();
    for (WalSegment s : WalSegments.list(walDir)) {
      if (s.index() > to) {
        later.add(s);
      }
    }
    try (WalReader r = WalReader.over(later)) {
      while (r.next()) {
        if (WalRecordType.of(r.record()) == WalRecordType.SAMPLES) {
          WalRecords.decodeSamples(r.record(), r.segment().file(), r.offset())
              .forEach(s -> out.add("sample " + s.ref() + "@" + s.t()));
        }
      }
    }
    return out;
  }

  @Test
  void aNewCheckpointReplacesTheOldAndLeftoversOfInterruptedBuilds() throws Exception {
    Path walDir = dir.resolve("wal");
    int last = writeWal(walDir, new Random(1), 10, 2000);
    assertThat(last).as("segments written").isGreaterThan(2);
    Files.createDirectories(walDir.resolve(Checkpoints.name(0) + ".tmp"));
    WalCheckpoint.write(walDir, 1, ref -> true, 0);
    WalCheckpoint.write(walDir, last - 1, ref -> true, 0);
    try (var entries = Files.list(walDir)) {
      assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkpoint")))
          .containsExactly(Checkpoints.name(last - 1));
    }
    // Nothing was dropped (keep everything, mint 0): replay yields every sample exactly once.
    assertThat(replay(walDir).stream().filter(e -> e.startsWith("sample "))).hasSize(10 * 2000);
  }
}
