package dev.vigil.promql.engine;

import dev.vigil.core.storage.QueryCancelledException;
import dev.vigil.core.storage.QueryContext;

/**
 * Watches one query: its deadline, its caller's cancellation, and how many samples it holds in
 * memory. Errors carry Prometheus's texts ("query timed out in expression evaluation", ...).
 */
final class QueryGuard implements QueryContext {
  static final String EVALUATION = "expression evaluation";

  private final long deadlineNanos;
  private final QueryControl control;
  private final long maxSamples;
  private long samples;

  QueryGuard(long timeoutMillis, QueryControl control, long maxSamples) {
    this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
    this.control = control;
    this.maxSamples = maxSamples;
  }

  /** Throws when the query was cancelled or ran out of time; named after the stage it was in. */
  void check(String stage) {
    if (control.isCancelled()) {
      throw new PromqlException(ErrorType.CANCELED, "query was canceled in " + stage);
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new PromqlException(ErrorType.TIMEOUT, "query timed out in " + stage);
    }
  }

  long remainingMillis() {
    return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }

  @Override
  public void checkCancelled() {
    if (control.isCancelled() || System.nanoTime() - deadlineNanos > 0) {
      throw new QueryCancelledException(control.isCancelled() ? "canceled" : "timed out");
    }
  }

  /** Accounts for samples now held in memory; fails once the query holds more than allowed. */
  void hold(long count) {
    samples += count;
    if (samples > maxSamples) {
      throw tooManySamples();
    }
  }

  /**
   * Fails before an evaluation over more steps than samples may be held: one sample per step
   * already exceeds the limit, and the per-step arrays alone would not fit.
   */
  void checkSteps(long steps) {
    if (steps > maxSamples) {
      throw tooManySamples();
    }
  }

  private static PromqlException tooManySamples() {
    return new PromqlException(ErrorType.EXECUTION,
        "query processing would load too many samples into memory in query execution");
  }

  void release(long count) {
    samples -= count;
  }
}
