package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.labels.MatchType;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.promql.functions.ElementFunction;
import dev.vigil.promql.functions.ElementFunctions;
import dev.vigil.promql.functions.LabelFunctions;
import dev.vigil.promql.functions.RangeFunction;
import dev.vigil.promql.functions.RangeFunctions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates one function call at every step, with the label handling of each function. */
final class FunctionCall {
  private static final Set<String> DATE_FUNCTIONS = Set.of("days_in_month", "day_of_month", "day_of_week",
      "day_of_year", "hour", "minute", "month", "year");
  private static final Set<String> NATIVE_HISTOGRAM_FUNCTIONS = Set.of("histogram_count", "histogram_sum",
      "histogram_fraction");

  private final Evaluator ev;
  private final Call call;
  private final String name;
  private final int steps;

  FunctionCall(Evaluator ev, Call call) {
    this.ev = ev;
    this.call = call;
    this.name = call.function().name();
    this.steps = ev.steps();
  }

  List<StepSeries> evaluate() {
    if (name.equals("timestamp") && Evaluator.unwrap(call.args().get(0)) instanceof VectorSelector vs) {
      return nonStrict(ev.sampleTimestamps(vs));
    }
    for (int i = 0; i < call.args().size(); i++) {
      Expr arg = Evaluator.unwrap(call.args().get(i));
      if (arg instanceof MatrixSelector || arg instanceof SubqueryExpr) {
        return overRanges(i);
      }
    }
    return perStep();
  }

  private List<StepSeries> nonStrict(List<StepSeries> rows) {
    RowCollector out = new RowCollector(steps, false);
    for (StepSeries row : rows) {
      out.addRow(row.labels, row.values, row.present);
    }
    return out.rows();
  }

  // ---- functions of range vectors

  private List<StepSeries> overRanges(int matrixIndex) {
    List<double[]> params = new ArrayList<>();
    for (int i = 0; i < call.args().size(); i++) {
      if (i != matrixIndex) {
        params.add(ev.evalScalar(call.args().get(i)));
      }
    }
    SeriesWindows windows = ev.windows(call.args().get(matrixIndex));
    if (name.equals("absent_over_time")) {
      return absentOverTime(windows);
    }
    RangeFunction fn = RangeFunctions.byName(name);
    boolean keepName = name.equals("last_over_time");
    double[] stepParams = new double[params.size()];
    RowCollector out = new RowCollector(steps, true);
    while (windows.next()) {
      double[] values = null;
      boolean[] present = null;
      int points = 0;
      int from = 0;
      int to = 0;
      for (int step = 0; step < steps; step++) {
        long ts = ev.timeline.at(step);
        long maxt = ts - windows.offset();
        long mint = maxt - windows.range();
        from = windows.firstAtOrAfter(mint, from);
        to = windows.firstAfter(maxt, Math.max(to, from));
        if (to == from) {
          continue;
        }
        for (int p = 0; p < stepParams.length; p++) {
          stepParams[p] = params.get(p)[step];
        }
        fn.checkParams(stepParams);
        if (to - from < fn.minSamples()) {
          continue;
        }
        if (values == null) {
          values = new double[steps];
          present = new boolean[steps];
        }
        values[step] = fn.apply(windows.times(), windows.values(), from, to, ts, maxt, windows.range(), stepParams);
        present[step] = true;
        points++;
      }
      if (values != null) {
        ev.guard.hold(points);
        Labels labels = keepName ? windows.labels() : LabelOps.dropName(windows.labels());
        out.addRow(labels, values, present);
      }
    }
    return out.rows();
  }

  private List<StepSeries> absentOverTime(SeriesWindows windows) {
    boolean[] found = new boolean[steps];
    while (windows.next()) {
      int from = 0;
      int to = 0;
      for (int step = 0; step < steps; step++) {
        long maxt = ev.timeline.at(step) - windows.offset();
        from = windows.firstAtOrAfter(maxt - windows.range(), from);
        to = windows.firstAfter(maxt, Math.max(to, from));
        if (to > from) {
          found[step] = true;
        }
      }
    }
    return absentRow(found, absentLabels(call.args().get(0)));
  }

  private List<StepSeries> absentRow(boolean[] found, Labels labels) {
    StepSeries row = new StepSeries(labels, steps);
    for (int step = 0; step < steps; step++) {
      if (!found[step]) {
        row.set(step, 1);
      }
    }
    return row.pointCount() == 0 ? List.of() : List.of(row);
  }

  /**
   * The labels {@code absent} gives its result: the equality matchers of the selector written as
   * the argument, except for names matched more than once or by other match types.
   */
  private static Labels absentLabels(Expr arg) {
    Expr e = arg;
    while (e instanceof ParenExpr p) {
      e = p.expr();
    }
    List<Matcher> matchers;
    if (e instanceof VectorSelector vs) {
      matchers = vs.matchers();
    } else if (e instanceof MatrixSelector ms) {
      matchers = ms.selector().matchers();
    } else {
      return Labels.EMPTY;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Matcher m : matchers) {
      if (m.name().equals(Labels.METRIC_NAME)) {
        continue;
      }
      if (m.type() == MatchType.EQUAL && !labels.containsKey(m.name())) {
        labels.put(m.name(), m.value());
      } else {
        ambiguous.add(m.name());
      }
    }
    ambiguous.forEach(labels::remove);
    labels.values().removeIf(String::isEmpty);
    return Labels.fromMap(labels);
  }

  // ---- functions of instant vectors and scalars

  private List<StepSeries> perStep() {
    ElementFunction element = ElementFunctions.byName(name);
    if (DATE_FUNCTIONS.contains(name) && call.args().isEmpty()) {
      double[] values = new double[steps];
      for (int step = 0; step < steps; step++) {
        values[step] = element.apply(ev.timeline.at(step) / 1000, new double[0]);
      }
      return List.of(new StepSeries(Labels.EMPTY, values, allPresent()));
    }
    if (element != null) {
      return elementWise(element);
    }
    return switch (name) {
      case "time" -> {
        double[] values = new double[steps];
        for (int step = 0; step < steps; step++) {
          values[step] = ev.timeline.at(step) / 1000.0;
        }
        yield List.of(StepSeries.scalar(values));
      }
      case "pi" -> List.of(ev.constant(Math.PI));
      case "vector" -> List.of(new StepSeries(Labels.EMPTY, ev.evalScalar(call.args().get(0)), allPresent()));
      case "scalar" -> List.of(scalar(ev.eval(call.args().get(0))));
      case "absent" -> absent();
      case "timestamp" -> timestampsOfSteps(ev.eval(call.args().get(0)));
      case "sort" -> sorted(ev.eval(call.args().get(0)), false);
      case "sort_desc" -> sorted(ev.eval(call.args().get(0)), true);
      case "label_replace" -> labelReplace();
      case "label_join" -> labelJoin();
      case "histogram_quantile" -> new HistogramQuantile(ev, call).evaluate();
      default -> {
        if (NATIVE_HISTOGRAM_FUNCTIONS.contains(name)) {
          for (Expr arg : call.args()) {
            ev.eval(arg);
          }
          yield List.of();
        }
        throw new PromqlException(ErrorType.EXECUTION, "function " + name + " is not supported");
      }
    };
  }

  private boolean[] allPresent() {
    boolean[] all = new boolean[steps];
    Arrays.fill(all, true);
    return all;
  }

  private List<StepSeries> elementWise(ElementFunction fn) {
    List<StepSeries> input = ev.eval(call.args().get(0));
    List<double[]> params = new ArrayList<>();
    for (int i = 1; i < call.args().size(); i++) {
      params.add(ev.evalScalar(call.args().get(i)));
    }
    double[] stepParams = new double[params.size()];
    RowCollector out = new RowCollector(steps, false);
    for (StepSeries row : input) {
      double[] values = new double[steps];
      boolean[] present = new boolean[steps];
      for (int step = 0; step < steps; step++) {
        if (!row.present[step]) {
          continue;
        }
        for (int p = 0; p < stepParams.length; p++) {
          stepParams[p] = params.get(p)[step];
        }
        if (name.equals("clamp") && stepParams[1] < stepParams[0]) {
          continue;
        }
        values[step] = fn.apply(row.values[step], stepParams);
        present[step] = true;
      }
      out.addRow(LabelOps.dropName(row.labels), values, present);
    }
    return out.rows();
  }

  private StepSeries scalar(List<StepSeries> input) {
    double[] values = new double[steps];
    for (int step = 0; step < steps; step++) {
      int count = 0;
      double value = Double.NaN;
      for (StepSeries row : input) {
        if (row.present[step]) {
          count++;
          value = row.values[step];
        }
      }
      values[step] = count == 1 ? value : Double.NaN;
    }
    return StepSeries.scalar(values);
  }

  private List<StepSeries> absent() {
    List<StepSeries> input = ev.eval(call.args().get(0));
    boolean[] found = new boolean[steps];
    for (StepSeries row : input) {
      for (int step = 0; step < steps; step++) {
        found[step] |= row.present[step];
      }
    }
    return absentRow(found, absentLabels(call.args().get(0)));
  }

  private List<StepSeries> timestampsOfSteps(List<StepSeries> input) {
    RowCollector out = new RowCollector(steps, false);
    for (StepSeries row : input) {
      double[] values = new double[steps];
      for (int step = 0; step < steps; step++) {
        values[step] = ev.timeline.at(step) / 1000.0;
      }
      out.addRow(LabelOps.dropName(row.labels), values, row.present);
    }
    return out.rows();
  }

  /**
   * Orders an instant query's result by value, NaN last, with the same swaps as Prometheus's sort;
   * only instant results have an order to keep.
   */
  private List<StepSeries> sorted(List<StepSeries> input, boolean descending) {
    if (steps != 1) {
      return input;
    }
    GoValueHeap order = new GoValueHeap(descending);
    for (StepSeries row : input) {
      order.append(row.labels, row.values[0]);
    }
    List<StepSeries> out = new ArrayList<>(input.size());
    order.drainSorted((labels, value) -> {
      StepSeries row = new StepSeries(labels, 1);
      row.set(0, value);
      out.add(row);
    });
    return out;
  }

  private String stringArg(int index) {
    Expr e = call.args().get(index);
    while (e instanceof ParenExpr p) {
      e = p.expr();
    }
    return ((StringLiteral) Evaluator.unwrap(e)).value();
  }

  private List<StepSeries> labelReplace() {
    List<StepSeries> input = ev.eval(call.args().get(0));
    String dst = stringArg(1);
    String replacement = stringArg(2);
    String src = stringArg(3);
    com.google.re2j.Pattern regex = LabelFunctions.compileLabelReplaceRegex(stringArg(4));
    LabelFunctions.checkLabelReplaceDestination(dst);
    RowCollector out = new RowCollector(steps, false);
    for (StepSeries row : input) {
      out.addRow(LabelFunctions.labelReplace(row.labels, dst, replacement, src, regex), row.values, row.present);
    }
    return out.rows();
  }

  private List<StepSeries> labelJoin() {
    List<StepSeries> input = ev.eval(call.args().get(0));
    String dst = stringArg(1);
    String separator = stringArg(2);
    List<String> sources = new ArrayList<>();
    for (int i = 3; i < call.args().size(); i++) {
      sources.add(stringArg(i));
    }
    LabelFunctions.checkLabelJoinNames(dst, sources);
    RowCollector out = new RowCollector(steps, false);
    for (StepSeries row : input) {
      out.addRow(LabelFunctions.labelJoin(row.labels, dst, separator, sources), row.values, row.present);
    }
    return out.rows();
  }
}
