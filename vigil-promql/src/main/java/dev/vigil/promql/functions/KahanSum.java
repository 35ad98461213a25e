package dev.vigil.promql.functions;

/**
 * A running sum with Neumaier's compensation, the way Prometheus's {@code kahanSumInc} adds: the
 * rounding error of each addition is collected separately and added back at the end.
 */
final class KahanSum {
  private double sum;
  private double compensation;

  void add(double increment) {
    double next = sum + increment;
    // Whichever operand is larger in magnitude keeps its bits; the error lies in the smaller one.
    if (Math.abs(sum) >= Math.abs(increment)) {
      compensation += (sum - next) + increment;
    } else {
      compensation += (increment - next) + sum;
    }
    sum = next;
  }

  /** The plain running sum, without the compensation. */
  double rawSum() {
    return sum;
  }

  /** The compensated sum. */
  double total() {
    return sum + compensation;
  }

  /** The compensated sum, except that an infinite running sum is returned as is (its compensation is NaN). */
  double totalKeepingInfinity() {
    return Double.isInfinite(sum) ? sum : total();
  }
}
