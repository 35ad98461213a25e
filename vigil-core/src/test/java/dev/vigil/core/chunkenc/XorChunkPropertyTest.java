package dev.vigil.core.chunkenc;

import static dev.vigil.core.chunkenc.XorTestSupport.decode;
import static dev.vigil.core.chunkenc.XorTestSupport.drain;
import static dev.vigil.core.chunkenc.XorTestSupport.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.chunkenc.XorTestSupport.Samples;
import dev.vigil.core.model.Seeded;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.ValueType;
import org.junit.jupiter.api.Test;

/** Seeded random series; a failure prints the seed, and {@code -Dvigil.seed=...} replays it. */
class XorChunkPropertyTest {
  private static final int SERIES = 1_500;

  @Test
  void appendThenIterate_randomSeries_roundTripsExactly() {
    Seeded.run(r -> {
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        XorChunk c = encode(s);
        assertThat(c.numSamples()).isEqualTo(s.size());
        assertThat(decode(c)).as("series %d", i).isEqualTo(s);
      }
    });
  }

  @Test
  void bytes_randomSeries_matchReferenceEncoder() {
    Seeded.run(r -> {
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        assertThat(encode(s).bytes()).as("series %d: %s", i, s).isEqualTo(XorReferenceEncoder.encode(s));
      }
    });
  }

  @Test
  void nextBatch_randomLimitsAndSizes_readsWhatNextReads() {
    Seeded.run(r -> {
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        SampleIterator it = encode(s).iterator(null);
        long[] t = new long[130];
        double[] v = new double[130];
        int read = 0;
        while (true) {
          long limit = read < s.size() ? s.t[Math.min(s.size() - 1, read + r.nextInt(40))] : Long.MAX_VALUE;
          int got = it.nextBatch(limit, t, v, 0, 1 + r.nextInt(130));
          int stored = got < 0 ? -got - 1 : got;
          for (int k = 0; k < stored; k++, read++) {
            assertThat(t[k]).as("series %d sample %d", i, read).isEqualTo(s.t[read]);
            assertThat(Double.doubleToRawLongBits(v[k])).isEqualTo(s.v[read]);
          }
          if (got < 0) {
            break;
          }
          if (it.atTime() > limit) {
            assertThat(it.atTime()).isEqualTo(s.t[read]);
            read++;
          }
        }
        assertThat(read).as("series %d", i).isEqualTo(s.size());
      }
    });
  }

  @Test
  void wrap_bytesOfRandomSeries_roundTrips() {
    Seeded.run(r -> {
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        byte[] bytes = encode(s).bytes();
        XorChunk wrapped = XorChunk.wrap(bytes);
        assertThat(wrapped.bytes()).isEqualTo(bytes);
        assertThat(wrapped.numSamples()).isEqualTo(s.size());
        assertThat(decode(wrapped)).as("series %d", i).isEqualTo(s);
      }
    });
  }

  @Test
  void wrap_randomSeriesInsideLargerArray_roundTrips() {
    Seeded.run(r -> {
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        byte[] bytes = encode(s).bytes();
        int before = r.nextInt(16);
        byte[] big = new byte[before + bytes.length + r.nextInt(16)];
        r.nextBytes(big);
        System.arraycopy(bytes, 0, big, before, bytes.length);
        XorChunk wrapped = XorChunk.wrap(big, before, bytes.length);
        assertThat(wrapped.bytes()).isEqualTo(bytes);
        assertThat(decode(wrapped)).as("series %d", i).isEqualTo(s);
      }
    });
  }

  @Test
  void seek_randomTargets_findsFirstSampleAtOrAfterTarget() {
    Seeded.run(r -> {
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        XorChunk c = encode(s);
        for (int k = 0; k < 5; k++) {
          long target = target(r, s);
          int expected = firstAtOrAfter(s, target);
          SampleIterator it = c.iterator(null);
          ValueType type = it.seek(target);
          if (expected == s.size()) {
            assertThat(type).as("seek(%d) in %s", target, s).isEqualTo(ValueType.NONE);
            continue;
          }
          assertThat(type).as("seek(%d) in %s", target, s).isEqualTo(ValueType.FLOAT);
          assertThat(it.atTime()).as("seek(%d) in %s", target, s).isEqualTo(s.t[expected]);
          assertThat(Double.doubleToRawLongBits(it.atValue())).isEqualTo(s.v[expected]);
          assertThat(drain(it, s.size())).isEqualTo(suffix(s, expected + 1));
        }
      }
    });
  }

  @Test
  void seek_increasingTargetsOnOneIterator_neverMovesBackwards() {
    Seeded.run(r -> {
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        SampleIterator it = encode(s).iterator(null);
        int position = -1;
        for (int k = 0; k < 8; k++) {
          long target = target(r, s);
          int expected = Math.max(position, firstAtOrAfter(s, target));
          ValueType type = it.seek(target);
          if (expected >= s.size()) {
            assertThat(type).as("seek(%d) in %s", target, s).isEqualTo(ValueType.NONE);
            break;
          }
          assertThat(type).as("seek(%d) in %s", target, s).isEqualTo(ValueType.FLOAT);
          assertThat(it.atTime()).as("seek(%d) in %s", target, s).isEqualTo(s.t[expected]);
          position = expected;
        }
      }
    });
  }

  @Test
  void iterator_reusedAcrossRandomChunks_matchesFreshIterator() {
    Seeded.run(r -> {
      SampleIterator reused = null;
      for (int i = 0; i < SERIES; i++) {
        Samples s = RandomSeries.next(r);
        XorChunk c = r.nextBoolean() ? encode(s) : XorChunk.wrap(encode(s).bytes());
        reused = c.iterator(reused);
        assertThat(drain(reused, s.size())).as("series %d", i).isEqualTo(s);
        // Leave the iterator part-way through another chunk before it is reused again.
        reused = encode(RandomSeries.next(r)).iterator(reused);
        for (int k = r.nextInt(4); k > 0; k--) {
          reused.next();
        }
      }
    });
  }

  private static long target(java.util.Random r, Samples s) {
    int j = r.nextInt(s.size());
    switch (r.nextInt(5)) {
      case 0:
        return s.t[j];
      case 1:
        return s.t[j] - 1;
      case 2:
        return s.t[j] + 1;
      case 3:
        return r.nextBoolean() ? Long.MIN_VALUE : s.t[s.size() - 1] + (r.nextBoolean() ? 0 : 1);
      default:
        return r.nextLong();
    }
  }

  private static int firstAtOrAfter(Samples s, long target) {
    int i = 0;
    while (i < s.size() && s.t[i] < target) {
      i++;
    }
    return i;
  }

  private static Samples suffix(Samples s, int from) {
    long[] t = java.util.Arrays.copyOfRange(s.t, from, s.size());
    long[] v = java.util.Arrays.copyOfRange(s.v, from, s.size());
    return new Samples(t, v);
  }
}
