package dev.vigil.testkit.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The data both query engines are asked about: scrape targets shaped like the compliance tester's
 * demo service ({@link DemoFamilies}), each with its own life ({@link ScrapeTarget}), scraped every
 * 15s and written as Prometheus-style 2h blocks ({@link BlockSink}). One seed fixes every sample.
 *
 * <p>Targets take turns at seven lives, so every seven targets hold: a steady one with a restart,
 * one with two restarts and an outage that Prometheus closes with stale markers, one with silent
 * gaps shorter and longer than the 5m lookback, one that starts late, one that stops with stale
 * markers, one that stops silently, and a steady one.
 */
public final class BlockDataset {
  public static final long SCRAPE_INTERVAL_MS = 15_000;

  private static final int LIVES = 7;

  /**
   * What to generate. The standard set is small enough for a test run; {@link #forSeriesCount}
   * scales the same data up, e.g. to 10,000 series over 24h for benchmarks.
   */
  public record Spec(long seed, int targets, long startMs, Duration duration) {
    /** 2023-02-01T00:17:30Z: 17.5 minutes into a 2h window, so the first and last blocks are partial. */
    public static final long DEFAULT_START_MS = Instant.parse("2023-02-01T00:17:30Z").toEpochMilli();

    public Spec {
      if (targets < 1 || duration.toMillis() < SCRAPE_INTERVAL_MS) {
        throw new IllegalArgumentException("need at least one target and one scrape interval, got " + targets
            + " targets over " + duration);
      }
    }

    /** Seven targets (about 730 series) over 6h30m: four blocks, the first and last partial. */
    public static Spec standard(long seed) {
      return new Spec(seed, LIVES, DEFAULT_START_MS, Duration.ofMinutes(390));
    }

    /** Enough targets for about {@code series} series. */
    public static Spec forSeriesCount(long seed, int series, Duration duration) {
      int targets = Math.max(1, (series + DemoFamilies.SERIES_PER_TARGET - 1) / DemoFamilies.SERIES_PER_TARGET);
      return new Spec(seed, targets, DEFAULT_START_MS, duration);
    }

    public long endMs() {
      return startMs + duration.toMillis();
    }
  }

  /** What was written: the block directories, in time order, and the span of the samples. */
  public record Written(Path dir, List<Path> blocks, Timeline timeline, int series, long samples) {}

  /**
   * The times the corpus aims at: the first and last sample (milliseconds) and the 2h block
   * boundaries strictly between them.
   */
  public record Timeline(long minTime, long maxTime, List<Long> boundaries) {
    public static Timeline of(long minTime, long maxTime) {
      List<Long> boundaries = new ArrayList<>();
      long b = Math.floorDiv(minTime, BlockSink.BLOCK_RANGE_MS) * BlockSink.BLOCK_RANGE_MS + BlockSink.BLOCK_RANGE_MS;
      for (; b <= maxTime; b += BlockSink.BLOCK_RANGE_MS) {
        boundaries.add(b);
      }
      return new Timeline(minTime, maxTime, List.copyOf(boundaries));
    }
  }

  private BlockDataset() {}

  /** Generates the data of {@code spec} and writes its blocks into {@code dir}. */
  public static Written write(Spec spec, Path dir) throws IOException {
    Random rng = new Random(spec.seed());
    List<ScrapeTarget> targets = new ArrayList<>();
    for (int i = 0; i < spec.targets(); i++) {
      targets.add(target(i, spec, new Random(rng.nextLong())));
    }
    BlockSink sink = new BlockSink(dir);
    for (long tick = spec.startMs(); tick < spec.endMs(); tick += SCRAPE_INTERVAL_MS) {
      for (ScrapeTarget target : targets) {
        target.scrape(tick, sink);
      }
      sink.flushBefore(tick);
    }
    sink.flushAll();
    return new Written(dir, sink.blocks(), Timeline.of(sink.minTime(), sink.maxTime()), sink.seriesCount(),
        sink.sampleCount());
  }

  private static ScrapeTarget target(int index, Spec spec, Random rng) {
    int life = index % LIVES;
    boolean demo = life < 4;
    String job = demo ? "demo" : index % 2 == 0 ? "batch" : "api";
    String instance = demo ? "demo.promlabs.com:" + (10000 + index) : "host-" + index + ".example:9100";
    // Offsets stay a scrape's jitter short of 15s, so each target scrapes once per tick.
    long offset = rng.nextInt((int) SCRAPE_INTERVAL_MS - 1000);
    return new ScrapeTarget(job, instance, offset, life(life, spec, rng), rng);
  }

  private static ScrapeTarget.Life life(int life, Spec spec, Random rng) {
    long start = spec.startMs();
    long end = Long.MAX_VALUE;
    switch (life) {
      case 0:
        return new ScrapeTarget.Life(start, List.of(), new long[] {at(spec, 0.2 + 0.6 * rng.nextDouble())});
      case 1:
        return new ScrapeTarget.Life(start,
            List.of(new ScrapeTarget.Gap(at(spec, 0.4), at(spec, 0.4) + 12 * 60_000L, true)),
            new long[] {at(spec, 0.15 + 0.2 * rng.nextDouble()), at(spec, 0.6 + 0.3 * rng.nextDouble())});
      case 2:
        return new ScrapeTarget.Life(start,
            List.of(new ScrapeTarget.Gap(at(spec, 0.3), at(spec, 0.3) + 3 * 60_000L, false),
                new ScrapeTarget.Gap(at(spec, 0.55), at(spec, 0.55) + 8 * 60_000L, false)),
            new long[] {at(spec, 0.1 + 0.8 * rng.nextDouble())});
      case 3:
        return new ScrapeTarget.Life(at(spec, 0.26), List.of(), new long[0]);
      case 4:
        return new ScrapeTarget.Life(start, List.of(new ScrapeTarget.Gap(at(spec, 0.66), end, true)), new long[0]);
      case 5:
        return new ScrapeTarget.Life(start, List.of(new ScrapeTarget.Gap(at(spec, 0.77), end, false)), new long[0]);
      default:
        return new ScrapeTarget.Life(start, List.of(), new long[0]);
    }
  }

  /** The time {@code fraction} of the way through the span. */
  private static long at(Spec spec, double fraction) {
    return spec.startMs() + (long) (spec.duration().toMillis() * fraction);
  }
}
