package dev.vigil.bench.tsdb;

import dev.vigil.bench.SeriesCounter;
import dev.vigil.bench.data.TempDirs;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.MatchType;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryContext;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.tsdb.Block;
import dev.vigil.tsdb.BlockBuilder;
import dev.vigil.tsdb.BlockMeta;
import dev.vigil.tsdb.Ulid;
import dev.vigil.tsdb.index.IndexReader;
import dev.vigil.tsdb.index.Postings;
import dev.vigil.tsdb.index.PostingsOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Series selection by label matchers over a real, memory-mapped block index. The block holds {@code
 * series} series (100 metric names × {@code series / 100} instances, 10 jobs), a few samples each,
 * written once per fork. {@code select} runs the full read path, {@code
 * Block.querier(min, max).select(...)} counting the series it returns (each series' index entry is
 * read and checksummed); {@code postings} does only the postings part (lookup in the mapped postings
 * lists, union for regexes, intersection, subtraction) and counts the references. The domain score
 * is {@code :series} per second.
 *
 * <p>Queries, for 100k series: {@code metric} {@code {__name__="metric_7"}} (1,000 series); {@code
 * metric_job} adds {@code job="job_3"} (100); {@code metric_instance_regex} adds {@code
 * instance=~"host-1.*"} (111); {@code metric_not_job} adds {@code job!="job_3"} (900); {@code
 * job_set} {@code {job=~"job_1|job_2|job_3"}} (30,000); {@code job_regex} {@code {job=~"job_.*"}}
 * (every series).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BlockSelectBenchmark {
  private static final long START_MS = 1_700_000_000_000L;
  private static final int SAMPLES_PER_SERIES = 4;

  @Param({"metric", "metric_job", "metric_instance_regex", "metric_not_job", "job_set", "job_regex"})
  public String query;

  @Param("100000")
  public int series;

  private Path dir;
  private Block block;
  private Matcher[] matchers;
  private long mint;
  private long maxt;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (series < 1000 || series % 100 != 0) {
      throw new IllegalArgumentException("need a multiple of 100 series, at least 1000 (10 jobs), got " + series);
    }
    BlockBuilder b = new BlockBuilder(2 * 3600 * 1000L);
    for (int i = 0; i < series; i++) {
      int instance = i / 100;
      Labels l = Labels.of("__name__", "metric_" + (i % 100), "instance", "host-" + instance,
          "job", "job_" + (instance % 10), "env", instance % 10 == 0 ? "dev" : "prod");
      for (int s = 0; s < SAMPLES_PER_SERIES; s++) {
        b.append(l, START_MS + s * 15_000L, i + s);
      }
    }
    dir = Files.createTempDirectory("vigil-bench-select");
    BlockMeta meta = b.write(dir, Ulid.generate(START_MS));
    block = Block.open(dir.resolve(meta.ulid()));
    mint = meta.minTime();
    maxt = meta.maxTime() - 1;
    matchers = switch (query) {
      case "metric" -> new Matcher[] {Matcher.equal("__name__", "metric_7")};
      case "metric_job" -> new Matcher[] {Matcher.equal("__name__", "metric_7"), Matcher.equal("job", "job_3")};
      case "metric_instance_regex" -> new Matcher[] {
          Matcher.equal("__name__", "metric_7"), Matcher.regex("instance", "host-1.*")};
      case "metric_not_job" -> new Matcher[] {
          Matcher.equal("__name__", "metric_7"), Matcher.notEqual("job", "job_3")};
      case "job_set" -> new Matcher[] {Matcher.regex("job", "job_1|job_2|job_3")};
      case "job_regex" -> new Matcher[] {Matcher.regex("job", "job_.*")};
      default -> throw new IllegalArgumentException("unknown query " + query);
    };
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    block.close();
    TempDirs.deleteRecursively(dir);
  }

  @Benchmark
  public long select(SeriesCounter counter) {
    long n = 0;
    try (Querier q = block.querier(mint, maxt)) {
      SeriesSet set = q.select(QueryContext.BACKGROUND, true, null, matchers);
      while (set.next()) {
        n++;
      }
    }
    counter.series += n;
    return n;
  }

  @Benchmark
  public long postings(SeriesCounter counter) {
    IndexReader index = block.index();
    List<Postings> include = new ArrayList<>();
    List<Postings> exclude = new ArrayList<>();
    // Only what this benchmark's queries need: no matcher here accepts the empty value.
    for (Matcher m : matchers) {
      boolean negative = m.type() == MatchType.NOT_EQUAL || m.type() == MatchType.NOT_REGEX;
      Postings p;
      if (m.type() == MatchType.EQUAL || m.type() == MatchType.NOT_EQUAL) {
        p = index.postings(m.name(), m.value());
      } else {
        List<String> values = new ArrayList<>();
        for (String v : index.labelValues(m.name())) {
          if (m.matches(v) != negative) {
            values.add(v);
          }
        }
        p = index.postings(m.name(), values);
      }
      (negative ? exclude : include).add(p);
    }
    Postings p = PostingsOps.intersect(include);
    for (Postings drop : exclude) {
      p = PostingsOps.without(p, drop);
    }
    long n = 0;
    while (p.next()) {
      n++;
    }
    counter.series += n;
    return n;
  }
}
