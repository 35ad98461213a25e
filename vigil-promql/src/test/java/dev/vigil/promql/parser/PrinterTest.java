package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.promql.ast.UnaryExpr;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Printing writes a parsed query in Prometheus 2.42's canonical one-line form; the expected texts
 * were read from a real Prometheus's {@code /api/v1/format_query}, which for queries of up to 100
 * bytes is that one-line form.
 */
class PrinterTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("canonicalForms")
  void writesTheCanonicalForm(String query, String printed) {
    assertThat(Printer.print(PromqlParser.parseExpr(query))).isEqualTo(printed);
  }

  @Test
  void writesPositiveInfinityWithASignThatReadsBackAsAnOperatorAsInPrometheus() {
    String printed = Printer.print(PromqlParser.parseExpr("Inf ^ 2"));

    assertThat(printed).isEqualTo("+Inf ^ 2");
    assertThat(PromqlParser.parseExpr(printed)).isInstanceOf(UnaryExpr.class);
  }

  static Stream<Arguments> canonicalForms() {
    return Stream.of(
      // numbers
      Arguments.of("1", "1"),
      Arguments.of("-1", "-1"),
      Arguments.of("+1", "1"),
      Arguments.of("- -1", "1"),
      Arguments.of("-0", "-0"),
      Arguments.of("0x1F", "31"),
      Arguments.of("0755", "493"),
      Arguments.of("08", "8"),
      Arguments.of("1e3", "1000"),
      Arguments.of("1E+3", "1000"),
      Arguments.of(".5", "0.5"),
      Arguments.of("5.", "5"),
      Arguments.of("1e6", "1e+06"),
      Arguments.of("123456789", "1.23456789e+08"),
      Arguments.of("1e-5", "1e-05"),
      Arguments.of("0.0001", "0.0001"),
      Arguments.of("1e21", "1e+21"),
      Arguments.of("Inf", "+Inf"),
      Arguments.of("-inf", "-Inf"),
      Arguments.of("NaN", "NaN"),
      Arguments.of("9223372036854775808", "9.223372036854776e+18"),
      // strings
      Arguments.of("\"a\\tb\"", "\"a\\tb\""),
      Arguments.of("'it\\'s'", "\"it's\""),
      Arguments.of("`raw\\n`", "\"raw\\\\n\""),
      Arguments.of("\"\\u00e9\\x41\\101\"", "\"\u00e9AA\""),
      Arguments.of("\"\\u0001\"", "\"\\x01\""),
      // selectors
      Arguments.of("foo", "foo"),
      Arguments.of("foo{}", "foo"),
      Arguments.of("{job=\"api\"}", "{job=\"api\"}"),
      Arguments.of("foo{z=\"1\", a=\"2\"}", "foo{a=\"2\",z=\"1\"}"),
      Arguments.of("{__name__=\"foo\", a=\"b\"}", "{__name__=\"foo\",a=\"b\"}"),
      Arguments.of("foo{a=~\"b|c\", a!~\"d\", a!=\"e\"}", "foo{a!=\"e\",a!~\"d\",a=~\"b|c\"}"),
      Arguments.of("a:b:c", "a:b:c"),
      Arguments.of("sum{x=\"y\"}", "sum{x=\"y\"}"),
      Arguments.of("by", "by"),
      Arguments.of("offset offset 5m", "offset offset 5m"),
      Arguments.of("foo offset 1h30m", "foo offset 1h30m"),
      Arguments.of("foo offset -5m", "foo offset -5m"),
      Arguments.of("foo offset 1y", "foo offset 1y"),
      Arguments.of("foo offset 14d", "foo offset 2w"),
      Arguments.of("foo offset 500ms", "foo offset 500ms"),
      Arguments.of("foo @ 1609746000", "foo @ 1609746000.000"),
      Arguments.of("foo @ 1.5", "foo @ 1.500"),
      Arguments.of("foo @ -1.5", "foo @ -1.500"),
      Arguments.of("foo @ 0.0005", "foo @ 0.001"),
      Arguments.of("foo @ start()", "foo @ start()"),
      Arguments.of("foo @ END()", "foo @ end()"),
      Arguments.of("foo offset 5m @ 10", "foo @ 10.000 offset 5m"),
      Arguments.of("foo @ 10 offset 5m", "foo @ 10.000 offset 5m"),
      // ranges and subqueries
      Arguments.of("foo[5m]", "foo[5m]"),
      Arguments.of("foo[90m]", "foo[1h30m]"),
      Arguments.of("foo[1h30m] offset 1d", "foo[1h30m] offset 1d"),
      Arguments.of("foo[5m] @ 100 offset 1m", "foo[5m] @ 100.000 offset 1m"),
      Arguments.of("foo @ start()[5m]", "foo[5m] @ start()"),
      Arguments.of("foo[5m:]", "foo[5m:]"),
      Arguments.of("foo[5m:1m]", "foo[5m:1m]"),
      Arguments.of("foo[5m y]", "foo[5m:]"),
      Arguments.of("rate(foo[5m])[30m:1m] offset -1h @ end()", "rate(foo[5m])[30m:1m] @ end() offset -1h"),
      Arguments.of("(foo + bar)[1h:]", "(foo + bar)[1h:]"),
      // aggregations
      Arguments.of("sum(foo)", "sum(foo)"),
      Arguments.of("SUM(foo)", "sum(foo)"),
      Arguments.of("sum by (job) (foo)", "sum by (job) (foo)"),
      Arguments.of("sum(foo) by (job)", "sum by (job) (foo)"),
      Arguments.of("sum without (job) (foo)", "sum without (job) (foo)"),
      Arguments.of("sum without () (foo)", "sum without () (foo)"),
      Arguments.of("sum by () (foo)", "sum(foo)"),
      Arguments.of("sum by (job,) (foo)", "sum by (job) (foo)"),
      Arguments.of("topk(3, foo)", "topk(3, foo)"),
      Arguments.of("quantile(0.9, foo)", "quantile(0.9, foo)"),
      Arguments.of("count_values(\"value\", foo)", "count_values(\"value\", foo)"),
      Arguments.of("sum by (BY, On, bool) (foo)", "sum by (BY, On, bool) (foo)"),
      // operators
      Arguments.of("a + b * c", "a + b * c"),
      Arguments.of("(a + b) * c", "(a + b) * c"),
      Arguments.of("a - b - c", "a - b - c"),
      Arguments.of("2 ^ 3 ^ 2", "2 ^ 3 ^ 2"),
      Arguments.of("-2 ^ 2", "-2 ^ 2"),
      Arguments.of("2 ^ -2", "2 ^ -2"),
      Arguments.of("-foo", "-foo"),
      Arguments.of("+foo", "+foo"),
      Arguments.of("a and b or c unless d", "a and b or c unless d"),
      Arguments.of("a atan2 b", "a atan2 b"),
      Arguments.of("a == bool b", "a == bool b"),
      Arguments.of("1 < bool 2", "1 < bool 2"),
      Arguments.of("a / on (job) b", "a / on (job) b"),
      Arguments.of("a / on () b", "a / on () b"),
      Arguments.of("a / ignoring (job) b", "a / ignoring (job) b"),
      Arguments.of("a / ignoring () b", "a / b"),
      Arguments.of("a * on (job) group_left (team) b", "a * on (job) group_left (team) b"),
      Arguments.of("a * on (job) group_right b", "a * on (job) group_right () b"),
      Arguments.of("a * on (job) group_left c", "a * on (job) group_left () c"),
      Arguments.of("a and on (job) b", "a and on (job) b"),
      Arguments.of("1 + on () 2", "1 + 2"),
      Arguments.of("a + ignoring () 1", "a + 1"),
      // functions
      Arguments.of("time()", "time()"),
      Arguments.of("rate(foo[5m])", "rate(foo[5m])"),
      Arguments.of("label_join(foo, \"dst\", \",\", \"a\", \"b\")", "label_join(foo, \"dst\", \",\", \"a\", \"b\")"),
      Arguments.of("round(foo)", "round(foo)"),
      Arguments.of("round(foo, 5)", "round(foo, 5)"),
      Arguments.of("histogram_quantile(0.9, sum by (le) (rate(foo_bucket[5m])))", "histogram_quantile(0.9, sum by (le) (rate(foo_bucket[5m])))"),
      // comments and whitespace
      Arguments.of("foo # comment\n  + bar", "foo + bar"),
      Arguments.of("sum(\n  foo\n)", "sum(foo)")
    );
  }
}
