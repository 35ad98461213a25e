package dev.vigil.promql.functions;

import java.util.Arrays;

/** Prometheus's two quantile estimators: over raw values, and over cumulative histogram buckets. */
public final class Quantiles {
  private Quantiles() {}

  /**
   * The φ-quantile of {@code values[0..n)} by linear interpolation between the two closest ranks, as
   * the {@code quantile} aggregation and {@code quantile_over_time} compute it. NaN when n is 0 or q
   * is NaN, -Inf for q below 0, +Inf above 1. NaN values rank below every number, as Prometheus sorts
   * them.
   *
   * <p>Sorts {@code values[0..n)} in place.
   */
  public static double quantile(double q, double[] values, int n) {
    if (n == 0 || Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    sortNaNFirst(values, n);
    double count = n;
    double rank = q * (count - 1);
    double lowerIndex = Math.max(0, Math.floor(rank));
    double upperIndex = Math.min(count - 1, lowerIndex + 1);
    double weight = rank - Math.floor(rank);
    return values[(int) lowerIndex] * (1 - weight) + values[(int) upperIndex] * weight;
  }

  /**
   * The q-quantile of a classic histogram given as (upper bound, cumulative count) buckets in
   * {@code upperBounds[0..n)} and {@code counts[0..n)}, as 2.42's {@code histogram_quantile} estimates it:
   * buckets sorted by bound, counts of equal bounds added together, counts forced monotonic, then
   * linear interpolation inside the bucket where the rank falls.
   *
   * <p>NaN for a NaN q, when the highest bound is not +Inf, when fewer than two buckets remain or when
   * there are no observations; -Inf for q below 0 and +Inf above 1. A rank in the +Inf bucket answers
   * the highest finite bound; a rank in the lowest bucket whose bound is not above 0 answers that
   * bound; otherwise the lowest bucket starts at 0.
   *
   * <p>Sorts and overwrites both arrays' first n entries.
   */
  public static double bucketQuantile(double q, double[] upperBounds, double[] counts, int n) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (n == 0) {
      return Double.NaN;
    }
    sortByBound(upperBounds, counts, n);
    if (upperBounds[n - 1] != Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    n = coalesce(upperBounds, counts, n);
    makeMonotonic(counts, n);
    if (n < 2) {
      return Double.NaN;
    }
    double observations = counts[n - 1];
    if (observations == 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    int b = firstAtLeast(counts, n - 1, rank);
    if (b == n - 1) {
      return upperBounds[n - 2];
    }
    if (b == 0 && upperBounds[0] <= 0) {
      return upperBounds[0];
    }
    double bucketStart = 0;
    double bucketEnd = upperBounds[b];
    double count = counts[b];
    if (b > 0) {
      bucketStart = upperBounds[b - 1];
      count -= counts[b - 1];
      rank -= counts[b - 1];
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
  }

  /** Ascending, with every NaN in front: Prometheus's ordering treats NaN as less than anything. */
  private static void sortNaNFirst(double[] values, int n) {
    // Arrays.sort puts NaNs last; rotating them to the front keeps the numbers in order.
    Arrays.sort(values, 0, n);
    int numbers = n;
    while (numbers > 0 && Double.isNaN(values[numbers - 1])) {
      numbers--;
    }
    int nans = n - numbers;
    if (nans > 0) {
      System.arraycopy(values, 0, values, nans, numbers);
      Arrays.fill(values, 0, nans, Double.NaN);
    }
  }

  private static void sortByBound(double[] upperBounds, double[] counts, int n) {
    // Bucket lists are short; an insertion sort keeps each count next to its bound without boxing.
    for (int i = 1; i < n; i++) {
      double bound = upperBounds[i];
      double count = counts[i];
      int j = i - 1;
      while (j >= 0 && bound < upperBounds[j]) {
        upperBounds[j + 1] = upperBounds[j];
        counts[j + 1] = counts[j];
        j--;
      }
      upperBounds[j + 1] = bound;
      counts[j + 1] = count;
    }
  }

  /** Merges adjacent buckets with the same bound by adding their counts; returns the new length. */
  private static int coalesce(double[] upperBounds, double[] counts, int n) {
    int last = 0;
    for (int i = 1; i < n; i++) {
      if (upperBounds[i] == upperBounds[last]) {
        counts[last] += counts[i];
      } else {
        last++;
        upperBounds[last] = upperBounds[i];
        counts[last] = counts[i];
      }
    }
    return last + 1;
  }

  /** Raises any count below an earlier one to the running maximum (counts may be scraped out of step). */
  private static void makeMonotonic(double[] counts, int n) {
    double max = counts[0];
    for (int i = 1; i < n; i++) {
      if (counts[i] > max) {
        max = counts[i];
      } else if (counts[i] < max) {
        counts[i] = max;
      }
    }
  }

  /** The smallest i in [0, limit) with counts[i] >= rank, or limit; a binary search, as Go's sort.Search. */
  private static int firstAtLeast(double[] counts, int limit, double rank) {
    int lo = 0;
    int hi = limit;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (counts[mid] >= rank) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
