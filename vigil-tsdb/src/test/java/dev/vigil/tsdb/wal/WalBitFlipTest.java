package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalTesting.bytes;
import static dev.vigil.tsdb.wal.WalTesting.drain;
import static dev.vigil.tsdb.wal.WalTesting.fragment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.tsdb.Seeds;
import dev.vigil.tsdb.encoding.CorruptionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any flipped bit in a segment (data, header or padding) is an error naming the file and an offset. */
class WalBitFlipTest {
  @TempDir Path dir;

  @Test
  void everyFlippedBitIsReportedWithFileAndOffset() throws Exception {
    Path source = dir.resolve("source");
    try (Wal wal = Wal.open(source)) {
      wal.log(bytes(10, 1), new byte[0], bytes(Wal.PAGE_SIZE + 500, 2), bytes(50, 3));
    }
    byte[] original = Files.readAllBytes(source.resolve("00000000"));
    Seeds.run("bit flips", random -> {
      for (int i = 0; i < 300; i++) {
        // Half the flips in the headers and small records at the start, where every field is packed.
        int at = random.nextBoolean() ? random.nextInt(64) : random.nextInt(original.length);
        int bit = random.nextInt(8);
        byte[] damaged = original.clone();
        damaged[at] ^= (byte) (1 << bit);
        Path wal = Files.createTempDirectory(dir, "flip");
        Files.write(wal.resolve("00000000"), damaged);
        Files.write(wal.resolve("00000001"), new byte[0]);
        try (WalReader reader = WalReader.open(wal)) {
          assertThatThrownBy(() -> drain(reader, new ArrayList<>()))
              .as("bit %d of byte %d", bit, at)
              // Bit 3 of a header byte is the snappy flag: the record then fails to decompress.
              .isInstanceOf(CorruptionException.class)
              .hasMessageContaining(wal.resolve("00000000").toString())
              .satisfies(e -> assertThat(((CorruptionException) e).offset()).isBetween(0L, (long) at));
        }
      }
    });
  }

  @Test
  void checksumMismatchNamesTheFragmentAndBothChecksums() throws Exception {
    try (Wal wal = Wal.open(dir)) {
      wal.log("abc".getBytes());
    }
    Path segment = dir.resolve("00000000");
    byte[] b = Files.readAllBytes(segment);
    b[8] = 'B';
    Files.write(segment, b);

    try (WalReader reader = WalReader.open(dir)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(WalCorruptionException.class)
          .hasMessage(segment + " at offset 0: checksum mismatch in the fragment at offset 0: stored 364b3fb7, "
              + "computed " + String.format("%08x", crc("aBc")) + " (in the newest segment: a torn write, repairable)");
    }
  }

  @Test
  void snappyCompressedRecordsAreDecompressed() throws Exception {
    // A snappy block: length 3, then one literal of 3 bytes (tag (3 - 1) << 2).
    Files.write(dir.resolve("00000000"), fragment(1 | 0x08, new byte[] {3, 8, 'a', 'b', 'c'}));
    try (WalReader reader = WalReader.open(dir)) {
      assertThat(reader.next()).isTrue();
      assertThat(reader.record()).isEqualTo(new byte[] {'a', 'b', 'c'});
    }
  }

  @Test
  void compressedRecordThatDoesNotDecompressIsCorrupt() throws Exception {
    // Declares 9 bytes but holds a 3-byte literal.
    Files.write(dir.resolve("00000000"), fragment(1 | 0x08, new byte[] {9, 8, 'a', 'b', 'c'}));
    try (WalReader reader = WalReader.open(dir)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(WalCorruptionException.class)
          .hasMessageContaining("00000000 at offset 0: snappy: decoded 3 bytes, declared 9");
    }
  }

  private static int crc(String s) {
    CRC32C c = new CRC32C();
    c.update(s.getBytes());
    return (int) c.getValue();
  }
}
