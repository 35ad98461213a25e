package dev.vigil.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.labels.Labels;
import dev.vigil.promql.value.InstantVector;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.RangeSeries;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.StringValue;
import dev.vigil.promql.value.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueJsonTest {
  private static String json(Value value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = ApiJson.writer(out)) {
      ValueJson.writeQueryData(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} ms is written {1}")
  @CsvSource({"1435781451781, 1435781451.781", "1435781451780, 1435781451.780", "1435781451005, 1435781451.005",
      "1435781451000, 1435781451", "0, 0", "-1500, -1.500", "7, 0.007"})
  void pointTimesAreExactMilliseconds(long millis, String text) {
    char[] out = new char[24];
    assertThat(new String(out, 0, ValueJson.pointTime(millis, out))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({"1, 1", "0.1, 0.1", "1e-6, 0.000001", "1e-7, 1e-07", "1.5e-7, 1.5e-07", "1e20, 100000000000000000000",
      "1e21, 1e+21", "-2.5e300, -2.5e+300", "-0.0, -0", "0, 0", "NaN, NaN", "Infinity, +Inf", "-Infinity, -Inf",
      "123456789.125, 123456789.125"})
  void pointValuesUseGoFloatTextWithExponentsAtTheExtremes(double value, String text) {
    assertThat(ValueJson.goNumber(value)).isEqualTo(text);
  }

  @Test
  void scalarUsesGoFloatForTimeAndPlainDecimalsForTheValue() {
    assertThat(json(new Scalar(1435781451780L, 1e-7)))
        .isEqualTo("{\"resultType\":\"scalar\",\"result\":[1435781451.78,\"0.0000001\"]}");
  }

  @Test
  void stringIsEscapedAsGoEscapesIt() {
    assertThat(json(new StringValue(1000, "<a&b>\u2028\b\f\t\u0001\"\\é🚀")))
        .isEqualTo("{\"resultType\":\"string\",\"result\":[1,"
            + "\"\\u003ca\\u0026b\\u003e\\u2028\\u0008\\u000c\\t\\u0001\\\"\\\\é🚀\"]}");
  }

  @Test
  void vectorHasMetricThenValue() {
    Value v = new InstantVector(List.of(new Sample(Labels.of("__name__", "up", "job", "a"), 1500, Double.NaN)));
    assertThat(json(v)).isEqualTo("{\"resultType\":\"vector\",\"result\":"
        + "[{\"metric\":{\"__name__\":\"up\",\"job\":\"a\"},\"value\":[1.500,\"NaN\"]}]}");
  }

  @Test
  void matrixListsValuesAndLeavesThemOutForAnEmptySeries() {
    Value m = new Matrix(List.of(
        new RangeSeries(Labels.of("a", "1"), new long[] {1000, 2000, 0}, new double[] {1, Double.POSITIVE_INFINITY, 0}, 2),
        new RangeSeries(Labels.EMPTY, new long[0], new double[0], 0)));
    assertThat(json(m)).isEqualTo("{\"resultType\":\"matrix\",\"result\":["
        + "{\"metric\":{\"a\":\"1\"},\"values\":[[1,\"1\"],[2,\"+Inf\"]]},{\"metric\":{}}]}");
  }

  @Test
  void emptyResultsAreEmptyArrays() {
    assertThat(json(new InstantVector(List.of()))).isEqualTo("{\"resultType\":\"vector\",\"result\":[]}");
    assertThat(json(new Matrix(List.of()))).isEqualTo("{\"resultType\":\"matrix\",\"result\":[]}");
  }
}
