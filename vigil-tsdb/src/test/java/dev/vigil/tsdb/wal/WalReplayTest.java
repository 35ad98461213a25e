package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalTesting.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoint naming and Prometheus's replay order: newest checkpoint, then the segments after it. */
class WalReplayTest {
  @TempDir Path wal;

  private void segmentsWithOneRecordEach(Path dir, int first, int last, int tag) throws Exception {
    Files.createDirectories(dir);
    for (int i = first; i <= last; i++) {
      Files.write(dir.resolve(WalSegment.name(i)), WalTesting.fragment(1, new byte[] {(byte) tag, (byte) i}));
    }
  }

  private List<byte[]> replay() throws Exception {
    try (WalReader reader = WalReplay.open(wal)) {
      return drain(reader, new ArrayList<>());
    }
  }

  @Test
  void checkpointDirectoriesAreNamedWithEightDigits() {
    assertThat(Checkpoints.name(12)).isEqualTo("checkpoint.00000012");
    assertThat(WalSegment.name(3)).isEqualTo("00000003");
  }

  @Test
  void withoutACheckpointEverySegmentIsReplayed() throws Exception {
    segmentsWithOneRecordEach(wal, 0, 2, 0);
    assertThat(replay()).containsExactly(new byte[] {0, 0}, new byte[] {0, 1}, new byte[] {0, 2});
  }

  @Test
  void newestCheckpointComesFirstThenOnlyTheSegmentsAfterIt() throws Exception {
    segmentsWithOneRecordEach(wal.resolve(Checkpoints.name(2)), 0, 0, 9);
    segmentsWithOneRecordEach(wal.resolve(Checkpoints.name(4)), 0, 1, 8);
    Files.createDirectories(wal.resolve(Checkpoints.name(6) + ".tmp"));
    segmentsWithOneRecordEach(wal, 3, 6, 0);

    assertThat(Checkpoints.last(wal)).contains(new Checkpoints.Checkpoint(wal.resolve("checkpoint.00000004"), 4));
    assertThat(replay()).containsExactly(
        new byte[] {8, 0}, new byte[] {8, 1}, new byte[] {0, 5}, new byte[] {0, 6});
  }

  @Test
  void missingSegmentsBetweenCheckpointAndWalAreRefused() throws Exception {
    segmentsWithOneRecordEach(wal.resolve(Checkpoints.name(2)), 0, 0, 9);
    segmentsWithOneRecordEach(wal, 5, 6, 0);
    assertThatThrownBy(() -> WalReplay.segments(wal))
        .hasMessageContaining("WAL segments 3 to 4 are missing between checkpoint.00000002 and segment 5");
  }

  @Test
  void aCheckpointThatIsAFileIsRefused() throws Exception {
    Files.write(wal.resolve(Checkpoints.name(1)), new byte[0]);
    assertThatThrownBy(() -> Checkpoints.last(wal)).hasMessageContaining("a checkpoint must be a directory");
  }
}
