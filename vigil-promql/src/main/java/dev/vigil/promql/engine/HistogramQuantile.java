package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.GoFloat;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.functions.Quantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code histogram_quantile(φ, buckets)} over classic histograms: bucket series are grouped by all
 * labels but {@code le} (the metric name included, as in Prometheus), and each group yields one
 * series without name and {@code le}. Series whose {@code le} is missing or not a number are skipped.
 */
final class HistogramQuantile {
  private static final String BUCKET_LABEL = "le";

  private final Evaluator ev;
  private final Call call;

  HistogramQuantile(Evaluator ev, Call call) {
    this.ev = ev;
    this.call = call;
  }

  private static final class Group {
    final Labels outputLabels;
    final List<StepSeries> buckets = new ArrayList<>();
    final List<Double> upperBounds = new ArrayList<>();

    Group(Labels outputLabels) {
      this.outputLabels = outputLabels;
    }
  }

  List<StepSeries> evaluate() {
    double[] q = ev.evalScalar(call.args().get(0));
    List<StepSeries> input = ev.eval(call.args().get(1));
    Map<Labels, Group> groups = new LinkedHashMap<>();
    for (StepSeries row : input) {
      double upperBound;
      try {
        upperBound = GoFloat.parse(row.labels.getOrEmpty(BUCKET_LABEL));
      } catch (IllegalArgumentException notANumber) {
        continue;
      }
      Labels signature = row.labels.toBuilder().remove(BUCKET_LABEL).build();
      Group group = groups.computeIfAbsent(signature,
          s -> new Group(LabelOps.without(s, List.of(BUCKET_LABEL), true)));
      group.buckets.add(row);
      group.upperBounds.add(upperBound);
    }
    int steps = ev.steps();
    RowCollector out = new RowCollector(steps, false);
    for (Group group : groups.values()) {
      int n = group.buckets.size();
      double[] bounds = new double[n];
      double[] counts = new double[n];
      double[] values = new double[steps];
      boolean[] present = new boolean[steps];
      for (int step = 0; step < steps; step++) {
        int used = 0;
        for (int b = 0; b < n; b++) {
          StepSeries bucket = group.buckets.get(b);
          if (bucket.present[step]) {
            bounds[used] = group.upperBounds.get(b);
            counts[used] = bucket.values[step];
            used++;
          }
        }
        if (used > 0) {
          values[step] = Quantiles.bucketQuantile(q[step], bounds, counts, used);
          present[step] = true;
        }
      }
      out.addRow(group.outputLabels, values, present);
    }
    return out.rows();
  }
}
