package dev.vigil.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.tsdb.Seeds;
import org.junit.jupiter.api.Test;

class SnappyTest {
  @Test
  void decodesALiteral() {
    assertThat(Snappy.decode(new byte[] {5, 0x10, 'h', 'e', 'l', 'l', 'o'})).isEqualTo("hello".getBytes());
  }

  @Test
  void decodesACopyThatOverlapsWhatItProduces() {
    // "ab", then copy 6 bytes from 2 back (1-byte offset form: tag (6 - 4) << 2 | 1).
    assertThat(Snappy.decode(new byte[] {8, 0x04, 'a', 'b', 0x09, 2})).isEqualTo("abababab".getBytes());
  }

  @Test
  void decodesCopiesWithTwoAndFourByteOffsets() {
    assertThat(Snappy.decode(new byte[] {8, 0x0c, 'a', 'b', 'c', 'd', 0x0e, 4, 0})).isEqualTo("abcdabcd".getBytes());
    assertThat(Snappy.decode(new byte[] {8, 0x0c, 'a', 'b', 'c', 'd', 0x0f, 4, 0, 0, 0}))
        .isEqualTo("abcdabcd".getBytes());
  }

  @Test
  void refusesDamagedInput() {
    assertThatThrownBy(() -> Snappy.decode(new byte[] {4, 0x05, 0})).hasMessageContaining("copy offset 0");
    assertThatThrownBy(() -> Snappy.decode(new byte[] {9, 0x04, 'a', 'b', 0x09, 3}))
        .hasMessageContaining("copy offset 3 outside the 2 bytes decoded");
    assertThatThrownBy(() -> Snappy.decode(new byte[] {5, 0x10, 'h'})).hasMessageContaining("input ends");
    assertThatThrownBy(() -> Snappy.decode(new byte[] {(byte) 0x80})).hasMessageContaining("input ends inside the length");
    assertThatThrownBy(() -> Snappy.decode(new byte[] {2, 0x10, 'h', 'e', 'l', 'l', 'o'}))
        .hasMessageContaining("past the declared length");
  }

  /** Whatever the reference implementation compresses, including WAL-like repetitive records, reads back. */
  @Test
  void readsWhatTheReferenceImplementationWrites() throws Exception {
    Seeds.run("snappy against snappy-java", random -> {
      for (int i = 0; i < 500; i++) {
        byte[] data = new byte[random.nextInt(70_000)];
        int alphabet = 1 + random.nextInt(random.nextBoolean() ? 4 : 256);
        for (int k = 0; k < data.length; k++) {
          data[k] = (byte) random.nextInt(alphabet);
        }
        assertThat(Snappy.decode(org.xerial.snappy.Snappy.compress(data))).as("input %d", i).isEqualTo(data);
      }
    });
  }
}
