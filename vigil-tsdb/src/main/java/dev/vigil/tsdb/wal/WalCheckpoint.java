package dev.vigil.tsdb.wal;

import dev.vigil.tsdb.fs.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Writes a checkpoint as Prometheus does before it truncates the WAL: everything the head still needs
 * from the previous checkpoint and WAL segments up to {@code to} — series records of series it keeps,
 * samples and exemplars at or after {@code mint}, tombstones reaching {@code mint} — rewritten as a WAL
 * of its own in {@code checkpoint.<to>}. It is built under a {@code .tmp} name and renamed when
 * complete, so a crash leaves either the old checkpoint or the new one, never half of one.
 */
public final class WalCheckpoint {
  private WalCheckpoint() {}

  /** What the checkpoint kept and dropped, by record kind. */
  public record Stats(int seriesKept, int seriesDropped, int samplesKept, int samplesDropped) {}

  public static Stats write(Path walDir, int to, LongPredicate keepSeries, long mint) throws IOException {
    Optional<Checkpoints.Checkpoint> previous = Checkpoints.last(walDir);
    List<WalSegment> sources = new ArrayList<>();
    int from = 0;
    if (previous.isPresent()) {
      sources.addAll(WalSegments.list(previous.get().dir()));
      from = previous.get().index() + 1;
    } else {
      List<WalSegment> wal = WalSegments.list(walDir);
      from = wal.isEmpty() ? 0 : wal.get(0).index();
    }
    if (to >= from) {
      sources.addAll(WalSegments.range(walDir, from, to));
    }
    Path done = walDir.resolve(Checkpoints.name(to));
    Path building = walDir.resolve(Checkpoints.name(to) + ".tmp");
    FileTrees.deleteRecursively(building);
    Files.createDirectories(building);
    int[] counts = new int[4];
    try (WalReader reader = WalReader.over(sources); Wal out = Wal.open(building)) {
      while (reader.next()) {
        byte[] kept = filter(reader, keepSeries, mint, counts);
        if (kept != null) {
          out.log(kept);
        }
      }
    }
    Files.move(building, done, StandardCopyOption.ATOMIC_MOVE);
    deleteOlderThan(walDir, to);
    return new Stats(counts[0], counts[1], counts[2], counts[3]);
  }

  /** The record re-encoded with only what the checkpoint keeps, or null when nothing is left. */
  private static byte[] filter(WalReader reader, LongPredicate keepSeries, long mint, int[] counts) {
    byte[] record = reader.record();
    Path file = reader.segment().file();
    long offset = reader.offset();
    switch (WalRecordType.of(record)) {
      case SERIES: {
        List<SeriesRecord> all = WalRecords.decodeSeries(record, file, offset);
        List<SeriesRecord> kept = keep(all, s -> keepSeries.test(s.ref()));
        counts[0] += kept.size();
        counts[1] += all.size() - kept.size();
        return kept.isEmpty() ? null : WalRecords.encodeSeries(kept);
      }
      case SAMPLES: {
        List<SampleRecord> all = WalRecords.decodeSamples(record, file, offset);
        List<SampleRecord> kept = keep(all, s -> s.t() >= mint);
        counts[2] += kept.size();
        counts[3] += all.size() - kept.size();
        return kept.isEmpty() ? null : WalRecords.encodeSamples(kept);
      }
      case TOMBSTONES: {
        List<TombstoneRecord> kept = keep(WalRecords.decodeTombstones(record, file, offset),
            t -> t.interval().maxTime() >= mint);
        return kept.isEmpty() ? null : WalRecords.encodeTombstones(kept);
      }
      case EXEMPLARS: {
        List<ExemplarRecord> kept = keep(WalRecords.decodeExemplars(record, file, offset), e -> e.t() >= mint);
        return kept.isEmpty() ? null : WalRecords.encodeExemplars(kept);
      }
      default:
        // Kinds the head does not replay (metadata, histograms) are not carried over.
        return null;
    }
  }

  private static <T> List<T> keep(List<T> all, Predicate<T> test) {
    List<T> kept = new ArrayList<>(all.size());
    for (T t : all) {
      if (test.test(t)) {
        kept.add(t);
      }
    }
    return kept;
  }

  /** Removes checkpoints the new one replaces, and leftovers of interrupted builds. */
  private static void deleteOlderThan(Path walDir, int to) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(walDir, Checkpoints.PREFIX + "*")) {
      for (Path entry : entries) {
        Optional<Integer> index = Checkpoints.index(entry);
        if (index.isEmpty() || index.get() < to) {
          FileTrees.deleteRecursively(entry);
        }
      }
    }
  }

}
