package dev.vigil.it.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {
  private static final QueryCase INSTANT = QueryCase.instant("demo_memory_usage_bytes", 1_000_000);
  private static final QueryCase SORTED = QueryCase.instant("sort(demo_memory_usage_bytes)", 1_000_000);
  private static final QueryCase RANGE = QueryCase.range("demo_memory_usage_bytes", 1_000_000, 1_060_000, 30_000);

  private final ResultComparator comparator = new ResultComparator("prometheus", "vigil");

  @Test
  void valuesWithinOneBillionthRelativeAgree() {
    assertThat(ResultComparator.sameValue("1000000000", "1000000000.9")).isTrue();
    assertThat(ResultComparator.sameValue("1000000000", "1000000001.1")).isFalse();
    assertThat(ResultComparator.sameValue("0", "1e-300")).isFalse();
  }

  @Test
  void nanEqualsOnlyNanAndAnInfinityOnlyItself() {
    assertThat(ResultComparator.sameValue("NaN", "NaN")).isTrue();
    assertThat(ResultComparator.sameValue("NaN", "0")).isFalse();
    assertThat(ResultComparator.sameValue("+Inf", "+Inf")).isTrue();
    assertThat(ResultComparator.sameValue("+Inf", "-Inf")).isFalse();
    assertThat(ResultComparator.sameValue("+Inf", "1e308")).isFalse();
  }

  @Test
  void anUnorderedVectorComparesAsASet() {
    assertThat(compare(INSTANT, vector(series("a", "1"), series("b", "2")), vector(series("b", "2"), series("a", "1")))
        .same()).isTrue();
  }

  @Test
  void aSortedVectorMustListTheSameValuesInTheSameOrder() {
    assertThat(compare(SORTED, vector(series("a", "1"), series("b", "2")), vector(series("b", "2"), series("a", "1")))
        .difference()).startsWith("order: position 0");
  }

  @Test
  void seriesWithEqualValuesMaySwapInASortedVector() {
    assertThat(compare(SORTED, vector(series("a", "1"), series("b", "1")), vector(series("b", "1"), series("a", "1")))
        .same()).isTrue();
  }

  @Test
  void aRangeResultMustListItsSeriesInTheSameOrder() {
    String a = "{\"metric\":{\"x\":\"a\"},\"values\":[[1000,\"1\"]]}";
    String b = "{\"metric\":{\"x\":\"b\"},\"values\":[[1000,\"1\"]]}";
    assertThat(compare(RANGE, matrix(a, b), matrix(a, b)).same()).isTrue();
    assertThat(compare(RANGE, matrix(a, b), matrix(b, a)).difference()).startsWith("order: series 0");
  }

  @Test
  void timestampsMustMatchExactly() {
    String e = "{\"metric\":{},\"values\":[[1000.5,\"1\"]]}";
    String a = "{\"metric\":{},\"values\":[[1000.500,\"1\"]]}";
    String off = "{\"metric\":{},\"values\":[[1000.501,\"1\"]]}";
    assertThat(compare(RANGE, matrix(e), matrix(a)).same()).isTrue();
    assertThat(compare(RANGE, matrix(e), matrix(off)).difference()).contains("point 0");
  }

  @Test
  void aMissingOrExtraSeriesIsNamed() {
    assertThat(compare(INSTANT, vector(series("a", "1"), series("b", "2")), vector(series("a", "1"))).difference())
        .isEqualTo("series {x=\"b\"} only in prometheus (2 series vs 1)");
    assertThat(compare(INSTANT, vector(series("a", "1")), vector(series("a", "1"), series("c", "2"))).difference())
        .isEqualTo("series {x=\"c\"} only in vigil (1 series vs 2)");
  }

  @Test
  void failuresAgreeOnTheErrorTypeWhateverTheirTexts() {
    ResultComparator.Comparison sameType = compare(INSTANT, error("bad_data", "parse error at char 3"),
        error("bad_data", "unexpected end of input"));
    assertThat(sameType.same()).isTrue();
    assertThat(sameType.note()).contains("parse error at char 3").contains("unexpected end of input");
    assertThat(compare(INSTANT, error("bad_data", "x"), error("execution", "x")).difference()).startsWith("errorType");
  }

  @Test
  void successAgainstFailureDiffers() {
    assertThat(compare(INSTANT, vector(series("a", "1")), error("execution", "boom")).difference())
        .isEqualTo("status: prometheus success vector, vigil error execution \"boom\"");
  }

  @Test
  void theResultTypeMustMatch() {
    String scalar = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1000,\"1\"]}}";
    assertThat(compare(INSTANT, scalar, vector(series("a", "1"))).difference())
        .isEqualTo("resultType: prometheus scalar, vigil vector");
  }

  @Test
  void theNumberOfWarningsMustMatch() {
    String warned = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]},\"warnings\":[\"w\"]}";
    assertThat(compare(INSTANT, warned, vector()).difference()).startsWith("warnings");
  }

  @Test
  void aResponseThatIsNotJsonDiffers() {
    assertThat(comparator.compare(INSTANT, response(vector()), new ResultComparator.ApiResponse(404,
        "404 page not found".getBytes(StandardCharsets.UTF_8))).difference())
        .startsWith("not a JSON response").contains("vigil HTTP 404 404 page not found");
  }

  private ResultComparator.Comparison compare(QueryCase c, String expected, String actual) {
    return comparator.compare(c, response(expected), response(actual));
  }

  private static ResultComparator.ApiResponse response(String body) {
    return new ResultComparator.ApiResponse(body.contains("\"error\"") ? 400 : 200, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String series(String x, String value) {
    return "{\"metric\":{\"x\":\"" + x + "\"},\"value\":[1000,\"" + value + "\"]}";
  }

  private static String vector(String... series) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + String.join(",", series) + "]}}";
  }

  private static String matrix(String... series) {
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + String.join(",", series) + "]}}";
  }

  private static String error(String type, String text) {
    return "{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":\"" + text + "\"}";
  }
}
