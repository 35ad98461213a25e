package dev.vigil.bench.data;

import java.util.Random;

/**
 * The data shapes the chunk benchmarks take as {@code @Param("shape")}. Every synthetic chunk starts
 * a fresh series at a 15 s scrape interval (full first timestamp and value, as in a stored chunk);
 * the same seed always gives the same samples.
 *
 * <ul>
 *   <li>{@code regular}: exact 15 s interval; half the chunks hold a constant, half an integer
 *       counter that goes up by 1 on one scrape in eight. The best case Prometheus sees often
 *       (up, info metrics, idle counters).
 *   <li>{@code jittery_counter}: 15 s ± up to 3 ms of uniform jitter on every sample; a counter that
 *       goes up by a random integer in [0, 20) per scrape, like the testkit generator's counters.
 *   <li>{@code noisy_gauge}: exact 15 s interval; a Gaussian random walk rounded to 1 decimal digit
 *       (even chunks) or 2 (odd chunks), whose mantissas differ in almost every bit.
 *   <li>{@code random_bits}: the worst case: random gaps of up to 2^30 ms (so delta-of-deltas take the
 *       64-bit escape) and values with 64 random bits.
 *   <li>{@code mixed}: each chunk is {@code regular}, {@code jittery_counter} or {@code noisy_gauge}
 *       with equal probability, interleaved; the "realistic mixed data" of issue 2's decode goal.
 *   <li>{@code om_corpus}: not synthetic here; the chunks Vigil (and, bit-identically, promtool) cuts
 *       from the testkit's OpenMetrics corpus, see {@link GeneratorCorpus}.
 * </ul>
 */
public enum Shape {
  REGULAR,
  JITTERY_COUNTER,
  NOISY_GAUGE,
  RANDOM_BITS,
  MIXED,
  OM_CORPUS;

  public static final long START_MS = 1_700_000_000_000L;
  public static final long INTERVAL_MS = 15_000;

  /** The shape named by a {@code @Param} value such as {@code jittery_counter}. */
  public static Shape of(String param) {
    return valueOf(param.toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * {@code chunks} synthetic chunks of {@code samplesPerChunk} samples each; {@link #OM_CORPUS} is
   * loaded by {@link GeneratorCorpus} instead.
   */
  public SampleData generate(int chunks, int samplesPerChunk, long seed) {
    if (this == OM_CORPUS) {
      throw new IllegalArgumentException("om_corpus comes from GeneratorCorpus, not from a generator");
    }
    Random r = new Random(seed);
    long[] times = new long[chunks * samplesPerChunk];
    double[] values = new double[times.length];
    int[] starts = new int[chunks + 1];
    for (int c = 0; c < chunks; c++) {
      int from = c * samplesPerChunk;
      starts[c] = from;
      Shape s = this;
      if (this == MIXED) {
        s = values()[r.nextInt(3)];
      }
      s.fill(c, r, times, values, from, samplesPerChunk);
    }
    starts[chunks] = times.length;
    return new SampleData(times, values, starts);
  }

  private void fill(int chunk, Random r, long[] times, double[] values, int from, int n) {
    // Every chunk starts within one interval of START_MS, so a chunk can also serve as a whole
    // series of a block (BlockWriteBenchmark); the offset varies the first timestamp as series do.
    long t0 = START_MS + r.nextInt((int) INTERVAL_MS);
    switch (this) {
      case REGULAR: {
        boolean constant = (chunk & 1) == 0;
        double v = constant ? (r.nextBoolean() ? 1 : 0) : r.nextInt(1_000_000);
        for (int i = 0; i < n; i++) {
          times[from + i] = t0 + i * INTERVAL_MS;
          if (!constant && i > 0 && r.nextInt(8) == 0) {
            v += 1;
          }
          values[from + i] = v;
        }
        break;
      }
      case JITTERY_COUNTER: {
        double v = r.nextInt(1_000_000);
        for (int i = 0; i < n; i++) {
          times[from + i] = t0 + i * INTERVAL_MS + r.nextInt(7) - 3;
          if (i > 0) {
            v += r.nextInt(20);
          }
          values[from + i] = v;
        }
        break;
      }
      case NOISY_GAUGE: {
        double scale = (chunk & 1) == 0 ? 10 : 100;
        double walk = 20 + r.nextDouble() * 80;
        for (int i = 0; i < n; i++) {
          times[from + i] = t0 + i * INTERVAL_MS;
          walk += r.nextGaussian();
          values[from + i] = Math.round(walk * scale) / scale;
        }
        break;
      }
      case RANDOM_BITS: {
        long t = t0;
        for (int i = 0; i < n; i++) {
          times[from + i] = t;
          t += 1 + r.nextInt(1 << 30);
          values[from + i] = Double.longBitsToDouble(r.nextLong());
        }
        break;
      }
      default:
        throw new AssertionError(this);
    }
  }
}
