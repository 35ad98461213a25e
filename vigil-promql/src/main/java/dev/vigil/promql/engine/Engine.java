package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.QueryCancelledException;
import dev.vigil.core.storage.Queryable;
import dev.vigil.core.storage.StorageException;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ExprType;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.parser.PromqlParser;
import dev.vigil.promql.value.InstantVector;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.RangeSeries;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.StringValue;
import dev.vigil.promql.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Parses and evaluates PromQL queries against storage. Thread-safe; one engine serves a whole
 * server. Failures are thrown as {@link PromqlException} with the API's error type; failures found
 * before evaluation (parse and type errors) are {@link ErrorType#BAD_DATA}.
 */
public final class Engine {
  private final EngineOptions options;
  private final Semaphore slots;

  public Engine(EngineOptions options) {
    this.options = options;
    this.slots = new Semaphore(options.maxConcurrency(), true);
  }

  public EngineOptions options() {
    return options;
  }

  /** Evaluates {@code query} at one time (milliseconds). */
  public QueryResult instant(Queryable storage, String query, long timeMillis, QueryControl control) {
    Expr expr = PromqlParser.parseExpr(query);
    return run(storage, expr, Timeline.instant(timeMillis), true, control);
  }

  /** Evaluates {@code query} at every step from start to end inclusive (milliseconds). */
  public QueryResult range(Queryable storage, String query, long startMillis, long endMillis, long stepMillis,
      QueryControl control) {
    Expr expr = PromqlParser.parseExpr(query);
    if (expr.type() != ExprType.VECTOR && expr.type() != ExprType.SCALAR) {
      throw new PromqlException(ErrorType.BAD_DATA, "invalid expression type \"" + expr.type().documentedName()
          + "\" for range query, must be Scalar or instant Vector");
    }
    return run(storage, expr, new Timeline(startMillis, endMillis, stepMillis), false, control);
  }

  private QueryResult run(Queryable storage, Expr parsed, Timeline timeline, boolean instant,
      QueryControl control) {
    long timeout = control.timeoutMillis() > 0 ? Math.min(control.timeoutMillis(), options.timeoutMillis())
        : options.timeoutMillis();
    QueryGuard guard = new QueryGuard(timeout, control, options.maxSamples());
    acquireSlot(guard);
    try {
      Expr expr = StepInvariance.prepare(parsed, timeline.start(), timeline.end());
      long[] range = QueryRange.of(expr, timeline.start(), timeline.end(), options.lookbackDeltaMillis());
      try (Querier querier = storage.querier(range[0], range[1])) {
        Evaluator evaluator = new Evaluator(querier, guard, timeline, options.lookbackDeltaMillis());
        Value value = instant
            ? instantValue(evaluator, expr, timeline.start())
            : rangeValue(evaluator.eval(expr), timeline);
        guard.check(QueryGuard.EVALUATION);
        return new QueryResult(value, List.of());
      }
    } catch (QueryCancelledException e) {
      guard.check(QueryGuard.EVALUATION);
      throw new PromqlException(ErrorType.CANCELED, "query was canceled in " + QueryGuard.EVALUATION, e);
    } catch (StorageException e) {
      throw new PromqlException(ErrorType.INTERNAL, e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new PromqlException(ErrorType.EXECUTION, "query is nested too deeply to evaluate");
    } catch (OutOfMemoryError e) {
      // Everything this query held is garbage once its stack unwinds; the server goes on.
      throw new PromqlException(ErrorType.INTERNAL, "query ran out of memory: the heap cannot hold "
          + "--query.max-concurrency queries of --query.max-samples samples; lower them or add heap");
    } finally {
      slots.release();
    }
  }

  private void acquireSlot(QueryGuard guard) {
    try {
      if (!slots.tryAcquire(guard.remainingMillis(), TimeUnit.MILLISECONDS)) {
        throw new PromqlException(ErrorType.TIMEOUT, "query timed out in query queue");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PromqlException(ErrorType.CANCELED, "query was canceled in query queue");
    }
  }

  private static Value instantValue(Evaluator evaluator, Expr expr, long time) {
    return switch (expr.type()) {
      case STRING -> new StringValue(time, ((StringLiteral) Evaluator.unwrap(expr)).value());
      case MATRIX -> {
        List<RangeSeries> series = new ArrayList<>(evaluator.evalMatrixAtStart(expr));
        series.sort(Comparator.comparing(RangeSeries::labels));
        yield new Matrix(series);
      }
      case SCALAR -> new Scalar(time, evaluator.evalScalar(expr)[0]);
      case VECTOR -> {
        List<StepSeries> rows = evaluator.eval(expr);
        List<Sample> samples = new ArrayList<>(rows.size());
        for (StepSeries row : rows) {
          samples.add(new Sample(row.labels, time, row.values[0]));
        }
        yield new InstantVector(samples);
      }
    };
  }

  private static Matrix rangeValue(List<StepSeries> rows, Timeline timeline) {
    List<RangeSeries> series = new ArrayList<>(rows.size());
    for (StepSeries row : rows) {
      int count = row.pointCount();
      long[] times = new long[count];
      double[] values = new double[count];
      int i = 0;
      for (int step = 0; step < row.present.length; step++) {
        if (row.present[step]) {
          times[i] = timeline.at(step);
          values[i] = row.values[step];
          i++;
        }
      }
      series.add(new RangeSeries(row.labels, times, values, count));
    }
    series.sort(Comparator.comparing(RangeSeries::labels, Labels::compareTo));
    return new Matrix(series);
  }
}
