package dev.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoFloatTest {
  /** Override with -Dtests.seed=N to replay or vary the random tests; failures print the seed. */
  private static final long SEED = Long.getLong("tests.seed", 0x5eed_F10a7L);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1000000, 1e+06",
    "100000, 100000",
    "999999, 999999",
    "1234567, 1.234567e+06",
    "123456789, 1.23456789e+08",
    "0.0001, 0.0001",
    "0.000123, 0.000123",
    "0.00001, 1e-05",
    "1.5e-7, 1.5e-07",
    "0.1, 0.1",
    "0.3333333333333333, 0.3333333333333333",
    "1, 1",
    "100, 100",
    "-1.5, -1.5",
    "123.456, 123.456",
    "608863452348.1149, 6.088634523481149e+11",
    "9007199254740994, 9.007199254740994e+15",
    "1e21, 1e+21",
    "1e100, 1e+100",
    "1e-100, 1e-100",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "2.2250738585072014e-308, 2.2250738585072014e-308",
    "4.9e-324, 5e-324",
  })
  void formatGMatchesGoPercentG(double value, String expected) {
    assertThat(GoFloat.formatG(value)).isEqualTo(expected);
  }

  @Test
  void formatGWritesSpecialValuesLikeGo() {
    assertThat(GoFloat.formatG(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloat.formatG(StaleMarker.STALE_NAN)).isEqualTo("NaN");
    assertThat(GoFloat.formatG(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloat.formatG(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(GoFloat.formatG(0.0)).isEqualTo("0");
    assertThat(GoFloat.formatG(-0.0)).isEqualTo("-0");
  }

  /** Values where JDK 17's Double.toString is longer than needed, not the closest, or subnormal. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "c37459eef50bea63, -9.165411812000722e+16",
    "43d88870f81dbaa1, 7.071148258783561e+18",
    "453055259ecf9252, 1.9744908237934773e+25",
    "c53cbfb2ff430c3e, -3.4755196861441603e+25",
    "0000000000000001, 5e-324",
    "0003fd3ed49bf21a, 5.54772097925523e-309",
    "0060000000000000, 7.120236347223045e-307",
    "0100000000000000, 7.291122019556398e-304",
  })
  void formatGCorrectsJdk17Digits(String bits, String expected) {
    assertThat(GoFloat.formatG(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16)))).isEqualTo(expected);
  }

  /** Shortest-closest digits from Python's repr (same rule as Go) for random bit patterns. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "8b9d2434e465e150, -9.936982866895821e-253",
    "7b6de07125b08a57, 3.5541757968048527e+286",
    "2a37e66a4bdccbe6, 2.605196629155131e-105",
    "ec8ee5c9cb16f17e, -8.321312234913834e+214",
    "39febf77cc2f0484, 2.425583335870091e-29",
    "3ff056ecb45fece7, 1.0212218328368239",
    "407786e695f937c8, 376.43129536963215",
    "40f909b777a1cbc8, 102555.46670703508",
    "4116410f57dd4368, 364611.83580499",
    "0001eea23596fdda, 2.6870028323518e-309",
  })
  void formatGMatchesShortestDigitsOracle(String bits, String expected) {
    assertThat(GoFloat.formatG(Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16)))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1e21, 1000000000000000000000",
    "1e-7, 0.0000001",
    "123.456, 123.456",
    "-0.5, -0.5",
    "1000000, 1000000",
    "3.5541757968048527e+26, 355417579680485300000000000",
    "1.2345678901234567e+25, 12345678901234566000000000",
  })
  void formatShortestMatchesGoFormatFloatF(double value, String expected) {
    assertThat(GoFloat.formatShortest(value)).isEqualTo(expected);
  }

  @Test
  void formatShortestWritesSpecialValuesLikeGo() {
    assertThat(GoFloat.formatShortest(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloat.formatShortest(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloat.formatShortest(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(GoFloat.formatShortest(-0.0)).isEqualTo("-0");
  }

  @Test
  void formatShortestWritesTheSmallestSubnormalInFull() {
    assertThat(GoFloat.formatShortest(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "5");
  }

  @Test
  void randomDoublesFormatAsTheShortestThenClosestDecimal() {
    Random random = new Random(SEED);
    for (int i = 0; i < 40_000; i++) {
      // Random bit patterns cover every exponent; uniform values the 16-17 digit rates and ratios
      // that queries produce most.
      double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * 1e6;
      if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
        continue;
      }
      String text = GoFloat.formatG(v);
      String context = "seed " + SEED + ", bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ", text " + text;
      assertThat(Double.parseDouble(text)).as(context).isEqualTo(v);

      BigDecimal exact = new BigDecimal(Math.abs(v));
      int digits = new BigDecimal(text).stripTrailingZeros().precision();
      if (digits > 1) {
        boolean shorterReadsBack = readsBack(exact, digits - 1, RoundingMode.FLOOR, v)
            || readsBack(exact, digits - 1, RoundingMode.CEILING, v);
        assertThat(shorterReadsBack)
            .as("a shorter decimal reads back too: " + context)
            .isFalse();
      }
      BigDecimal chosen = new BigDecimal(text).abs();
      for (RoundingMode side : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(digits, side));
        if (candidate.doubleValue() == Math.abs(v)) {
          assertThat(chosen.subtract(exact).abs()).as("a closer decimal exists: " + context)
              .isLessThanOrEqualTo(candidate.subtract(exact).abs());
        }
      }
    }
  }

  @Test
  void formatShortestIntoWritesTheSameTextWithoutAllocating() {
    Random random = new Random(SEED);
    char[] out = new char[GoFloat.FIXED_TEXT_CAPACITY];
    for (int i = 0; i < 40_000; i++) {
      double magnitude = Math.pow(10, -6 + random.nextInt(27));
      double v = (random.nextBoolean() ? -1 : 1) * random.nextDouble() * magnitude;
      if (i % 7 == 0) {
        v = Math.rint(v);
      }
      if (Math.abs(v) >= 1e21 || (v != 0 && Math.abs(v) < 1e-6)) {
        continue;
      }
      assertThat(new String(out, 0, GoFloat.formatShortestInto(v, out)))
          .as("seed " + SEED + ", bits " + Long.toHexString(Double.doubleToRawLongBits(v)))
          .isEqualTo(GoFloat.formatShortest(v));
    }
  }

  private static boolean readsBack(BigDecimal exact, int digits, RoundingMode mode, double v) {
    return exact.round(new MathContext(digits, mode)).doubleValue() == Math.abs(v);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1, 1.0",
    "-1.5, -1.5",
    "+2, 2.0",
    ".5, 0.5",
    "5., 5.0",
    "1e3, 1000.0",
    "1E-3, 0.001",
    "1e+03, 1000.0",
    "0001.2500, 1.25",
    "123456789012345678901234567890, 1.2345678901234568E29",
    "4.9e-324, 4.9E-324",
    "2.2250738585072011e-308, 2.225073858507201E-308",
    "17.0, 17.0",
    "1520879607.789, 1.520879607789E9",
    "7.424100000000001e-05, 7.424100000000001E-5",
  })
  void parsesDecimalSyntax(String text, double expected) {
    assertThat(GoFloat.parse(text)).isEqualTo(expected);
  }

  @Test
  void parsesNegativeZeroWithItsSign() {
    assertThat(Double.doubleToRawLongBits(GoFloat.parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Double.doubleToRawLongBits(GoFloat.parse("-0.000"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void parsesUnderflowAsZeroWithoutError() {
    assertThat(GoFloat.parse("1e-400")).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(GoFloat.parse("-1e-400"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"inf", "Inf", "+Inf", "INF", "infinity", "+Infinity", "iNfInItY"})
  void parsesPositiveInfinityInAnyCase(String text) {
    assertThat(GoFloat.parse(text)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-inf", "-Inf", "-INFINITY"})
  void parsesNegativeInfinityInAnyCase(String text) {
    assertThat(GoFloat.parse(text)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "NAN", "nAn"})
  void parsesNaNWithGoBits(String text) {
    assertThat(Double.doubleToRawLongBits(GoFloat.parse(text))).isEqualTo(GoFloat.NORMAL_NAN_BITS);
  }

  /** Go's strconv lets a sign precede inf but not nan. */
  @ParameterizedTest
  @ValueSource(strings = {"+NaN", "-nan"})
  void rejectsSignedNaN(String text) {
    assertThatThrownBy(() -> GoFloat.parse(text)).isInstanceOf(NumberFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", " 1", "1 ", "\t1", "1\n", "1d", "1f", "1D", "1F", "0x10", "NaNx", "infin", "infinityy", "in",
    ".", "e5", "1e", "1e+", "+", "-", "1.2.3", "--1", "+-1", "1e1.5", "\u0661", "\u0131nf", "１", "1,5", "true",
  })
  void rejectsWhatGoRejects(String text) {
    assertThatThrownBy(() -> GoFloat.parse(text))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("invalid syntax");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1p3", "0x1P-3", "1_000", "1e1_0", "p"})
  void rejectsHexFloatsAndDigitSeparatorsLikePrometheus(String text) {
    assertThatThrownBy(() -> GoFloat.parse(text))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageStartingWith("unsupported character in float")
        .hasMessageContaining(text);
  }

  @Test
  void syntaxErrorNamesTheInputGoQuoted() {
    assertThatThrownBy(() -> GoFloat.parse("1\t2"))
        .hasMessage("strconv.ParseFloat: parsing \"1\\t2\": invalid syntax");
  }

  @Test
  void rejectsValuesBeyondTheDoubleRangeLikeGo() {
    assertThatThrownBy(() -> GoFloat.parse("1e309"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessage("strconv.ParseFloat: parsing \"1e309\": value out of range");
    assertThatThrownBy(() -> GoFloat.parse("-1.7976931348623159e308"))
        .hasMessageEndingWith("value out of range");
  }

  @Test
  void byteParserReadsOnlyItsSlice() {
    byte[] buf = "xx-12.5e1yy".getBytes(StandardCharsets.US_ASCII);
    assertThat(GoFloat.parse(buf, 2, 7)).isEqualTo(-125.0);
  }

  @Test
  void byteParserReportsErrorsLikeTheStringParser() {
    byte[] buf = "1z".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> GoFloat.parse(buf, 0, 2))
        .hasMessage("strconv.ParseFloat: parsing \"1z\": invalid syntax");
  }

  @Test
  void byteParserAgreesWithJavaOnRandomDecimals() {
    Random random = new Random(SEED);
    for (int i = 0; i < 50_000; i++) {
      String text = randomDecimal(random);
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      assertThat(Double.doubleToRawLongBits(GoFloat.parse(bytes, 0, bytes.length)))
          .as("seed %d, text %s", SEED, text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  private static String randomDecimal(Random random) {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(4) == 0) {
      sb.append(random.nextBoolean() ? '-' : '+');
    }
    int intDigits = random.nextInt(12);
    for (int i = 0; i < intDigits; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    int fractionDigits = intDigits == 0 ? 1 + random.nextInt(10) : random.nextInt(10);
    if (fractionDigits > 0 || random.nextBoolean()) {
      sb.append('.');
    }
    for (int i = 0; i < fractionDigits; i++) {
      sb.append((char) ('0' + random.nextInt(10)));
    }
    if (random.nextInt(3) == 0) {
      sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(60) - 30);
    }
    return sb.toString();
  }
}
