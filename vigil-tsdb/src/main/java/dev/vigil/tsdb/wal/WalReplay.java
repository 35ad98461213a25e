package dev.vigil.tsdb.wal;

import dev.vigil.tsdb.encoding.CorruptionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order in which Prometheus replays a WAL directory into its head: every segment of the newest
 * checkpoint, then the WAL segments after the one the checkpoint covers. Older segments are already
 * summarised by the checkpoint (Prometheus deletes them after checkpointing, but a crash may leave
 * them behind).
 */
public final class WalReplay {
  private WalReplay() {}

  /** The segments to replay, in order. */
  public static List<WalSegment> segments(Path walDir) throws IOException {
    Optional<Checkpoints.Checkpoint> checkpoint = Checkpoints.last(walDir);
    List<WalSegment> wal = WalSegments.list(walDir);
    if (checkpoint.isEmpty()) {
      return wal;
    }
    int after = checkpoint.get().index();
    List<WalSegment> out = new ArrayList<>(WalSegments.list(checkpoint.get().dir()));
    for (WalSegment s : wal) {
      if (s.index() > after) {
        out.add(s);
      }
    }
    if (!wal.isEmpty() && wal.get(0).index() > after + 1) {
      throw new CorruptionException(walDir, "WAL segments " + (after + 1) + " to " + (wal.get(0).index() - 1)
          + " are missing between " + Checkpoints.name(after) + " and segment " + wal.get(0).index());
    }
    return out;
  }

  /** A reader over {@link #segments}: the whole state a head would rebuild from this directory. */
  public static WalReader open(Path walDir) throws IOException {
    return WalReader.over(segments(walDir));
  }
}
