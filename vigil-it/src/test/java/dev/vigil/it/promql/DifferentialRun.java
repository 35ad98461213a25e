package dev.vigil.it.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs every case against both targets on a few threads, within a time budget, and judges each one.
 * A case the budget cuts off counts as failed, so a slow target cannot pass by running out the clock.
 */
final class DifferentialRun {
  enum Verdict { PASSED, FAILED, KNOWN }

  /**
   * One judged case: {@code answer} is the kind of the reference's answer ({@link
   * ResultComparator#kind}), {@code reason} the known difference's reason for KNOWN.
   */
  record Outcome(QueryCase c, String answer, Verdict verdict, String difference, String note, String reason) {}

  private static final String NOT_RUN = "not run";

  private final QueryTarget expected;
  private final QueryTarget actual;
  private final KnownDifferences known;
  private final ResultComparator comparator;
  private final QueryClient client = new QueryClient();

  DifferentialRun(QueryTarget expected, QueryTarget actual, KnownDifferences known) {
    this.expected = expected;
    this.actual = actual;
    this.known = known;
    this.comparator = new ResultComparator(expected.name(), actual.name());
  }

  List<Outcome> run(List<QueryCase> cases, int threads, Duration budget) throws InterruptedException {
    List<Callable<Outcome>> tasks = new ArrayList<>();
    for (QueryCase c : cases) {
      tasks.add(() -> judge(c));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Outcome>> futures = pool.invokeAll(tasks, budget.toMillis(), TimeUnit.MILLISECONDS);
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        outcomes.add(outcome(cases.get(i), futures.get(i), budget));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private Outcome judge(QueryCase c) throws InterruptedException {
    ResultComparator.ApiResponse e = client.send(expected, c);
    ResultComparator.ApiResponse a = client.send(actual, c);
    ResultComparator.Comparison cmp = comparator.compare(c, e, a);
    return verdict(c, ResultComparator.kind(e), cmp.difference(), cmp.note());
  }

  private Outcome outcome(QueryCase c, Future<Outcome> f, Duration budget) {
    try {
      return f.get();
    } catch (CancellationException e) {
      return verdict(c, NOT_RUN, "not run: the time budget of " + budget + " ran out", null);
    } catch (ExecutionException e) {
      return verdict(c, NOT_RUN, "the harness failed: " + e.getCause(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return verdict(c, NOT_RUN, "interrupted", null);
    }
  }

  private Outcome verdict(QueryCase c, String answer, String difference, String note) {
    if (difference == null) {
      return new Outcome(c, answer, Verdict.PASSED, null, note, null);
    }
    return known.reason(c.query())
        .map(reason -> new Outcome(c, answer, Verdict.KNOWN, difference, note, reason))
        .orElseGet(() -> new Outcome(c, answer, Verdict.FAILED, difference, note, null));
  }
}
