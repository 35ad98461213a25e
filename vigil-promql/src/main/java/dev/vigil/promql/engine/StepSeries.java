package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;

/**
 * One series of an intermediate result, aligned to the evaluator's steps: a value and a presence
 * flag per step. Instant vectors and scalars are evaluated as lists of these for all steps at once.
 */
final class StepSeries {
  final Labels labels;
  final double[] values;
  final boolean[] present;

  StepSeries(Labels labels, int steps) {
    this.labels = labels;
    this.values = new double[steps];
    this.present = new boolean[steps];
  }

  StepSeries(Labels labels, double[] values, boolean[] present) {
    this.labels = labels;
    this.values = values;
    this.present = present;
  }

  void set(int step, double value) {
    values[step] = value;
    present[step] = true;
  }

  int pointCount() {
    int n = 0;
    for (boolean p : present) {
      if (p) {
        n++;
      }
    }
    return n;
  }

  /** A scalar: one unlabelled series present at every step. */
  static StepSeries scalar(double[] values) {
    boolean[] all = new boolean[values.length];
    java.util.Arrays.fill(all, true);
    return new StepSeries(Labels.EMPTY, values, all);
  }
}
