package dev.vigil.promql.engine;

import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.GoFloat;
import dev.vigil.core.labels.GoQuote;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AggregateOp;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.functions.Accumulator;
import dev.vigil.promql.functions.Aggregations;
import dev.vigil.promql.functions.Quantiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an aggregation at every step. Groups and their output labels depend only on the input
 * series' labels, so they are computed once; values are folded per step in input order, with
 * Prometheus's arithmetic for each operator.
 */
final class Aggregation {
  private final Evaluator ev;
  private final AggregateExpr agg;
  private final List<String> grouping;
  private final int steps;

  Aggregation(Evaluator ev, AggregateExpr agg) {
    this.ev = ev;
    this.agg = agg;
    List<String> sorted = new ArrayList<>(agg.grouping());
    sorted.sort(null);
    this.grouping = sorted;
    this.steps = ev.steps();
  }

  List<StepSeries> evaluate() {
    if (agg.op() == AggregateOp.COUNT_VALUES) {
      String label = stringParam();
      if (!LabelNames.isValidLabelName(label)) {
        throw new PromqlException(ErrorType.EXECUTION, "invalid label name " + GoQuote.quote(label));
      }
      return countValues(label, ev.eval(agg.expr()));
    }
    double[] param = agg.param() == null ? null : ev.evalScalar(agg.param());
    List<StepSeries> input = ev.eval(agg.expr());
    return switch (agg.op()) {
      case TOPK, BOTTOMK -> selectK(input, param);
      case QUANTILE -> quantile(input, param);
      default -> fold(input);
    };
  }

  private String stringParam() {
    Expr e = Evaluator.unwrap(agg.param());
    while (e instanceof ParenExpr p) {
      e = Evaluator.unwrap(p.expr());
    }
    return ((StringLiteral) e).value();
  }

  private Labels groupLabels(Labels series, List<String> names) {
    return agg.without() ? LabelOps.without(series, names, true) : LabelOps.keep(series, names);
  }

  /** Assigns each input series to its group; groups are numbered in order of first appearance. */
  private int[] groupIndexes(List<StepSeries> input, List<Labels> groupLabelsOut) {
    Map<Labels, Integer> index = new HashMap<>();
    int[] groups = new int[input.size()];
    for (int i = 0; i < input.size(); i++) {
      Labels key = groupLabels(input.get(i).labels, grouping);
      Integer g = index.get(key);
      if (g == null) {
        g = groupLabelsOut.size();
        index.put(key, g);
        groupLabelsOut.add(key);
      }
      groups[i] = g;
    }
    return groups;
  }

  /** The operators that keep one running value per group, folded with Prometheus's arithmetic. */
  private List<StepSeries> fold(List<StepSeries> input) {
    List<Labels> labels = new ArrayList<>();
    int[] groupOf = groupIndexes(input, labels);
    Accumulator[] accumulators = new Accumulator[labels.size()];
    int[] order = new int[labels.size()];
    RowCollector out = new RowCollector(steps, false);
    for (int step = 0; step < steps; step++) {
      java.util.Arrays.fill(accumulators, null);
      int seen = 0;
      for (int i = 0; i < input.size(); i++) {
        StepSeries row = input.get(i);
        if (!row.present[step]) {
          continue;
        }
        int g = groupOf[i];
        if (accumulators[g] == null) {
          accumulators[g] = Aggregations.accumulator(agg.op());
          order[seen++] = g;
        }
        accumulators[g].add(row.values[step]);
      }
      for (int k = 0; k < seen; k++) {
        out.add(labels.get(order[k]), step, accumulators[order[k]].result());
      }
    }
    return out.rows();
  }

  private List<StepSeries> quantile(List<StepSeries> input, double[] q) {
    List<Labels> labels = new ArrayList<>();
    int[] groupOf = groupIndexes(input, labels);
    RowCollector out = new RowCollector(steps, false);
    List<double[]> buffers = new ArrayList<>();
    int[] sizes = new int[labels.size()];
    for (int g = 0; g < labels.size(); g++) {
      buffers.add(new double[8]);
    }
    int[] order = new int[labels.size()];
    for (int step = 0; step < steps; step++) {
      java.util.Arrays.fill(sizes, 0);
      int seen = 0;
      for (int i = 0; i < input.size(); i++) {
        StepSeries row = input.get(i);
        if (!row.present[step]) {
          continue;
        }
        int g = groupOf[i];
        if (sizes[g] == 0) {
          order[seen++] = g;
        }
        double[] buf = buffers.get(g);
        if (sizes[g] == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
          buffers.set(g, buf);
        }
        buf[sizes[g]++] = row.values[step];
      }
      for (int k = 0; k < seen; k++) {
        int g = order[k];
        out.add(labels.get(g), step, Quantiles.quantile(q[step], buffers.get(g), sizes[g]));
      }
    }
    return out.rows();
  }

  private List<StepSeries> countValues(String label, List<StepSeries> input) {
    List<String> names = grouping;
    if (!agg.without()) {
      names = new ArrayList<>(grouping);
      names.add(label);
      names.sort(null);
    }
    RowCollector out = new RowCollector(steps, false);
    for (int step = 0; step < steps; step++) {
      Map<Labels, long[]> counts = new java.util.LinkedHashMap<>();
      for (StepSeries row : input) {
        if (!row.present[step]) {
          continue;
        }
        Labels withValue = row.labels.toBuilder().set(label, Aggregations.countValuesLabelValue(row.values[step])).build();
        counts.computeIfAbsent(groupLabels(withValue, names), k -> new long[1])[0]++;
      }
      for (Map.Entry<Labels, long[]> e : counts.entrySet()) {
        out.add(e.getKey(), step, e.getValue()[0]);
      }
    }
    return out.rows();
  }

  private List<StepSeries> selectK(List<StepSeries> input, double[] param) {
    List<Labels> labels = new ArrayList<>();
    int[] groupOf = groupIndexes(input, labels);
    boolean top = agg.op() == AggregateOp.TOPK;
    RowCollector out = new RowCollector(steps, false);
    for (int step = 0; step < steps; step++) {
      double f = param[step];
      if (!(f <= 9223372036854774784.0 && f >= -9223372036854775808.0)) {
        throw new PromqlException(ErrorType.EXECUTION, "Scalar value " + GoFloat.formatG(f) + " overflows int64");
      }
      long k = (long) f;
      if (k < 1) {
        continue;
      }
      Map<Integer, GoValueHeap> heaps = new java.util.LinkedHashMap<>();
      for (int i = 0; i < input.size(); i++) {
        StepSeries row = input.get(i);
        if (!row.present[step]) {
          continue;
        }
        double v = row.values[step];
        GoValueHeap heap = heaps.get(groupOf[i]);
        if (heap == null) {
          heap = new GoValueHeap(top);
          heaps.put(groupOf[i], heap);
          heap.push(row.labels, v);
          continue;
        }
        heap.offer(row.labels, v, k);
      }
      int at = step;
      for (GoValueHeap heap : heaps.values()) {
        heap.drainSorted((l, v) -> out.add(l, at, v));
      }
    }
    return out.rows();
  }
}
