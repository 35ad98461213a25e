package dev.vigil.tsdb.wal;

import static dev.vigil.tsdb.wal.WalTesting.bytes;
import static dev.vigil.tsdb.wal.WalTesting.concat;
import static dev.vigil.tsdb.wal.WalTesting.fragment;
import static dev.vigil.tsdb.wal.WalTesting.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes the writer puts into a segment, fragment by fragment, against the format's definition. */
class WalPageLayoutTest {
  private static final int PAGE = Wal.PAGE_SIZE;
  private static final int FULL = 1;
  private static final int FIRST = 2;
  private static final int MIDDLE = 3;
  private static final int LAST = 4;

  @TempDir Path dir;

  private byte[] segmentAfterLogging(byte[]... records) throws Exception {
    try (Wal wal = Wal.open(dir)) {
      for (byte[] r : records) {
        wal.log(r);
      }
    }
    return Files.readAllBytes(dir.resolve("00000000"));
  }

  /** The expected segment: the given fragments back to back, zero padded to whole pages. */
  private static byte[] paged(byte[]... fragments) {
    byte[] content = concat(fragments);
    int pages = Math.max(1, (content.length + PAGE - 1) / PAGE);
    byte[] out = new byte[pages * PAGE];
    System.arraycopy(content, 0, out, 0, content.length);
    return out;
  }

  @Test
  void smallRecordIsOneFullFragmentWithTheCastagnoliChecksumOfItsBytes() throws Exception {
    byte[] segment = segmentAfterLogging("abc".getBytes());

    // CRC-32C("abc") = 0x364b3fb7, the standard check value (RFC 3720 test vectors use the same CRC).
    assertThat(HexFormat.of().formatHex(segment, 0, 10)).isEqualTo("010003364b3fb7616263");
    assertThat(segment).hasSize(PAGE);
    assertThat(segment).isEqualTo(paged(fragment(FULL, "abc".getBytes())));
  }

  @Test
  void emptyRecordIsAHeaderWithZeroLengthAndZeroChecksum() throws Exception {
    byte[] segment = segmentAfterLogging(new byte[0], "x".getBytes());

    assertThat(HexFormat.of().formatHex(segment, 0, 7)).isEqualTo("01000000000000");
    assertThat(segment).isEqualTo(paged(fragment(FULL, new byte[0]), fragment(FULL, "x".getBytes())));
    assertThat(readAll(dir)).containsExactly(new byte[0], "x".getBytes());
  }

  @Test
  void recordThatDoesNotFitIsSplitIntoFirstAndLastAtThePageBoundary() throws Exception {
    byte[] a = bytes(30_000, 1);
    byte[] b = bytes(5_000, 2);
    byte[] segment = segmentAfterLogging(a, b);

    int firstPart = PAGE - (7 + a.length) - 7;
    assertThat(segment).isEqualTo(paged(
        fragment(FULL, a),
        fragment(FIRST, Arrays.copyOfRange(b, 0, firstPart)),
        fragment(LAST, Arrays.copyOfRange(b, firstPart, b.length))));
    assertThat(readAll(dir)).containsExactly(a, b);
  }

  @Test
  void recordFillingAPageExactlyLeavesNoPaddingAndTheNextStartsOnTheNextPage() throws Exception {
    byte[] a = bytes(PAGE - 7, 3);
    byte[] b = bytes(10, 4);
    byte[] segment = segmentAfterLogging(a, b);

    assertThat(segment).isEqualTo(paged(fragment(FULL, a), fragment(FULL, b)));
    assertThat(segment).hasSize(2 * PAGE);
  }

  @Test
  void fewerThanSevenBytesLeftArePaddedAndTheRecordStartsOnTheNextPage() throws Exception {
    byte[] a = bytes(PAGE - 7 - 6, 5);
    byte[] b = bytes(100, 6);
    byte[] segment = segmentAfterLogging(a, b);

    assertThat(segment).isEqualTo(paged(fragment(FULL, a), new byte[6], fragment(FULL, b)));
  }

  @Test
  void exactlySevenBytesLeftHoldAnEmptyFirstFragment() throws Exception {
    // Prometheus cuts a fragment of min(remaining record, page space - 7) bytes, which is 0 here.
    byte[] a = bytes(PAGE - 7 - 7, 7);
    byte[] b = bytes(100, 8);
    byte[] segment = segmentAfterLogging(a, b);

    assertThat(segment).isEqualTo(paged(fragment(FULL, a), fragment(FIRST, new byte[0]), fragment(LAST, b)));
    assertThat(readAll(dir)).containsExactly(a, b);
  }

  @Test
  void recordLargerThanAPageRunsThroughMiddleFragments() throws Exception {
    byte[] big = bytes(3 * PAGE, 9);
    byte[] segment = segmentAfterLogging(big);

    int chunk = PAGE - 7;
    assertThat(segment).isEqualTo(paged(
        fragment(FIRST, Arrays.copyOfRange(big, 0, chunk)),
        fragment(MIDDLE, Arrays.copyOfRange(big, chunk, 2 * chunk)),
        fragment(MIDDLE, Arrays.copyOfRange(big, 2 * chunk, 3 * chunk)),
        fragment(LAST, Arrays.copyOfRange(big, 3 * chunk, big.length))));
    assertThat(readAll(dir)).containsExactly(big);
  }

  @Test
  void openSegmentEndsMidPageAndGrowsWithEachLoggedBatch() throws Exception {
    try (Wal wal = Wal.open(dir)) {
      wal.log("one".getBytes(), "two".getBytes());
      Path segment = dir.resolve("00000000");
      assertThat(Files.readAllBytes(segment))
          .isEqualTo(concat(fragment(FULL, "one".getBytes()), fragment(FULL, "two".getBytes())));
      assertThat(readAll(dir)).containsExactly("one".getBytes(), "two".getBytes());

      wal.log("three".getBytes());
      wal.sync();
      assertThat(Files.size(segment)).isEqualTo(3 * 7 + 3 + 3 + 5);
    }
    assertThat(Files.size(dir.resolve("00000000"))).as("closing pads the last page").isEqualTo(PAGE);
  }

  @Test
  void segmentsAreNamedWithEightDigitsAndEachOpeningStartsANewOne() throws Exception {
    try (Wal wal = Wal.open(dir)) {
      wal.log("a".getBytes());
    }
    try (Wal wal = Wal.open(dir)) {
      assertThat(wal.activeSegment()).isEqualTo(1);
      wal.log("b".getBytes());
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("00000000", "00000001");
    }
    assertThat(readAll(dir)).containsExactly("a".getBytes(), "b".getBytes());
  }

  @Test
  void segmentSizeMustBeAMultipleOfThePageSize() {
    assertThatThrownBy(() -> Wal.open(dir, PAGE + 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 32768");
  }
}
