package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.model.StaleMarker;
import dev.vigil.core.storage.Querier;
import dev.vigil.core.storage.SampleIterator;
import dev.vigil.core.storage.SelectHints;
import dev.vigil.core.storage.SeriesSet;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ExprType;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.promql.value.RangeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates an expression at every step of a timeline at once. Instant vectors and scalars come back
 * as {@link StepSeries} (a scalar is one unlabelled series present at every step); range vectors are
 * only ever consumed window by window, through {@link SeriesWindows}.
 */
final class Evaluator {
  /** Subqueries without a step use the default global evaluation interval. */
  static final long DEFAULT_SUBQUERY_STEP = 60_000;

  final Querier querier;
  final QueryGuard guard;
  final Timeline timeline;
  final long lookback;

  Evaluator(Querier querier, QueryGuard guard, Timeline timeline, long lookback) {
    this.querier = querier;
    this.guard = guard;
    this.timeline = timeline;
    this.lookback = lookback;
  }

  private Evaluator child(Timeline other) {
    return new Evaluator(querier, guard, other, lookback);
  }

  int steps() {
    return timeline.steps();
  }

  /**
   * The offset a selector or subquery is evaluated with. With {@code @}, Prometheus turns the fixed
   * time into an offset relative to the evaluator's start; evaluating at the start then reads at the
   * {@code @} time minus the written offset.
   */
  long effectiveOffset(long writtenOffset, AtModifier at) {
    return at.kind() == AtModifier.Kind.TIMESTAMP
        ? writtenOffset + timeline.start() - at.timestampMillis()
        : writtenOffset;
  }

  /** Evaluates a scalar or instant-vector expression. */
  List<StepSeries> eval(Expr expr) {
    guard.check(QueryGuard.EVALUATION);
    if (expr instanceof NumberLiteral n) {
      return List.of(constant(n.value()));
    } else if (expr instanceof ParenExpr p) {
      return eval(p.expr());
    } else if (expr instanceof UnaryExpr u) {
      return negate(u);
    } else if (expr instanceof VectorSelector vs) {
      return selectVector(vs);
    } else if (expr instanceof StepInvariantExpr inv) {
      return evalOnce(inv.expr());
    } else if (expr instanceof AggregateExpr agg) {
      return new Aggregation(this, agg).evaluate();
    } else if (expr instanceof BinaryExpr bin) {
      return new BinaryOperation(this, bin).evaluate();
    } else if (expr instanceof Call call) {
      return new FunctionCall(this, call).evaluate();
    }
    throw new IllegalStateException("not a scalar or instant vector expression: " + expr.getClass().getSimpleName());
  }

  /** Evaluates a scalar expression to its value per step. */
  double[] evalScalar(Expr expr) {
    List<StepSeries> rows = eval(expr);
    return rows.get(0).values;
  }

  StepSeries constant(double value) {
    double[] values = new double[steps()];
    Arrays.fill(values, value);
    return StepSeries.scalar(values);
  }

  private List<StepSeries> negate(UnaryExpr u) {
    List<StepSeries> rows = eval(u.expr());
    if (!u.negate()) {
      return rows;
    }
    if (u.expr().type() == ExprType.SCALAR) {
      double[] values = rows.get(0).values;
      double[] negated = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        negated[i] = -values[i];
      }
      return List.of(StepSeries.scalar(negated));
    }
    RowCollector out = new RowCollector(steps(), true);
    for (StepSeries row : rows) {
      double[] negated = new double[row.values.length];
      for (int i = 0; i < negated.length; i++) {
        negated[i] = -row.values[i];
      }
      out.addRow(LabelOps.dropName(row.labels), negated, row.present);
    }
    return out.rows();
  }

  /** Evaluates a step-invariant subtree at the first step and repeats its value at every other step. */
  private List<StepSeries> evalOnce(Expr expr) {
    if (expr instanceof NumberLiteral || timeline.isInstant()) {
      return eval(expr);
    }
    List<StepSeries> once = child(new Timeline(timeline.start(), timeline.start(), timeline.interval())).eval(expr);
    List<StepSeries> repeated = new ArrayList<>(once.size());
    int steps = steps();
    for (StepSeries row : once) {
      double[] values = new double[steps];
      boolean[] present = new boolean[steps];
      Arrays.fill(values, row.values[0]);
      Arrays.fill(present, true);
      guard.hold(steps - 1);
      repeated.add(new StepSeries(row.labels, values, present));
    }
    return repeated;
  }

  /** Evaluates a vector selector: at each step, the newest sample within the lookback window. */
  private List<StepSeries> selectVector(VectorSelector vs) {
    long offset = effectiveOffset(vs.offsetMillis(), vs.at());
    return latestSamples(vs, timeline.start() - offset, timeline.end() - offset, offset, false);
  }

  /**
   * The sample at or before each step within the lookback window, with its own timestamp: what
   * {@code timestamp(selector)} reads. With {@code @}, Prometheus reads exactly at the fixed time and
   * ignores the written offset here.
   */
  List<StepSeries> sampleTimestamps(VectorSelector vs) {
    if (vs.at().kind() == AtModifier.Kind.TIMESTAMP) {
      long at = vs.at().timestampMillis();
      return latestSamples(vs, at, at, Long.MIN_VALUE, true);
    }
    long offset = vs.offsetMillis();
    return latestSamples(vs, timeline.start() - offset, timeline.end() - offset, offset, true);
  }

  /**
   * For each step, the newest sample at or before its reference time (the step minus {@code offset},
   * or always {@code firstRef} when offset is Long.MIN_VALUE) and no older than the lookback delta;
   * a stale marker there means no sample. Yields the sample's value, or with {@code timestamps} its
   * time in seconds under the labels without the metric name.
   */
  private List<StepSeries> latestSamples(VectorSelector vs, long firstRef, long lastRef, long offset,
      boolean timestamps) {
    long mint = firstRef - lookback;
    List<StepSeries> out = new ArrayList<>();
    SampleBuffer buf = new SampleBuffer();
    SeriesSet set = select(vs.matchers(), mint, lastRef, 0);
    SampleIterator it = null;
    int steps = steps();
    while (set.next()) {
      guard.check(QueryGuard.EVALUATION);
      it = set.at().iterator(it);
      buf.load(it, mint, lastRef, true);
      StepSeries row = null;
      int last = -1;
      for (int step = 0; step < steps; step++) {
        long ref = offset == Long.MIN_VALUE ? firstRef : timeline.at(step) - offset;
        while (last + 1 < buf.size && buf.times[last + 1] <= ref) {
          last++;
        }
        if (last >= 0 && buf.times[last] >= ref - lookback && !StaleMarker.isStale(buf.values[last])) {
          if (row == null) {
            Labels labels = set.at().labels();
            row = new StepSeries(timestamps ? LabelOps.dropName(labels) : labels, steps);
          }
          row.set(step, timestamps ? buf.times[last] / 1000.0 : buf.values[last]);
          guard.hold(1);
        }
      }
      if (row != null) {
        out.add(row);
      }
    }
    return out;
  }

  SeriesSet select(List<Matcher> matchers, long mint, long maxt, long range) {
    SelectHints hints = new SelectHints(mint, maxt, timeline.interval(), "", List.of(), false, range);
    return querier.select(guard, true, hints, matchers.toArray(Matcher[]::new));
  }

  /** The series of a range-vector expression (a matrix selector or a subquery), window by window. */
  SeriesWindows windows(Expr rangeExpr) {
    Expr e = unwrap(rangeExpr);
    if (e instanceof MatrixSelector ms) {
      VectorSelector vs = ms.selector();
      long offset = effectiveOffset(vs.offsetMillis(), vs.at());
      long mint = timeline.start() - offset - ms.rangeMillis();
      long maxt = timeline.end() - offset;
      return SeriesWindows.fromStorage(select(vs.matchers(), mint, maxt, ms.rangeMillis()), mint, maxt, offset,
          ms.rangeMillis(), guard);
    }
    SubqueryExpr sq = (SubqueryExpr) e;
    List<StepSeries> rows = new ArrayList<>();
    Timeline inner = subqueryTimeline(sq);
    if (inner != null) {
      rows = child(inner).eval(sq.expr());
    }
    long offset = sq.at().kind() == AtModifier.Kind.TIMESTAMP
        ? sq.offsetMillis() + timeline.start() - sq.at().timestampMillis()
        : sq.offsetMillis();
    return SeriesWindows.fromRows(rows, inner, offset, sq.rangeMillis());
  }

  /** The steps a subquery evaluates its body at, or null when there are none. */
  private Timeline subqueryTimeline(SubqueryExpr sq) {
    long offset = effectiveOffset(sq.offsetMillis(), sq.at());
    long interval = sq.stepMillis() != 0 ? sq.stepMillis() : DEFAULT_SUBQUERY_STEP;
    long earliest = timeline.start() - offset - sq.rangeMillis();
    long start = interval * (earliest / interval);
    if (start < earliest) {
      start += interval;
    }
    long end = timeline.end() - offset;
    if (start > end) {
      return null;
    }
    guard.checkSteps(Timeline.stepCount(start, end, interval));
    return new Timeline(start, end, interval);
  }

  /** Strips parentheses and step-invariance markers around a range-vector argument. */
  static Expr unwrap(Expr e) {
    while (true) {
      if (e instanceof ParenExpr p) {
        e = p.expr();
      } else if (e instanceof StepInvariantExpr s) {
        e = s.expr();
      } else {
        return e;
      }
    }
  }

  /** An instant query's range-vector result: each series' samples in the window at the start time. */
  List<RangeSeries> evalMatrixAtStart(Expr expr) {
    SeriesWindows windows = windows(expr);
    List<RangeSeries> out = new ArrayList<>();
    while (windows.next()) {
      guard.check(QueryGuard.EVALUATION);
      long maxt = timeline.start() - windows.offset();
      long mint = maxt - windows.range();
      int from = windows.firstAtOrAfter(mint, 0);
      int to = windows.firstAfter(maxt, from);
      if (to > from) {
        long[] t = Arrays.copyOfRange(windows.times(), from, to);
        double[] v = Arrays.copyOfRange(windows.values(), from, to);
        guard.hold(t.length);
        out.add(new RangeSeries(windows.labels(), t, v, t.length));
      }
    }
    return out;
  }
}
