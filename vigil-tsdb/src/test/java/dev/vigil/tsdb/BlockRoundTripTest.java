package dev.vigil.tsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SampleRejectedException;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.core.storage.ValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockRoundTripTest {
  private static final long TWO_HOURS = 2 * 3600 * 1000L;

  @TempDir
  Path dir;

  @Test
  void randomSeries_roundTripThroughChunksIndexAndBlock() throws Exception {
    Seeds.run("block round trip", r -> {
      BlockBuilder builder = new BlockBuilder(2 * TWO_HOURS);
      Map<Labels, TreeMap<Long, Long>> expected = new TreeMap<>();
      int seriesCount = 1 + r.nextInt(200);
      long base = r.nextBoolean() ? 1_700_000_000_000L : -r.nextInt(1_000_000);
      for (int s = 0; s < seriesCount; s++) {
        Labels labels = Labels.of("__name__", "metric_" + r.nextInt(10), "instance", "host-" + s,
            "zone", r.nextBoolean() ? "a" : "b\u00e9\n\"");
        TreeMap<Long, Long> samples = new TreeMap<>();
        long t = base + r.nextInt(60_000);
        int n = 1 + r.nextInt(600);
        for (int i = 0; i < n; i++) {
          double v = randomValue(r);
          builder.append(labels, t, v);
          samples.put(t, Double.doubleToRawLongBits(v));
          t += randomStep(r);
        }
        expected.put(labels, samples);
      }
      BlockMeta meta = builder.write(dir, Ulid.generate(System.currentTimeMillis()));
      try (Block block = Block.open(dir.resolve(meta.ulid()))) {
        Map<Labels, TreeMap<Long, Long>> actual = StoredSamples.readAll(block, Long.MIN_VALUE, Long.MAX_VALUE,
            Matcher.regex("__name__", ".+"));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Labels l : expected.keySet()) {
          assertThat(actual.get(l)).as("samples of %s", l).containsExactlyEntriesOf(expected.get(l));
        }
        long samples = expected.values().stream().mapToLong(TreeMap::size).sum();
        assertThat(block.meta().stats().numSamples()).isEqualTo(samples);
        assertThat(block.meta().stats().numSeries()).isEqualTo(seriesCount);
      }
    });
  }

  private static double randomValue(Random r) {
    switch (r.nextInt(8)) {
      case 0: return StaleMarker.STALE_NAN;
      case 1: return Double.longBitsToDouble(r.nextLong());
      case 2: return r.nextInt(100);
      case 3: return r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 4: return Double.NaN;
      case 5: return -r.nextDouble() * 1e300;
      default: return r.nextGaussian();
    }
  }

  private static long randomStep(Random r) {
    switch (r.nextInt(6)) {
      case 0: return 1;
      case 1: return 1 + r.nextInt(1_000_000);
      case 2: return 1 + (long) r.nextInt(Integer.MAX_VALUE) * 3;
      default: return 15_000 + r.nextInt(5) - 2;
    }
  }

  @Test
  void staleMarker_keepsItsBitPattern() throws Exception {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    Labels l = Labels.of("__name__", "up");
    builder.append(l, 1000, 1);
    builder.append(l, 2000, StaleMarker.STALE_NAN);
    builder.append(l, 3000, Double.NaN);
    BlockMeta meta = builder.write(dir, Ulid.generate(0));
    try (Block block = Block.open(dir.resolve(meta.ulid()))) {
      TreeMap<Long, Long> samples = StoredSamples.readAll(block, 0, 10_000, Matcher.equal("__name__", "up")).get(l);
      assertThat(samples.get(2000L)).isEqualTo(StaleMarker.STALE_NAN_BITS);
      assertThat(samples.get(3000L)).isEqualTo(Double.doubleToRawLongBits(Double.NaN));
    }
  }

  @Test
  void append_rejectsOutOfOrderSample() {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    Labels l = Labels.of("__name__", "x");
    builder.append(l, 2000, 1);
    assertThatThrownBy(() -> builder.append(l, 1000, 1))
        .isInstanceOfSatisfying(SampleRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SampleRejectedException.Reason.OUT_OF_ORDER))
        .hasMessageContaining("out of order sample").hasMessageContaining("x");
  }

  @Test
  void append_rejectsSecondValueAtSameTimestamp() {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    Labels l = Labels.of("__name__", "x");
    builder.append(l, 2000, 1);
    assertThatThrownBy(() -> builder.append(l, 2000, 2))
        .isInstanceOfSatisfying(SampleRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SampleRejectedException.Reason.DUPLICATE_TIMESTAMP))
        .hasMessageContaining("duplicate sample for timestamp");
  }

  @Test
  void append_keepsIdenticalDuplicateOnce() {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    Labels l = Labels.of("__name__", "x");
    builder.append(l, 2000, 1);
    builder.append(l, 2000, 1);
    assertThat(builder.sampleCount()).isEqualTo(1);
  }

  @Test
  void append_rejectsInvalidLabelName() {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    assertThatThrownBy(() -> builder.append(Labels.of("__name__", "x", "bad-name", "v"), 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad-name");
  }

  @Test
  void querier_trimsSamplesToItsRange() throws Exception {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    Labels l = Labels.of("__name__", "x");
    for (long t = 0; t < 100_000; t += 1000) {
      builder.append(l, t, t);
    }
    BlockMeta meta = builder.write(dir, Ulid.generate(0));
    try (Block block = Block.open(dir.resolve(meta.ulid()))) {
      TreeMap<Long, Long> samples = StoredSamples.readAll(block, 10_000, 20_000, Matcher.equal("__name__", "x")).get(l);
      assertThat(samples.firstKey()).isEqualTo(10_000L);
      assertThat(samples.lastKey()).isEqualTo(20_000L);
      assertThat(samples).hasSize(11);
    }
  }

  @Test
  void select_appliesEveryMatcherKind() throws Exception {
    BlockBuilder builder = new BlockBuilder(TWO_HOURS);
    List<Labels> all = new ArrayList<>();
    for (String job : List.of("api", "web", "db")) {
      for (String env : List.of("prod", "dev", "")) {
        Labels l = env.isEmpty() ? Labels.of("__name__", "up", "job", job) : Labels.of("__name__", "up", "job", job,
            "env", env);
        all.add(l);
        builder.append(l, 1000, 1);
      }
    }
    BlockMeta meta = builder.write(dir, Ulid.generate(0));
    try (Block block = Block.open(dir.resolve(meta.ulid()))) {
      assertThat(StoredSamples.readAll(block, 0, 2000, Matcher.equal("job", "api")).keySet())
          .allMatch(l -> l.get("job").equals("api")).hasSize(3);
      assertThat(StoredSamples.readAll(block, 0, 2000, Matcher.notEqual("env", "prod")).keySet()).hasSize(6);
      assertThat(StoredSamples.readAll(block, 0, 2000, Matcher.equal("env", "")).keySet()).hasSize(3)
          .allMatch(l -> !l.has("env"));
      assertThat(StoredSamples.readAll(block, 0, 2000, Matcher.notEqual("env", "")).keySet()).hasSize(6);
      assertThat(StoredSamples.readAll(block, 0, 2000, Matcher.regex("job", "api|web"), Matcher.regex("env", "p.*")).keySet())
          .hasSize(2);
      assertThat(StoredSamples.readAll(block, 0, 2000, Matcher.notRegex("job", "a.*"), Matcher.regex("env", "|dev")).keySet())
          .hasSize(4);
      assertThat(StoredSamples.readAll(block, 0, 2000, Matcher.equal("job", "nope")).keySet()).isEmpty();
    }
  }

  @Test
  void chunks_areCutAtTheChunkRangeBoundaryAndAfter120SamplesAtRegularIntervals() throws Exception {
    BlockBuilder builder = new BlockBuilder(2 * TWO_HOURS);
    Labels l = Labels.of("__name__", "x");
    // 4h of 15s samples from a 4h-aligned start: the head estimates 4 chunks of 240 samples each... after
    // the quarter mark it spreads the window over chunks of equal size.
    for (long t = 0; t < 2 * TWO_HOURS; t += 15_000) {
      builder.append(l, t, 1);
    }
    BlockMeta meta = builder.write(dir, Ulid.generate(0));
    assertThat(meta.stats().numSamples()).isEqualTo(960);
    assertThat(meta.stats().numChunks()).isEqualTo(8);
  }
}
