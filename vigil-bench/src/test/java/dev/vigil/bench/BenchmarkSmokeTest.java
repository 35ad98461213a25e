package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark method for every {@code @Param} combination at least once, in this JVM, with
 * tiny sizes, through the real JMH harness (so broken annotations, setups or params fail here, not
 * in a two-hour benchmark run). Its output goes to {@code target/jmh-smoke.log}.
 */
class BenchmarkSmokeTest {
  /** Every benchmark that must exist; a new one is run anyway, but a vanished one fails here. */
  private static final Set<String> EXPECTED = Set.of(
      "dev.vigil.bench.core.XorDecodeBenchmark.decode",
      "dev.vigil.bench.core.XorEncodeBenchmark.encode",
      "dev.vigil.bench.tsdb.BlockWriteBenchmark.appendAndWrite",
      "dev.vigil.bench.tsdb.BlockWriteBenchmark.appendOnly",
      "dev.vigil.bench.tsdb.PostingsBenchmark.intersect",
      "dev.vigil.bench.tsdb.PostingsBenchmark.merge",
      "dev.vigil.bench.tsdb.PostingsBenchmark.without",
      "dev.vigil.bench.tsdb.BlockSelectBenchmark.postings",
      "dev.vigil.bench.tsdb.BlockSelectBenchmark.select",
      "dev.vigil.bench.scrape.ExpositionParseBenchmark.parse");

  /** Counters that must have counted something in every run that reports them. */
  private static final List<String> COUNTERS = List.of("samples", "refs", "series");

  @Test
  void everyBenchmark_runsWithTinyParameters() throws Exception {
    Options options = new OptionsBuilder()
        .include("dev\\.vigil\\.bench\\..*Benchmark\\..*")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        // Throughput rather than single-shot, because JMH reports aux counters only then; an
        // iteration of 1 ms runs each benchmark at least once.
        .mode(Mode.Throughput)
        .measurementTime(TimeValue.milliseconds(1))
        .timeUnit(TimeUnit.SECONDS)
        .param("chunks", "20")
        .param("series", "1000")
        .param("hours", "1")
        .param("size", "2000")
        .shouldFailOnError(true)
        .verbosity(VerboseMode.NORMAL)
        .output("target/jmh-smoke.log")
        .build();

    Collection<RunResult> results = new Runner(options).run();

    Set<String> ran = new TreeSet<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      ran.add(name);
      String where = name + " " + r.getParams();
      assertThat(r.getPrimaryResult().getScore()).as(where).isFinite().isPositive();
      var secondary = r.getSecondaryResults();
      assertThat(secondary.keySet()).as(where).containsAnyElementsOf(COUNTERS);
      for (String counter : COUNTERS) {
        if (secondary.containsKey(counter)) {
          assertThat(secondary.get(counter).getScore()).as(where + " " + counter).isPositive();
        }
      }
    }
    assertThat(ran).containsAll(EXPECTED);
    // One result per parameter combination: 6 shapes each for decode and encode, 2 block writes,
    // 5 shapes x 3 postings operations, 6 queries x 2 select paths, 2 exposition formats.
    assertThat(results).hasSize(6 + 6 + 2 + 15 + 12 + 2);
  }
}
