package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalTesting.bytes;
import static dev.vigil.tsdb.wal.WalTesting.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.tsdb.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever is logged is read back in order, across pages, segments and reopenings. */
class WalRoundTripTest {
  private static final int PAGE = Wal.PAGE_SIZE;
  /** Two pages: records of up to a few pages force rollovers and oversized segments all the time. */
  private static final int TINY_SEGMENT = 2 * PAGE;

  @TempDir Path dir;

  private static byte[] randomRecord(Random random) {
    int kind = random.nextInt(10);
    int length = kind == 0 ? 0 : kind < 7 ? random.nextInt(200) : random.nextInt(3 * PAGE);
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  @Test
  void recordLoggedFromAReusedArray_isOnlyItsFirstLengthBytes() throws Exception {
    byte[] reused = bytes(300, 1);
    try (Wal wal = Wal.open(dir)) {
      wal.log(reused, 120);
      wal.log(reused, 0);
    }

    assertThat(readAll(dir)).containsExactly(Arrays.copyOf(reused, 120), new byte[0]);
  }

  @Test
  void aWholeRecordThenOneFromAReusedArray_areTwoRecordsInOrder() throws Exception {
    byte[] first = bytes(40, 2);
    byte[] reused = bytes(300, 3);
    try (Wal wal = Wal.open(dir)) {
      wal.log(first, reused, 200);
    }

    assertThat(readAll(dir)).containsExactly(first, Arrays.copyOf(reused, 200));
  }

  @Test
  void randomRecordsAcrossManyTinySegmentsReadBackInOrder() throws Exception {
    Seeds.run("WAL round trip", random -> {
      Path walDir = Files.createTempDirectory(dir, "wal");
      List<byte[]> written = new ArrayList<>();
      int reopenings = 1 + random.nextInt(3);
      for (int run = 0; run < reopenings; run++) {
        try (Wal wal = Wal.open(walDir, TINY_SEGMENT)) {
          int batches = 1 + random.nextInt(40);
          for (int i = 0; i < batches; i++) {
            byte[][] batch = new byte[1 + random.nextInt(4)][];
            for (int j = 0; j < batch.length; j++) {
              batch[j] = randomRecord(random);
              written.add(batch[j]);
            }
            wal.log(batch);
          }
        }
      }
      assertThat(readAll(walDir)).as("records").containsExactlyElementsOf(written);
      List<WalSegment> segments = WalSegments.list(walDir);
      // Every opening starts a segment; rollovers add more.
      assertThat(segments.size()).as("segments").isGreaterThanOrEqualTo(reopenings);
      for (WalSegment s : segments) {
        assertThat(Files.size(s.file()) % PAGE).as("%s ends on a page boundary", s).isZero();
      }
    });
  }

  @Test
  void recordsNeverCrossASegmentBoundary() throws Exception {
    byte[] a = bytes(PAGE, 1);
    byte[] b = bytes(PAGE, 2);
    try (Wal wal = Wal.open(dir, TINY_SEGMENT)) {
      wal.log(a, b);
    }
    try (WalReader reader = WalReader.open(dir)) {
      assertThat(reader.next()).isTrue();
      assertThat(reader.segment().index()).isZero();
      assertThat(reader.next()).isTrue();
      assertThat(reader.segment().index()).as("b does not fit into what is left of segment 0").isEqualTo(1);
      assertThat(reader.offset()).isZero();
      assertThat(reader.record()).isEqualTo(b);
      assertThat(reader.next()).isFalse();
    }
  }

  @Test
  void recordLargerThanASegmentGetsAnOversizedSegmentOfItsOwn() throws Exception {
    byte[] small = bytes(10, 3);
    byte[] huge = bytes(5 * PAGE, 4);
    try (Wal wal = Wal.open(dir, TINY_SEGMENT)) {
      wal.log(small, huge, small);
    }
    assertThat(WalSegments.list(dir)).extracting(WalSegment::index).containsExactly(0, 1, 2);
    assertThat(Files.size(dir.resolve("00000001"))).isEqualTo(6 * PAGE);
    assertThat(readAll(dir)).containsExactly(small, huge, small);
  }

  @Test
  void nextSegmentRollsOverAndTruncateDropsEverySegmentBeforeTheGivenOne() throws Exception {
    try (Wal wal = Wal.open(dir)) {
      for (int i = 0; i < 4; i++) {
        wal.log(new byte[] {(byte) i});
        assertThat(wal.nextSegment()).isEqualTo(i + 1);
      }
      wal.log(new byte[] {4});
      wal.truncate(3);
      assertThat(WalSegments.list(dir)).extracting(WalSegment::index).containsExactly(3, 4);
      assertThat(readAll(dir)).containsExactly(new byte[] {3}, new byte[] {4});
      assertThatThrownBy(() -> wal.truncate(5))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("still being written");
    }
  }

  @Test
  void readerTakesARangeOfSegments() throws Exception {
    try (Wal wal = Wal.open(dir)) {
      for (int i = 0; i < 5; i++) {
        wal.log(new byte[] {(byte) i});
        wal.nextSegment();
      }
    }
    List<byte[]> read = new ArrayList<>();
    try (WalReader reader = WalReader.open(dir, 1, 3)) {
      WalTesting.drain(reader, read);
    }
    assertThat(read).containsExactly(new byte[] {1}, new byte[] {2}, new byte[] {3});
  }

  @Test
  void aGapInTheSegmentNumbersIsRefused() throws Exception {
    Files.write(dir.resolve("00000000"), new byte[0]);
    Files.write(dir.resolve("00000002"), new byte[0]);
    assertThatThrownBy(() -> WalReader.open(dir))
        .hasMessageContaining("not sequential: 0 is followed by 2");
  }

  @Test
  void anEmptyDirectoryAndEmptySegmentsHoldNoRecords() throws Exception {
    assertThat(readAll(dir)).isEmpty();
    Files.write(dir.resolve("00000000"), new byte[0]);
    assertThat(readAll(dir)).isEmpty();
  }

  @Test
  void closedWalRefusesWrites() throws Exception {
    Wal wal = Wal.open(dir);
    wal.close();
    wal.close();
    assertThatThrownBy(() -> wal.log(new byte[1])).isInstanceOf(IllegalStateException.class);
  }
}
