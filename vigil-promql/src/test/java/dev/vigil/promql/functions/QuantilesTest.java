package dev.vigil.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantilesTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  private static double quantile(double q, double... values) {
    return Quantiles.quantile(q, values, values.length);
  }

  private static double buckets(double q, double[] bounds, double[] counts) {
    return Quantiles.bucketQuantile(q, bounds, counts, bounds.length);
  }

  @Test
  void quantileOfNothingIsNaN() {
    assertThat(quantile(0.5)).isNaN();
  }

  @Test
  void nanQuantileIsNaN() {
    assertThat(quantile(NAN, 1, 2)).isNaN();
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(quantile(0.5, 4, 0, 1)).isEqualTo(1);
  }

  @Test
  void quantileWeighsTheNeighbouringRanks() {
    assertThat(quantile(0.8, 0, 1, 2)).isEqualTo(1.6);
  }

  @Test
  void nanValuesRankLowest() {
    assertThat(quantile(0, 1, NAN, 2)).isNaN();
    assertThat(quantile(1, 1, NAN, 2)).isEqualTo(2);
  }

  @Test
  void quantileSortsTheGivenPrefixInPlace() {
    double[] values = {3, NAN, 1, 9};

    Quantiles.quantile(0.5, values, 3);

    assertThat(values).containsExactly(NAN, 1, 3, 9);
  }

  @Test
  void bucketQuantileInterpolatesInsideTheBucket() {
    assertThat(buckets(0.5, new double[] {1, 2, INF}, new double[] {10, 30, 40})).isEqualTo(1.5);
  }

  @Test
  void bucketsMayComeInAnyOrder() {
    assertThat(buckets(0.5, new double[] {INF, 2, 1}, new double[] {40, 30, 10})).isEqualTo(1.5);
  }

  @Test
  void theLowestBucketStartsAtZero() {
    assertThat(buckets(0.25, new double[] {2, INF}, new double[] {20, 20})).isEqualTo(0.5);
  }

  @Test
  void aRankInTheLowestBucketWithANonPositiveBoundIsThatBound() {
    assertThat(buckets(0.1, new double[] {-1, 5, INF}, new double[] {10, 20, 20})).isEqualTo(-1);
  }

  @Test
  void aRankInTheInfiniteBucketIsTheHighestFiniteBound() {
    assertThat(buckets(0.99, new double[] {1, 2, INF}, new double[] {10, 20, 40})).isEqualTo(2);
  }

  @Test
  void withoutAnInfiniteBucketThereIsNoQuantile() {
    assertThat(buckets(0.5, new double[] {1, 2}, new double[] {10, 20})).isNaN();
  }

  @Test
  void aLoneInfiniteBucketIsNotEnough() {
    assertThat(buckets(0.5, new double[] {INF}, new double[] {10})).isNaN();
  }

  @Test
  void noObservationsGiveNaN() {
    assertThat(buckets(0.5, new double[] {1, INF}, new double[] {0, 0})).isNaN();
  }

  @Test
  void bucketQuantileOutsideZeroToOneIsInfinite() {
    assertThat(buckets(-0.1, new double[] {1, INF}, new double[] {1, 1})).isEqualTo(-INF);
    assertThat(buckets(1.1, new double[] {1, INF}, new double[] {1, 1})).isEqualTo(INF);
  }

  @Test
  void bucketQuantileOfNaNIsNaN() {
    assertThat(buckets(NAN, new double[] {1, INF}, new double[] {1, 1})).isNaN();
  }

  @Test
  void bucketsWithTheSameBoundAreAddedTogether() {
    // Two series both labelled le="1" count 5 each: together 10 of 20 observations lie below 1.
    assertThat(buckets(0.5, new double[] {1, 1, 2, INF}, new double[] {5, 5, 20, 20})).isEqualTo(1);
  }

  @Test
  void aCountBelowAnEarlierOneIsRaisedToIt() {
    // The count at 2 is read as 30, so the rank 20 falls at two thirds of the bucket up to 1.
    assertThat(buckets(0.5, new double[] {1, 2, 3, INF}, new double[] {30, 10, 40, 40}))
        .isEqualTo(2.0 / 3);
  }
}
