package dev.vigil.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ElementFunctionsTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static double apply(String name, double v, double... params) {
    return ElementFunctions.byName(name).apply(v, params);
  }

  @Test
  void unknownAndRangeFunctionsAreNotElementFunctions() {
    assertThat(ElementFunctions.byName("rate")).isNull();
  }

  @Test
  void expOfTen() {
    assertThat(apply("exp", 10)).isCloseTo(22026.465794806718, withinPercentage(1e-10));
  }

  @Test
  void lnOfZeroIsNegativeInfinityAndOfNegativesNaN() {
    assertThat(apply("ln", 0)).isEqualTo(-INF);
    assertThat(apply("ln", -10)).isNaN();
  }

  @Test
  void sqrtOfANegativeIsNaN() {
    assertThat(apply("sqrt", -1)).isNaN();
  }

  @Test
  void roundTiesGoUp() {
    assertThat(apply("round", 2.5)).isEqualTo(3);
    assertThat(apply("round", -2.5)).isEqualTo(-2);
  }

  @Test
  void roundToANearestMultiple() {
    assertThat(apply("round", 1.2345, 0.01)).isEqualTo(1.23);
  }

  @Test
  void roundToZeroIsNaN() {
    assertThat(apply("round", 7, 0)).isNaN();
  }

  @Test
  void sgnKeepsZeroAndNaN() {
    assertThat(apply("sgn", -0.0)).isEqualTo(-0.0);
    assertThat(apply("sgn", NAN)).isNaN();
  }

  @Test
  void sgnOfInfinities() {
    assertThat(apply("sgn", -INF)).isEqualTo(-1);
    assertThat(apply("sgn", INF)).isEqualTo(1);
  }

  @Test
  void degAndRad() {
    assertThat(apply("deg", 1)).isEqualTo(57.29577951308232);
    assertThat(apply("rad", 180)).isEqualTo(Math.PI);
  }

  @Test
  void ceilOfASmallNegativeIsNegativeZero() {
    assertThat(apply("ceil", -0.5)).isEqualTo(-0.0);
  }

  @Test
  void clampLimitsBothSides() {
    assertThat(apply("clamp", -50, -25, 75)).isEqualTo(-25);
    assertThat(apply("clamp", 100, -25, 75)).isEqualTo(75);
  }

  @Test
  void clampWithANaNLimitIsNaN() {
    assertThat(apply("clamp", 0, 0, NAN)).isNaN();
    assertThat(apply("clamp", 0, NAN, 0)).isNaN();
  }

  @Test
  void clampMinToInfinityBeatsNaN() {
    assertThat(apply("clamp_min", NAN, INF)).isEqualTo(INF);
  }

  @Test
  void clampMaxToMinusInfinityBeatsNaN() {
    assertThat(apply("clamp_max", NAN, -INF)).isEqualTo(-INF);
  }

  @Test
  void clampMaxKeepsNegativeZeroBelowZero() {
    assertThat(apply("clamp_max", -0.0, 0)).isEqualTo(-0.0);
  }

  @Test
  void dateFieldsOfATimestamp() {
    double t = 1136239445; // 2006-01-02 22:04:05 UTC, a Monday
    assertThat(apply("year", t)).isEqualTo(2006);
    assertThat(apply("month", t)).isEqualTo(1);
    assertThat(apply("day_of_month", t)).isEqualTo(2);
    assertThat(apply("day_of_year", t)).isEqualTo(2);
    assertThat(apply("day_of_week", t)).isEqualTo(1);
    assertThat(apply("hour", t)).isEqualTo(22);
    assertThat(apply("minute", t)).isEqualTo(4);
    assertThat(apply("days_in_month", t)).isEqualTo(31);
  }

  @Test
  void theEpochIsAThursday() {
    assertThat(apply("day_of_week", 0)).isEqualTo(4);
  }

  @Test
  void februaryOfALeapYearHas29Days() {
    assertThat(apply("days_in_month", 1454284800)).isEqualTo(29);
    assertThat(apply("days_in_month", 1485907200)).isEqualTo(28);
  }

  @Test
  void leapDayAndTheDayAfter() {
    assertThat(apply("day_of_month", 1456790399)).isEqualTo(29);
    assertThat(apply("month", 1456790400)).isEqualTo(3);
  }

  @Test
  void lastDayOfALeapYearIsDay366() {
    assertThat(apply("day_of_year", 1483191420)).isEqualTo(366);
  }

  @Test
  void fractionsTruncateTowardsZeroSoMinusOneAndAHalfIsTheSecondBeforeTheEpoch() {
    assertThat(apply("year", -1.5)).isEqualTo(1969);
    assertThat(apply("minute", -1.5)).isEqualTo(59);
  }

  @Test
  void minusAHalfTruncatesToTheEpoch() {
    assertThat(apply("year", -0.5)).isEqualTo(1970);
  }

  @Test
  void yearZeroExists() {
    assertThat(apply("year", -62135596801.0)).isEqualTo(0);
    assertThat(apply("day_of_year", -62135596801.0)).isEqualTo(366);
  }

  @Test
  void theEarliestYearGoCanShow() {
    double t = -9.2233720287e18;
    assertThat(apply("year", t)).isEqualTo(-292277022399.0);
    assertThat(apply("month", t)).isEqualTo(6);
    assertThat(apply("day_of_month", t)).isEqualTo(27);
    assertThat(apply("day_of_week", t)).isEqualTo(3);
    assertThat(apply("hour", t)).isEqualTo(7);
    assertThat(apply("minute", t)).isEqualTo(55);
    assertThat(apply("days_in_month", t)).isEqualTo(30);
  }

  @Test
  void nanWrapsAroundToGosFarFuture() {
    assertThat(apply("year", NAN)).isEqualTo(292277026596.0);
    assertThat(apply("month", NAN)).isEqualTo(12);
    assertThat(apply("day_of_month", NAN)).isEqualTo(4);
    assertThat(apply("day_of_year", NAN)).isEqualTo(339);
    assertThat(apply("day_of_week", NAN)).isEqualTo(0);
    assertThat(apply("hour", NAN)).isEqualTo(15);
    assertThat(apply("minute", NAN)).isEqualTo(30);
    assertThat(apply("days_in_month", NAN)).isEqualTo(31);
  }

  @Test
  void outOfRangeTimesBehaveLikeNaN() {
    assertThat(apply("year", 1e19)).isEqualTo(292277026596.0);
    assertThat(apply("year", -1e19)).isEqualTo(292277026596.0);
  }
}
