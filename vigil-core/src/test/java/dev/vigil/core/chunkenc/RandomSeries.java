package dev.vigil.core.chunkenc;

import dev.vigil.core.chunkenc.XorTestSupport.Samples;
import dev.vigil.core.model.StaleMarker;
import java.util.Arrays;
import java.util.Random;

/** Random series with strictly increasing timestamps whose deltas never overflow a long. */
final class RandomSeries {
  private static final long[] SPECIAL_BITS = {
    0L,
    0x8000000000000000L, // -0.0
    0x7ff8000000000000L, // NaN
    StaleMarker.STALE_NAN_BITS,
    0x7ff0000000000000L, // +Inf
    0xfff0000000000000L, // -Inf
    0x7fefffffffffffffL, // MAX_VALUE
    0x0000000000000001L, // MIN_VALUE
    0x000fffffffffffffL, // largest subnormal
    0x3ff0000000000000L, // 1.0
    0xbff0000000000000L, // -1.0
    0xffffffffffffffffL, // a negative NaN with every payload bit set
  };

  private RandomSeries() {}

  static Samples next(Random r) {
    int n = length(r);
    int timeMode = r.nextInt(4);
    int valueMode = r.nextInt(7);
    long[] t = new long[n];
    long[] v = new long[n];
    t[0] = firstTime(r, timeMode);
    v[0] = value(r, valueMode, 0, 0);
    int size = 1;
    for (int i = 1; i < n; i++) {
      // Leave room for one more millisecond per remaining sample.
      long headroom = t[i - 1] < 0 ? Long.MAX_VALUE : Long.MAX_VALUE - t[i - 1];
      long maxDelta = headroom - (n - 1 - i);
      if (maxDelta < 1) {
        break;
      }
      long delta = Math.min(delta(r, timeMode == 3 ? r.nextInt(3) : timeMode, i > 1 ? t[i - 1] - t[i - 2] : 15_000), maxDelta);
      t[i] = t[i - 1] + delta;
      v[i] = value(r, valueMode == 6 ? r.nextInt(6) : valueMode, v[i - 1], i);
      size++;
    }
    return new Samples(Arrays.copyOf(t, size), Arrays.copyOf(v, size));
  }

  private static int length(Random r) {
    switch (r.nextInt(10)) {
      case 0:
        return 1 + r.nextInt(3);
      case 1:
        return 200 + r.nextInt(2000);
      default:
        return 1 + r.nextInt(200);
    }
  }

  private static long firstTime(Random r, int timeMode) {
    switch (r.nextInt(4)) {
      case 0:
        return r.nextLong();
      case 1:
        return Long.MIN_VALUE + r.nextInt(1000);
      case 2:
        return -r.nextInt(1_000_000);
      default:
        return 1_600_000_000_000L + r.nextInt(1_000_000_000);
    }
  }

  /** Deltas: regular (0), jittery (1) or extreme, spread over every magnitude up to Long.MAX_VALUE (2). */
  private static long delta(Random r, int mode, long previous) {
    switch (mode) {
      case 0:
        return r.nextInt(20) == 0 ? 1 + r.nextInt(60_000) : previous;
      case 1:
        return Math.max(1, 15_000 + r.nextInt(2_001) - 1_000 + (r.nextInt(30) == 0 ? 15_000L * r.nextInt(10) : 0));
      default:
        long d = r.nextLong() >>> (1 + r.nextInt(63));
        return Math.max(1, d);
    }
  }

  private static long value(Random r, int mode, long previous, int i) {
    switch (mode) {
      case 0: // constant with rare changes
        return r.nextInt(10) == 0 ? Double.doubleToRawLongBits(r.nextInt(100)) : (i == 0 ? 0x4059000000000000L : previous);
      case 1: // counter
        return Double.doubleToRawLongBits(Double.longBitsToDouble(previous) + r.nextInt(1000));
      case 2: // gauge with a few decimal digits
        return Double.doubleToRawLongBits(Math.round(r.nextGaussian() * 100_000) / 100.0);
      case 3: // arbitrary bit patterns, NaN payloads included
        return r.nextLong();
      case 4: // special values
        return SPECIAL_BITS[r.nextInt(SPECIAL_BITS.length)];
      default: // nearby bit patterns, which exercise window reuse
        return previous ^ (r.nextLong() >>> r.nextInt(64) << r.nextInt(64));
    }
  }
}
