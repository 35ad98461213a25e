package dev.vigil.promql.functions;

import dev.vigil.core.model.GoFloat;
import dev.vigil.promql.ast.AggregateOp;

/**
 * Running values for the aggregation operators that keep one number per group, computed as
 * Prometheus 2.42's engine does: {@code sum} adds plainly (no compensation), {@code avg} keeps an
 * incremental mean, {@code stddev} and {@code stdvar} Welford's running variance.
 */
public final class Aggregations {
  private Aggregations() {}

  /**
   * A fresh accumulator for one group; {@code count_values} counts like {@code count}. Null for
   * {@code topk}, {@code bottomk} and {@code quantile}, which keep samples rather than a running value.
   */
  public static Accumulator accumulator(AggregateOp op) {
    return switch (op) {
      case SUM -> new Sum();
      case AVG -> new Mean();
      case COUNT, COUNT_VALUES -> new Count();
      case MIN -> new Extreme(false);
      case MAX -> new Extreme(true);
      case GROUP -> new Group();
      case STDDEV -> new Variance(true);
      case STDVAR -> new Variance(false);
      case TOPK, BOTTOMK, QUANTILE -> null;
    };
  }

  /** The value label {@code count_values} gives a sample: Go's shortest fixed-point text of v. */
  public static String countValuesLabelValue(double v) {
    return GoFloat.formatShortest(v);
  }

  /**
   * Whether an incremental mean should skip v and stay as it is: once infinite, the mean's update
   * {@code v/n - mean/n} would turn it into NaN, although only a NaN or an infinity of the other sign
   * should.
   */
  static boolean infiniteMeanAbsorbs(double mean, double v) {
    return Double.isInfinite(mean) && (Double.isInfinite(v) ? (mean > 0) == (v > 0) : !Double.isNaN(v));
  }

  private static final class Sum implements Accumulator {
    private double sum;
    private boolean empty = true;

    @Override
    public void add(double v) {
      // Starting from the first value rather than from 0 keeps a lone -0 negative, as Prometheus does.
      sum = empty ? v : sum + v;
      empty = false;
    }

    @Override
    public double result() {
      return sum;
    }
  }

  /**
   * mean += v/n - mean/n, dividing each term first so that large values do not overflow. An infinite
   * mean stays as it is unless a NaN or an infinity of the other sign arrives.
   */
  private static final class Mean implements Accumulator {
    private double mean;
    private long count;

    @Override
    public void add(double v) {
      count++;
      if (count == 1) {
        mean = v;
        return;
      }
      if (infiniteMeanAbsorbs(mean, v)) {
        return;
      }
      mean += v / count - mean / count;
    }

    @Override
    public double result() {
      return mean;
    }
  }

  private static final class Count implements Accumulator {
    private long count;

    @Override
    public void add(double v) {
      count++;
    }

    @Override
    public double result() {
      return count;
    }
  }

  /** Min or max; a NaN held so far gives way to whatever comes next, so NaN wins only if all are NaN. */
  private static final class Extreme implements Accumulator {
    private final boolean max;
    private double value;
    private boolean empty = true;

    Extreme(boolean max) {
      this.max = max;
    }

    @Override
    public void add(double v) {
      if (empty || Double.isNaN(value) || (max ? value < v : value > v)) {
        value = v;
      }
      empty = false;
    }

    @Override
    public double result() {
      return value;
    }
  }

  private static final class Group implements Accumulator {
    @Override
    public void add(double v) {}

    @Override
    public double result() {
      return 1;
    }
  }

  /** Welford's running mean and sum of squared deviations; the population variance or its root. */
  private static final class Variance implements Accumulator {
    private final boolean root;
    private long count;
    private double mean;
    private double squares;

    Variance(boolean root) {
      this.root = root;
    }

    @Override
    public void add(double v) {
      count++;
      if (count == 1) {
        mean = v;
        return;
      }
      double delta = v - mean;
      mean += delta / count;
      squares += delta * (v - mean);
    }

    @Override
    public double result() {
      double variance = squares / count;
      return root ? Math.sqrt(variance) : variance;
    }
  }
}
