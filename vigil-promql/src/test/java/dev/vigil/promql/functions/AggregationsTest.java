package dev.vigil.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.vigil.promql.ast.AggregateOp;
import org.junit.jupiter.api.Test;

class AggregationsTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double BIG = 9.988465674311579e+307;

  private static double aggregate(AggregateOp op, double... values) {
    Accumulator acc = Aggregations.accumulator(op);
    for (double v : values) {
      acc.add(v);
    }
    return acc.result();
  }

  @Test
  void sumAddsWithoutCompensation() {
    assertThat(aggregate(AggregateOp.SUM, 1e100, 1.0, -1e100)).isEqualTo(0);
  }

  @Test
  void sumOfALoneNegativeZeroIsNegativeZero() {
    assertThat(aggregate(AggregateOp.SUM, -0.0)).isEqualTo(-0.0);
  }

  @Test
  void avgDoesNotOverflowOnLargeValues() {
    assertThat(aggregate(AggregateOp.AVG, BIG, BIG, BIG)).isCloseTo(BIG, withinPercentage(1e-10));
  }

  @Test
  void avgStaysInfiniteAmongFiniteValues() {
    assertThat(aggregate(AggregateOp.AVG, INF, 0, 5)).isEqualTo(INF);
  }

  @Test
  void avgOfOppositeInfinitiesIsNaN() {
    assertThat(aggregate(AggregateOp.AVG, INF, -INF)).isNaN();
  }

  @Test
  void avgIsTheMean() {
    assertThat(aggregate(AggregateOp.AVG, 1, 2, 3, 4)).isEqualTo(2.5);
  }

  @Test
  void countCountsNaNs() {
    assertThat(aggregate(AggregateOp.COUNT, NAN, 1)).isEqualTo(2);
  }

  @Test
  void countValuesCountsLikeCount() {
    assertThat(aggregate(AggregateOp.COUNT_VALUES, 1, 1, 1)).isEqualTo(3);
  }

  @Test
  void maxReplacesANaNWithALaterValue() {
    assertThat(aggregate(AggregateOp.MAX, NAN, -5, -7)).isEqualTo(-5);
  }

  @Test
  void minKeepsTheSmallestAndIgnoresALaterNaN() {
    assertThat(aggregate(AggregateOp.MIN, 3, 1, NAN)).isEqualTo(1);
  }

  @Test
  void minOfOnlyNaNsIsNaN() {
    assertThat(aggregate(AggregateOp.MIN, NAN, NAN)).isNaN();
  }

  @Test
  void groupIsOne() {
    assertThat(aggregate(AggregateOp.GROUP, 42, NAN)).isEqualTo(1);
  }

  @Test
  void stdvarIsThePopulationVariance() {
    assertThat(aggregate(AggregateOp.STDVAR, 0, 8, 8, 2, 3)).isCloseTo(10.56, withinPercentage(1e-10));
  }

  @Test
  void stddevOfASingleValueIsZero() {
    assertThat(aggregate(AggregateOp.STDDEV, 7)).isEqualTo(0);
  }

  @Test
  void operatorsThatKeepSamplesHaveNoAccumulator() {
    assertThat(Aggregations.accumulator(AggregateOp.TOPK)).isNull();
    assertThat(Aggregations.accumulator(AggregateOp.QUANTILE)).isNull();
  }

  @Test
  void countValuesLabelsUseGoShortestFixedPoint() {
    assertThat(Aggregations.countValuesLabelValue(1e21)).isEqualTo("1000000000000000000000");
    assertThat(Aggregations.countValuesLabelValue(0.1)).isEqualTo("0.1");
    assertThat(Aggregations.countValuesLabelValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }
}
