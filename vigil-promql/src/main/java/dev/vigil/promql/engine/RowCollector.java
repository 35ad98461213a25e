package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers output samples into series by label set, in first-seen order. Two samples with the same
 * labels at the same step are Prometheus's "same labelset" error; with {@code strict}, so is any
 * second series with the same labels (Prometheus checks whole matrices for range functions).
 */
final class RowCollector {
  static final String SAME_LABELSET = "vector cannot contain metrics with the same labelset";

  private final int steps;
  private final boolean strict;
  private final Map<Labels, StepSeries> byLabels = new HashMap<>();
  private final List<StepSeries> rows = new ArrayList<>();
  private boolean duplicateSeries;

  RowCollector(int steps, boolean strict) {
    this.steps = steps;
    this.strict = strict;
  }

  void add(Labels labels, int step, double value) {
    StepSeries row = byLabels.get(labels);
    if (row == null) {
      row = new StepSeries(labels, steps);
      byLabels.put(labels, row);
      rows.add(row);
    } else if (row.present[step]) {
      throw new PromqlException(ErrorType.EXECUTION, SAME_LABELSET);
    }
    row.set(step, value);
  }

  /**
   * Adds a whole series; its points merge into an existing series with the same labels. A series
   * without points is left out, as Prometheus leaves out empty series.
   */
  void addRow(Labels labels, double[] values, boolean[] present) {
    if (!anyPresent(present)) {
      return;
    }
    StepSeries row = byLabels.get(labels);
    if (row == null) {
      row = new StepSeries(labels, values, present);
      byLabels.put(labels, row);
      rows.add(row);
      return;
    }
    if (strict) {
      // Prometheus finds this only once the whole matrix is computed; so does this collector.
      duplicateSeries = true;
      return;
    }
    for (int i = 0; i < steps; i++) {
      if (present[i]) {
        if (row.present[i]) {
          throw new PromqlException(ErrorType.EXECUTION, SAME_LABELSET);
        }
        row.set(i, values[i]);
      }
    }
  }

  private static boolean anyPresent(boolean[] present) {
    for (boolean p : present) {
      if (p) {
        return true;
      }
    }
    return false;
  }

  List<StepSeries> rows() {
    if (duplicateSeries) {
      throw new PromqlException(ErrorType.EXECUTION, SAME_LABELSET);
    }
    return rows;
  }
}
