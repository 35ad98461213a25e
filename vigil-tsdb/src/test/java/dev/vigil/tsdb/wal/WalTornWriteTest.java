package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalTesting.bytes;
import static dev.vigil.tsdb.wal.WalTesting.drain;
import static dev.vigil.tsdb.wal.WalTesting.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash can cut the newest segment at any byte. Reading then yields every record that was written
 * whole, reports the cut as a repairable corruption at the start of the broken record, and repair
 * leaves a WAL that reads back exactly those records and accepts new ones.
 */
class WalTornWriteTest {
  private static final int PAGE = Wal.PAGE_SIZE;

  @TempDir Path dir;

  @Test
  void cutAtEveryByteOfTheLastSegmentKeepsEveryCompleteRecordBeforeIt() throws Exception {
    Path wal = dir.resolve("wal");
    List<byte[]> older = List.of(bytes(100, 1));
    // The newest segment: an empty record, a small one, one split across the page boundary, a last one.
    List<byte[]> newest = List.of(new byte[0], bytes(9, 3), bytes(PAGE - 10, 4), bytes(3, 6));
    List<Long> ends = new ArrayList<>();
    try (Wal w = Wal.open(wal)) {
      for (byte[] r : older) {
        w.log(r);
      }
      w.nextSegment();
      for (byte[] r : newest) {
        w.log(r);
        ends.add(Files.size(wal.resolve("00000001")));
      }
    }
    byte[] last = Files.readAllBytes(wal.resolve("00000001"));
    long contentEnd = ends.get(ends.size() - 1);
    assertThat(contentEnd).as("the records reach into the second page").isGreaterThan(PAGE);

    // Cuts inside the zero padding after the last record all read alike; a few of them suffice.
    for (int cut = 0; cut <= contentEnd + 8; cut++) {
      cutTo(wal.resolve("00000001"), last, cut);
      int whole = 0;
      while (whole < ends.size() && ends.get(whole) <= cut) {
        whole++;
      }
      List<byte[]> expected = new ArrayList<>(older);
      expected.addAll(newest.subList(0, whole));
      long recordStart = whole == 0 ? 0 : ends.get(whole - 1);
      boolean torn = whole < ends.size() && cut > recordStart;

      List<byte[]> read = new ArrayList<>();
      try (WalReader reader = WalReader.open(wal)) {
        drain(reader, read);
        if (torn) {
          fail("cut at %d: no corruption reported", cut);
        }
      } catch (WalCorruptionException e) {
        if (!torn) {
          throw new AssertionError("cut at " + cut + ": clean prefix reported as " + e.getMessage(), e);
        }
        assertThat(e.segment().index()).as("cut at %d", cut).isEqualTo(1);
        assertThat(e.inLastSegment()).as("cut at %d", cut).isTrue();
        assertThat(e.offset()).as("cut at %d: offset of the broken record", cut).isEqualTo(recordStart);
        assertThat(e.getMessage()).contains("00000001").contains("offset " + recordStart);
        if (repairAt(cut)) {
          Wal.repair(e);
          assertThat(readAll(wal)).as("cut at %d: records after repair", cut).containsExactlyElementsOf(expected);
        }
      }
      assertThat(read).as("cut at %d: records before the cut", cut).containsExactlyElementsOf(expected);
    }
  }

  /**
   * Makes {@code file} the first {@code cut} bytes of {@code content}. Overwriting and shrinking, rather
   * than truncating to zero and rewriting, spares ext4 the flush it forces after a truncation to zero.
   */
  private static void cutTo(Path file, byte[] content, int cut) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(content, 0, cut), 0);
      channel.truncate(cut);
    }
  }

  /**
   * Repair syncs files and directories, a few milliseconds each time, so it runs at every cut near the
   * headers and the page boundary, where its arithmetic has edge cases, and at a sample elsewhere.
   */
  private static boolean repairAt(int cut) {
    return cut < 64 || Math.abs(cut - PAGE) < 64 || cut % 97 == 0;
  }

  @Test
  void repairDeletesLaterSegmentsAndTheWalThenAcceptsNewRecords() throws Exception {
    try (Wal wal = Wal.open(dir)) {
      wal.log(bytes(10, 1), bytes(20, 2));
      wal.nextSegment();
      wal.log(bytes(30, 3));
    }
    // Damage the second record of segment 0: a corruption in the middle of the WAL.
    Path first = dir.resolve("00000000");
    byte[] b = Files.readAllBytes(first);
    b[17 + 7 + 5] ^= 0x01;
    Files.write(first, b);

    WalCorruptionException corruption = null;
    List<byte[]> read = new ArrayList<>();
    try (WalReader reader = WalReader.open(dir)) {
      drain(reader, read);
    } catch (WalCorruptionException e) {
      corruption = e;
    }
    assertThat(corruption).isNotNull();
    assertThat(corruption.inLastSegment()).as("segment 1 follows, so this is not a torn tail").isFalse();
    assertThat(corruption.offset()).isEqualTo(17);
    assertThat(read).containsExactly(bytes(10, 1));

    Wal.repair(corruption);
    assertThat(WalSegments.list(dir)).extracting(WalSegment::index).containsExactly(0);
    assertThat(Files.size(first)).isEqualTo(PAGE);
    try (Wal wal = Wal.open(dir)) {
      assertThat(wal.activeSegment()).isEqualTo(1);
      wal.log(bytes(40, 4));
    }
    assertThat(readAll(dir)).containsExactly(bytes(10, 1), bytes(40, 4));
  }

  @Test
  void aCorruptCheckpointIsNotRepaired() throws Exception {
    Path checkpoint = dir.resolve(Checkpoints.name(3));
    try (Wal wal = Wal.open(checkpoint)) {
      wal.log(bytes(10, 1));
    }
    byte[] b = Files.readAllBytes(checkpoint.resolve("00000000"));
    b[9] ^= 0x40;
    Files.write(checkpoint.resolve("00000000"), b);

    WalCorruptionException e = null;
    try (WalReader reader = WalReader.open(checkpoint)) {
      drain(reader, new ArrayList<>());
    } catch (WalCorruptionException caught) {
      e = caught;
    }
    assertThat(e).isNotNull();
    assertThat(e.inLastSegment()).isFalse();
    WalCorruptionException corruption = e;
    assertThatThrownBy(() -> Wal.repair(corruption))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt checkpoint");
  }
}
