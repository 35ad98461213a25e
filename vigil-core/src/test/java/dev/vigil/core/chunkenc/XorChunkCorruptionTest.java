package dev.vigil.core.chunkenc;

import static dev.vigil.core.chunkenc.XorTestSupport.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.core.chunkenc.XorTestSupport.Samples;
import dev.vigil.core.model.Seeded;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged chunk bytes must fail as {@link ChunkFormatException} or decode to garbage, and always
 * terminate; never an ArrayIndexOutOfBoundsException or an endless loop.
 */
class XorChunkCorruptionTest {
  private static final int ROUNDS = 3_000;
  private static final Duration BUDGET = Duration.ofSeconds(60);

  @Test
  void iterate_truncatedChunk_yieldsExactPrefixThenChunkFormatException() {
    assertTimeoutPreemptively(BUDGET, () -> Seeded.run(r -> {
      for (int i = 0; i < ROUNDS; i++) {
        Samples s = RandomSeries.next(r);
        byte[] full = encode(s).bytes();
        int length = 2 + r.nextInt(full.length - 1);
        // Either a copy of the first bytes or a shorter view into the original array.
        XorChunk c = r.nextBoolean()
            ? XorChunk.wrap(Arrays.copyOf(full, length))
            : XorChunk.wrap(full, 0, length);
        Outcome o = iterate(c);
        assertThat(o.decoded).as("round %d, %d of %d bytes", i, length, full.length)
            .isEqualTo(s.prefix(o.decoded.size()));
        if (o.decoded.size() < s.size()) {
          assertThat(o.failure).as("round %d, %d of %d bytes", i, length, full.length)
              .isInstanceOf(ChunkFormatException.class);
        }
      }
    }));
  }

  @Test
  void iterate_chunkCutMidSample_throwsChunkFormatException() {
    byte[] full = encode(new long[] {1000, 2000, 3000}, new double[] {1.0, 1.0, 2.0}).bytes();
    SampleIterator it = XorChunk.wrap(Arrays.copyOf(full, full.length - 2)).iterator(null);

    assertThat(it.next()).isEqualTo(ValueType.FLOAT);
    assertThat(it.next()).isEqualTo(ValueType.FLOAT);
    assertThatThrownBy(it::next).isInstanceOf(ChunkFormatException.class).hasMessageContaining("truncated");
  }

  @Test
  void iterate_headerClaimingMoreSamples_throwsChunkFormatException() {
    byte[] bytes = encode(new long[] {1000, 2000, 3000}, new double[] {1.0, 1.0, 2.0}).bytes();
    bytes[1] = 100;
    SampleIterator it = XorChunk.wrap(bytes).iterator(null);

    assertThatThrownBy(() -> {
      while (it.next() == ValueType.FLOAT) {
        // Drain until the missing samples are noticed.
      }
    }).isInstanceOf(ChunkFormatException.class);
  }

  @Test
  void iterate_impossibleValueWindow_throwsChunkFormatException() {
    // Sample 1 opens a window of 31 leading zeros and 63 significant bits: 31 + 63 > 64.
    // Bytes: count 2, varint(0), 0.0, uvarint(1), then 1 1 11111 111111 = ff f8.
    byte[] bytes = {0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, (byte) 0xff, (byte) 0xf8, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    SampleIterator it = XorChunk.wrap(bytes).iterator(null);

    assertThat(it.next()).isEqualTo(ValueType.FLOAT);
    assertThatThrownBy(it::next).isInstanceOf(ChunkFormatException.class);
  }

  @Test
  void iterate_bitFlippedChunk_failsCleanlyOrDecodesGarbage() {
    assertTimeoutPreemptively(BUDGET, () -> Seeded.run(r -> {
      for (int i = 0; i < ROUNDS; i++) {
        byte[] bytes = encode(RandomSeries.next(r)).bytes();
        int flips = 1 + r.nextInt(4);
        for (int k = 0; k < flips; k++) {
          int bit = r.nextInt(bytes.length * 8);
          bytes[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        }
        assertFailsCleanly(i, bytes, r);
      }
    }));
  }

  @Test
  void iterate_randomBytes_failCleanlyOrDecodeGarbage() {
    assertTimeoutPreemptively(BUDGET, () -> Seeded.run(r -> {
      for (int i = 0; i < ROUNDS; i++) {
        byte[] bytes = new byte[2 + r.nextInt(64)];
        r.nextBytes(bytes);
        assertFailsCleanly(i, bytes, r);
      }
    }));
  }

  @Test
  void iterate_truncatedAndFlippedChunk_failsCleanlyOrDecodesGarbage() {
    assertTimeoutPreemptively(BUDGET, () -> Seeded.run(r -> {
      for (int i = 0; i < ROUNDS; i++) {
        byte[] full = encode(RandomSeries.next(r)).bytes();
        byte[] bytes = Arrays.copyOf(full, 2 + r.nextInt(full.length - 1));
        int bit = r.nextInt(bytes.length * 8);
        bytes[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        assertFailsCleanly(i, bytes, r);
      }
    }));
  }

  /** Iterates (with next, or with seeks) and allows only ChunkFormatException, within the declared count. */
  private static void assertFailsCleanly(int round, byte[] bytes, Random r) {
    XorChunk c = XorChunk.wrap(bytes);
    Outcome o = r.nextBoolean() ? iterate(c) : seekThrough(c, r);
    assertThat(o.decoded.size()).as("round %d", round).isLessThanOrEqualTo(c.numSamples());
    if (o.failure != null) {
      assertThat(o.failure).as("round %d: %s", round, o.failure).isInstanceOf(ChunkFormatException.class);
    }
  }

  private static final class Outcome {
    final Samples decoded;
    final RuntimeException failure;

    Outcome(Samples decoded, RuntimeException failure) {
      this.decoded = decoded;
      this.failure = failure;
    }
  }

  private static Outcome iterate(XorChunk c) {
    SampleIterator it = c.iterator(null);
    int limit = c.numSamples() + 1;
    long[] t = new long[limit];
    long[] v = new long[limit];
    int n = 0;
    RuntimeException failure = null;
    try {
      while (n < limit && it.next() == ValueType.FLOAT) {
        t[n] = it.atTime();
        v[n] = Double.doubleToRawLongBits(it.atValue());
        n++;
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    return new Outcome(new Samples(Arrays.copyOf(t, n), Arrays.copyOf(v, n)), failure);
  }

  private static Outcome seekThrough(XorChunk c, Random r) {
    SampleIterator it = c.iterator(null);
    int seeks = 0;
    try {
      while (seeks++ <= c.numSamples() && it.seek(r.nextLong()) == ValueType.FLOAT) {
        it.atTime();
      }
    } catch (RuntimeException e) {
      return new Outcome(new Samples(new long[0], new long[0]), e);
    }
    return new Outcome(new Samples(new long[0], new long[0]), null);
  }
}
