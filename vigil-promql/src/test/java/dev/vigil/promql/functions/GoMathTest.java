package dev.vigil.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Go's special cases, each checked against what Prometheus 2.42 (amd64) answers. */
class GoMathTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void powOfAnythingToZeroIsOne() {
    assertThat(GoMath.pow(NAN, 0)).isEqualTo(1);
  }

  @Test
  void powOfOneToNaNIsOne() {
    assertThat(GoMath.pow(1, NAN)).isEqualTo(1);
  }

  @Test
  void powOfOneToInfinityIsOne() {
    assertThat(GoMath.pow(1, INF)).isEqualTo(1);
  }

  @Test
  void powOfMinusOneToEitherInfinityIsOne() {
    assertThat(GoMath.pow(-1, INF)).isEqualTo(1);
    assertThat(GoMath.pow(-1, -INF)).isEqualTo(1);
  }

  @Test
  void powOfXToOneIsX() {
    assertThat(GoMath.pow(-7.5, 1)).isEqualTo(-7.5);
  }

  @Test
  void powWithNaNIsNaN() {
    assertThat(GoMath.pow(NAN, 2)).isNaN();
    assertThat(GoMath.pow(2, NAN)).isNaN();
  }

  @Test
  void powOfSignedZeroToANegativeOddIntegerIsSignedInfinity() {
    assertThat(GoMath.pow(0.0, -1)).isEqualTo(INF);
    assertThat(GoMath.pow(-0.0, -1)).isEqualTo(-INF);
  }

  @Test
  void powOfZeroToMinusInfinityIsInfinity() {
    assertThat(GoMath.pow(-0.0, -INF)).isEqualTo(INF);
  }

  @Test
  void powOfZeroToInfinityIsZero() {
    assertThat(GoMath.pow(-0.0, INF)).isEqualTo(0.0);
  }

  @Test
  void powOfZeroToANegativeNonOddIsPositiveInfinity() {
    assertThat(GoMath.pow(-0.0, -2)).isEqualTo(INF);
  }

  @Test
  void powOfSignedZeroToAPositiveOddIntegerKeepsTheSign() {
    assertThat(GoMath.pow(-0.0, 3)).isEqualTo(-0.0);
  }

  @Test
  void powOfZeroToAPositiveNonOddIsPositiveZero() {
    assertThat(GoMath.pow(-0.0, 2.5)).isEqualTo(0.0);
  }

  @Test
  void powOfLargeBaseToInfinities() {
    assertThat(GoMath.pow(2, INF)).isEqualTo(INF);
    assertThat(GoMath.pow(2, -INF)).isEqualTo(0.0);
  }

  @Test
  void powOfSmallBaseToInfinities() {
    assertThat(GoMath.pow(0.5, INF)).isEqualTo(0.0);
    assertThat(GoMath.pow(0.5, -INF)).isEqualTo(INF);
  }

  @Test
  void powOfInfinity() {
    assertThat(GoMath.pow(INF, 0.5)).isEqualTo(INF);
    assertThat(GoMath.pow(INF, -0.5)).isEqualTo(0.0);
    assertThat(GoMath.pow(-INF, 3)).isEqualTo(-INF);
    assertThat(GoMath.pow(-INF, -3)).isEqualTo(-0.0);
  }

  @Test
  void powOfNegativeBaseToAFractionIsNaN() {
    assertThat(GoMath.pow(-8, 1.0 / 3)).isNaN();
  }

  @Test
  void powOverflowsToInfinity() {
    assertThat(GoMath.pow(2, 1024)).isEqualTo(INF);
  }

  @Test
  void modKeepsTheSignOfTheDividend() {
    assertThat(GoMath.mod(-5, 3)).isEqualTo(-2);
  }

  @Test
  void modByZeroIsNaN() {
    assertThat(GoMath.mod(5, 0)).isNaN();
  }

  @Test
  void modOfInfinityIsNaN() {
    assertThat(GoMath.mod(INF, 2)).isNaN();
  }

  @Test
  void modByInfinityIsTheDividend() {
    assertThat(GoMath.mod(5, -INF)).isEqualTo(5);
  }

  @Test
  void modWithNaNIsNaN() {
    assertThat(GoMath.mod(NAN, 2)).isNaN();
    assertThat(GoMath.mod(2, NAN)).isNaN();
  }

  @Test
  void modOfNegativeZeroIsNegativeZero() {
    assertThat(GoMath.mod(-0.0, 5)).isEqualTo(-0.0);
  }

  @Test
  void expOverflowsWhereTheScaledExponentReaches1024() {
    assertThat(GoMath.exp(709.4361)).isCloseTo(1.2711110465621931e+308, withinPercentage(1e-10));
    assertThat(GoMath.exp(709.4362)).isEqualTo(INF);
  }

  @Test
  void expUnderflowsGraduallyLikeFdlibm() {
    assertThat(GoMath.exp(-745)).isEqualTo(Double.MIN_VALUE);
    assertThat(GoMath.exp(-745.2)).isEqualTo(0.0);
  }

  @Test
  void logOfASubnormalReadsTheExponentAsMinus1022() {
    assertThat(GoMath.log(1e-310)).isCloseTo(-709.0850815488945, withinPercentage(1e-10));
  }

  @Test
  void log10OfAPowerOfTenIsExact() {
    assertThat(GoMath.log10(1000)).isEqualTo(3);
  }

  @Test
  void log10SharesTheSubnormalQuirk() {
    assertThat(GoMath.log10(Double.MIN_VALUE)).isCloseTo(-307.9536855642528, withinPercentage(1e-10));
  }

  @Test
  void log2OfAPowerOfTwoIsExactEvenWhenSubnormal() {
    assertThat(GoMath.log2(8)).isEqualTo(3);
    assertThat(GoMath.log2(Double.MIN_VALUE)).isEqualTo(-1074);
  }

  @Test
  void log2OfZeroAndNegatives() {
    assertThat(GoMath.log2(0)).isEqualTo(-INF);
    assertThat(GoMath.log2(-1)).isNaN();
  }

  @Test
  void sinhOverflowsWithExp() {
    assertThat(GoMath.sinh(710)).isEqualTo(INF);
    assertThat(GoMath.sinh(-710)).isEqualTo(-INF);
  }

  @Test
  void coshOverflowsWithExp() {
    assertThat(GoMath.cosh(-710)).isEqualTo(INF);
  }

  @Test
  void asinhKeepsTheSignOfZero() {
    assertThat(GoMath.asinh(-0.0)).isEqualTo(-0.0);
  }

  @Test
  void asinhOfLargeValues() {
    assertThat(GoMath.asinh(1e300)).isCloseTo(691.4686750787736, withinPercentage(1e-10));
  }

  @Test
  void acoshBelowOneIsNaN() {
    assertThat(GoMath.acosh(0.5)).isNaN();
  }

  @Test
  void acoshOfOneIsZero() {
    assertThat(GoMath.acosh(1)).isEqualTo(0);
  }

  @Test
  void atanhOfOneIsInfinity() {
    assertThat(GoMath.atanh(1)).isEqualTo(INF);
    assertThat(GoMath.atanh(-1)).isEqualTo(-INF);
  }

  @Test
  void atanhOutsideTheUnitIntervalIsNaN() {
    assertThat(GoMath.atanh(2)).isNaN();
  }

  @Test
  void maxPrefersPositiveInfinityOverNaN() {
    assertThat(GoMath.max(NAN, INF)).isEqualTo(INF);
  }

  @Test
  void minPrefersNegativeInfinityOverNaN() {
    assertThat(GoMath.min(-INF, NAN)).isEqualTo(-INF);
  }

  @Test
  void maxWithNaNOtherwiseIsNaN() {
    assertThat(GoMath.max(NAN, 1)).isNaN();
  }

  @Test
  void toInt64TruncatesTowardsZero() {
    assertThat(GoMath.toInt64(-1.5)).isEqualTo(-1);
  }

  @Test
  void toInt64OfNaNOrOutOfRangeIsTheSmallestInt64() {
    assertThat(GoMath.toInt64(NAN)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoMath.toInt64(1e19)).isEqualTo(Long.MIN_VALUE);
    assertThat(GoMath.toInt64(-1e19)).isEqualTo(Long.MIN_VALUE);
  }
}
