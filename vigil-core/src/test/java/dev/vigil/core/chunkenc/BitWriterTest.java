package dev.vigil.core.chunkenc;

import static dev.vigil.core.chunkenc.XorTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.model.Seeded;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BitWriterTest {

  @Test
  void writeBit_fillsBytesMostSignificantBitFirst() {
    BitWriter w = new BitWriter(1);
    w.writeBit(true);
    w.writeBit(false);
    w.writeBit(true);

    assertThat(w.toByteArray()).isEqualTo(hex("a0"));
  }

  @Test
  void writeBits_writesLowBitsMostSignificantFirst() {
    BitWriter w = new BitWriter(1);
    w.writeBits(0b101, 3);
    w.writeBits(0xfff0, 12);

    // 101 + ff0 -> 1011 1111 1111 0000 -> 101 111111110000(0)
    assertThat(w.toByteArray()).isEqualTo(hex("bf e0"));
  }

  @Test
  void writeBits_negativeValue_keepsOnlyLowBits() {
    BitWriter w = new BitWriter(1);
    w.writeBits(-2, 4);

    assertThat(w.toByteArray()).isEqualTo(hex("e0"));
  }

  @Test
  void writeBits_sixtyFourBits_acrossByteBoundary() {
    BitWriter w = new BitWriter(1);
    w.writeBit(true);
    w.writeBits(0x8000000000000001L, 64);

    assertThat(w.toByteArray()).isEqualTo(hex("c0 00 00 00 00 00 00 00 80"));
  }

  @Test
  void writeBits_wholeBytesFromByteBoundary_leaveEmptyByteLikeGoBstream() {
    BitWriter w = new BitWriter(1);
    w.writeBits(0xab, 8);

    assertThat(w.toByteArray()).isEqualTo(hex("ab 00"));
    assertThat(w.length()).isEqualTo(2);
  }

  @Test
  void writeBits_wholeBytesFromMidByte_leaveNoEmptyByte() {
    BitWriter w = new BitWriter(1);
    w.writeBit(true);
    w.writeBits(0xff, 8);

    assertThat(w.toByteArray()).isEqualTo(hex("ff 80"));
  }

  @Test
  void writeBits_partialByteFromByteBoundary_leaveNoEmptyByte() {
    BitWriter w = new BitWriter(1);
    w.writeBits(0x3ff, 10);

    assertThat(w.toByteArray()).isEqualTo(hex("ff c0"));
  }

  @Test
  void writeBit_afterEmptyByte_fillsIt() {
    BitWriter w = new BitWriter(1);
    w.writeByte(0x12);
    w.writeBit(true);

    assertThat(w.toByteArray()).isEqualTo(hex("12 80"));
  }

  @Test
  void writeByte_manyBytes_growsBuffer() {
    BitWriter w = new BitWriter(1);
    for (int i = 0; i < 100; i++) {
      w.writeBit(true);
      w.writeByte(i);
    }

    assertThat(w.length()).isEqualTo(113);
  }

  @Test
  void setByte_overwritesWrittenByte() {
    BitWriter w = new BitWriter(1);
    w.writeBits(0, 16);
    w.writeBit(true);
    w.setByte(1, 0x7f);

    assertThat(w.toByteArray()).isEqualTo(hex("00 7f 80"));
  }

  @Test
  void writes_randomSequences_matchBitByBitReference() {
    Seeded.run(r -> {
      for (int sequence = 0; sequence < 2_000; sequence++) {
        BitWriter fast = new BitWriter(1);
        BitByBitWriter reference = new BitByBitWriter();
        int writes = r.nextInt(60);
        for (int i = 0; i < writes; i++) {
          long value = r.nextLong();
          int nbits = randomWidth(r);
          if (nbits == 1 && r.nextBoolean()) {
            fast.writeBit((value & 1) != 0);
          } else {
            fast.writeBits(value, nbits);
          }
          reference.writeBits(value, nbits);
        }
        assertThat(fast.toByteArray()).as("sequence %d", sequence).isEqualTo(reference.toByteArray());
        assertThat(fast.length()).isEqualTo(reference.toByteArray().length);
      }
    });
  }

  /** Widths biased to what an XOR chunk writes: single bits, whole bytes and 64-bit values. */
  private static int randomWidth(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return 1;
      case 1:
        return 8 * (1 + r.nextInt(8));
      default:
        return 1 + r.nextInt(64);
    }
  }

  /**
   * One bit at a time into a string, from the bstream rules alone: bytes are the bits rounded up,
   * and a write of whole bytes starting on a byte boundary leaves one more (empty) byte.
   */
  private static final class BitByBitWriter {
    private final StringBuilder bits = new StringBuilder();
    private int minBytes;

    void writeBits(long value, int nbits) {
      boolean fromBoundary = bits.length() % 8 == 0;
      for (int i = nbits - 1; i >= 0; i--) {
        bits.append((value >>> i & 1) == 1 ? '1' : '0');
      }
      if (fromBoundary && nbits % 8 == 0) {
        minBytes = bits.length() / 8 + 1;
      }
    }

    byte[] toByteArray() {
      byte[] out = new byte[Math.max(minBytes, (bits.length() + 7) / 8)];
      for (int i = 0; i < bits.length(); i++) {
        if (bits.charAt(i) == '1') {
          out[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
      }
      return out;
    }
  }
}
