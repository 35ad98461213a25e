package dev.vigil.it.promql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testkit.dataset.BlockDataset;
import dev.vigil.testkit.peer.PeerMissingException;
import dev.vigil.testkit.peer.Peers;
import dev.vigil.testkit.peer.PrometheusServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil answers PromQL as Prometheus 2.42 does: both serve copies of the same generated blocks, and
 * every case of the corpus (each query at several instants and over several ranges) must get the
 * same answer from both, unless promql-known-differences.txt explains why not.
 *
 * <p>{@code -Dvigil.promql.against=prometheus} puts a second Prometheus where Vigil would be: every
 * case must then pass, which proves the corpus, the comparator and the harness. The dataset's seed
 * is random unless {@code -Dvigil.seed} fixes it, and is printed with the report.
 */
class PromqlDifferentialIT {
  private static final int THREADS = 3;
  private static final Duration BUDGET = Duration.ofMinutes(2);
  private static final String KNOWN_DIFFERENCES = "/promql-known-differences.txt";

  @TempDir Path dir;

  @Test
  void everyCaseGetsTheSameAnswerAsFromPrometheus() throws IOException, InterruptedException {
    requirePrometheus();
    long seed = seed();
    long started = System.nanoTime();
    BlockDataset.Written data =
        BlockDataset.write(BlockDataset.Spec.standard(seed), dir.resolve("generated"));
    List<QueryCase> cases = QueryCase.expand(QueryCorpus.queries(data.timeline()), data.timeline());
    KnownDifferences known = KnownDifferences.load(KNOWN_DIFFERENCES);
    String against = System.getProperty("vigil.promql.against", "vigil");

    try (QueryTarget expected = QueryTarget.prometheus("prometheus", copy(data, "prometheus"), dir.resolve("prometheus-work"));
        QueryTarget actual = underTest(against, data)) {
      List<DifferentialRun.Outcome> outcomes = new DifferentialRun(expected, actual, known).run(cases, THREADS, BUDGET);
      DifferentialReport report = new DifferentialReport(outcomes);
      String header = "PromQL differential test: " + expected.name() + " vs " + actual.name() + ", seed=" + seed
          + " (replay with -Dvigil.seed=" + seed + "), " + data.series() + " series, " + data.samples()
          + " samples in " + data.blocks().size() + " blocks, " + cases.stream().map(QueryCase::query).distinct().count()
          + " queries, " + known.size() + " known differences listed";
      String text = report.render(header, Duration.ofNanos(System.nanoTime() - started));
      System.out.println(text);
      Path file = Path.of(System.getProperty("basedir", ".")).resolve("target/promql-differential-report.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);

      assertThat(report.informative())
          .as("seed=%d: most cases must get data from Prometheus, or the corpus tests little: %s", seed, report.answers())
          .isGreaterThan(cases.size() / 2);
      assertThat(report.count(DifferentialRun.Verdict.FAILED))
          .as("seed=%d: %s; every failure is in %s", seed, report.summary(), file)
          .isZero();
    }
  }

  /** The target under test: Vigil, or a second Prometheus to check the harness itself. */
  private QueryTarget underTest(String against, BlockDataset.Written data) throws IOException {
    if (against.equals("vigil")) {
      return QueryTarget.vigil("vigil", copy(data, "vigil"));
    }
    if (against.equals("prometheus")) {
      return QueryTarget.prometheus("prometheus-2", copy(data, "prometheus-2"), dir.resolve("prometheus-2-work"));
    }
    throw new IllegalArgumentException("-Dvigil.promql.against must be 'vigil' or 'prometheus', got " + against);
  }

  /** A fresh data directory with copies of the blocks: each server may write into its own. */
  private Path copy(BlockDataset.Written data, String name) throws IOException {
    Path target = dir.resolve(name + "-data");
    try (Stream<Path> files = Files.walk(data.dir())) {
      for (Path f : files.toList()) {
        Path dest = target.resolve(data.dir().relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(f, dest);
        }
      }
    }
    return target;
  }

  private static void requirePrometheus() {
    try {
      Peers.require(PrometheusServer.NAME, PrometheusServer.isAvailable());
    } catch (PeerMissingException e) {
      Assumptions.abort(e.getMessage());
    }
  }

  private static long seed() {
    String fixed = System.getProperty("vigil.seed");
    return fixed != null ? Long.parseLong(fixed.trim()) : new Random().nextLong();
  }
}
