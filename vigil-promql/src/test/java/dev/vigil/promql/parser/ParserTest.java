package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Matcher;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AggregateOp;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import dev.vigil.promql.ast.VectorSelector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The trees the parser builds: literals, precedence, selectors, modifiers, aggregations, calls. */
class ParserTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "42, 42",
      "0x1F, 31",
      "0X1f, 31",
      "0755, 493",
      "08, 8",
      "1.5, 1.5",
      ".5, 0.5",
      "5., 5",
      "1e3, 1000",
      "1E-2, 0.01",
      "2.5e+2, 250",
      "9223372036854775808, 9.223372036854775808E18",
      "Inf, Infinity",
      "iNF, Infinity",
      "-inf, -Infinity",
      "1e-400, 0",
  })
  void readsEveryNumberForm(String query, double value) {
    assertThat(((NumberLiteral) PromqlParser.parseExpr(query)).value()).isEqualTo(value);
  }

  @Test
  void readsNanInAnyCase() {
    assertThat(((NumberLiteral) PromqlParser.parseExpr("nAn")).value()).isNaN();
  }

  @Test
  void foldsASignIntoTheNumberAfterIt() {
    assertThat(PromqlParser.parseExpr("- 1")).isEqualTo(new NumberLiteral(-1, new PositionRange(0, 3)));
  }

  @Test
  void keepsASignBeforeParenthesesAsAnOperator() {
    assertThat(PromqlParser.parseExpr("-(1)")).isInstanceOf(UnaryExpr.class);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("quotedStrings")
  void unquotesStringsAsGoDoes(String query, String value) {
    assertThat(((StringLiteral) PromqlParser.parseExpr(query)).value()).isEqualTo(value);
  }

  static Stream<Arguments> quotedStrings() {
    return Stream.of(
        Arguments.of("\"a\\tb\\n\"", "a\tb\n"),
        Arguments.of("'it\\'s'", "it's"),
        Arguments.of("\"say \\\"hi\\\"\"", "say \"hi\""),
        Arguments.of("`C:\\dir\\n`", "C:\\dir\\n"),
        Arguments.of("\"\\x41\\101\\u00e9\"", "AA\u00e9"),
        Arguments.of("\"\\U0001F600\"", "\uD83D\uDE00"),
        Arguments.of("\"\\a\\b\\f\\r\\v\\\\\"", "\u0007\b\f\r\u000b\\"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "a + b * c                     | (a + (b * c))",
      "a - b - c                     | ((a - b) - c)",
      "a / b % c * d                 | (((a / b) % c) * d)",
      "2 ^ 3 ^ 2                     | (2 ^ (3 ^ 2))",
      "-2 ^ 2                        | -(2 ^ 2)",
      "-a * b                        | (-a * b)",
      "a * -b ^ c                    | (a * -(b ^ c))",
      "2 ^ -1 * 3                    | ((2 ^ -1) * 3)",
      "a == b == c                   | ((a == b) == c)",
      "a + b > c - d                 | ((a + b) > (c - d))",
      "a or b and c unless d         | (a or ((b and c) unless d))",
      "a atan2 b * c                 | ((a atan2 b) * c)",
      "a > bool b + c                | (a > bool (b + c))",
  })
  void bindsOperatorsByPrecedence(String query, String shape) {
    assertThat(shape(PromqlParser.parseExpr(query))).isEqualTo(shape);
  }

  @Test
  void bindsModifiersTighterThanAnyOperator() {
    BinaryExpr sum = (BinaryExpr) PromqlParser.parseExpr("a + b offset 5m");

    assertThat(((VectorSelector) sum.rhs()).offsetMillis()).isEqualTo(300_000);
  }

  @Test
  void addsTheMetricNameAsTheLastMatcher() {
    VectorSelector selector = (VectorSelector) PromqlParser.parseExpr("up{job=\"api\",instance!~\"x\"}");

    assertThat(selector.name()).isEqualTo("up");
    assertThat(selector.matchers()).containsExactly(
        Matcher.equal("job", "api"), Matcher.notRegex("instance", "x"), Matcher.equal("__name__", "up"));
  }

  @Test
  void readsKeywordsAsMetricNamesWhereAnExpressionStarts() {
    assertThat(((VectorSelector) PromqlParser.parseExpr("offset")).name()).isEqualTo("offset");
    assertThat(((VectorSelector) PromqlParser.parseExpr("sum{a=\"b\"}")).name()).isEqualTo("sum");
  }

  @Test
  void readsKeywordsInAnyCase() {
    AggregateExpr aggregate = (AggregateExpr) PromqlParser.parseExpr("SUM BY (Job) (foo OFFSET 1m)");

    assertThat(aggregate.op()).isEqualTo(AggregateOp.SUM);
    assertThat(aggregate.grouping()).containsExactly("Job");
    assertThat(((VectorSelector) aggregate.expr()).offsetMillis()).isEqualTo(60_000);
  }

  @Test
  void skipsComments() {
    assertThat(Printer.print(PromqlParser.parseExpr("# rate of requests\nrate(x[5m]) # per second"))).isEqualTo("rate(x[5m])");
  }

  @Test
  void readsANegativeOffset() {
    assertThat(((VectorSelector) PromqlParser.parseExpr("foo offset -1h30m")).offsetMillis()).isEqualTo(-5_400_000);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "foo @ 1609746000   | TIMESTAMP | 1609746000000",
      "foo @ 1.5          | TIMESTAMP | 1500",
      "foo @ -1.5         | TIMESTAMP | -1500",
      "foo @ +0.0005      | TIMESTAMP | 1",
      "foo @ -0.0005      | TIMESTAMP | -1",
      "foo @ start()      | START     | 0",
      "foo @ END ( )      | END       | 0",
  })
  void readsTheAtModifier(String query, AtModifier.Kind kind, long millis) {
    assertThat(((VectorSelector) PromqlParser.parseExpr(query)).at()).isEqualTo(new AtModifier(kind, millis));
  }

  @Test
  void keepsTheModifiersOfARangeOnItsSelector() {
    MatrixSelector matrix = (MatrixSelector) PromqlParser.parseExpr("foo[5m] @ 10 offset 1m");

    assertThat(matrix.rangeMillis()).isEqualTo(300_000);
    assertThat(matrix.selector().at()).isEqualTo(AtModifier.at(10_000));
    assertThat(matrix.selector().offsetMillis()).isEqualTo(60_000);
    assertThat(matrix.position()).isEqualTo(new PositionRange(0, 22));
  }

  @Test
  void readsASubqueryWithAndWithoutStep() {
    SubqueryExpr withStep = (SubqueryExpr) PromqlParser.parseExpr("rate(x[5m])[1h:30s] offset 1d @ end()");
    SubqueryExpr withoutStep = (SubqueryExpr) PromqlParser.parseExpr("x[1h:]");

    assertThat(withStep.rangeMillis()).isEqualTo(3_600_000);
    assertThat(withStep.stepMillis()).isEqualTo(30_000);
    assertThat(withStep.offsetMillis()).isEqualTo(86_400_000);
    assertThat(withStep.at()).isEqualTo(AtModifier.END);
    assertThat(withoutStep.stepMillis()).isZero();
  }

  @Test
  void readsALetterBetweenBracketsAsTheSubqueryColonAsPrometheusDoes() {
    assertThat(PromqlParser.parseExpr("foo[5m y]")).isInstanceOf(SubqueryExpr.class);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "sum by (job) (foo)       | false",
      "sum(foo) by (job)        | false",
      "sum without (job) (foo)  | true",
      "sum(foo) without (job)   | true",
  })
  void acceptsTheGroupingOnEitherSide(String query, boolean without) {
    AggregateExpr aggregate = (AggregateExpr) PromqlParser.parseExpr(query);

    assertThat(aggregate.grouping()).containsExactly("job");
    assertThat(aggregate.without()).isEqualTo(without);
  }

  @Test
  void takesTheParameterOfAnAggregationFirst() {
    AggregateExpr topk = (AggregateExpr) PromqlParser.parseExpr("topk(3, foo)");

    assertThat(topk.param()).isEqualTo(new NumberLiteral(3, new PositionRange(5, 6)));
    assertThat(topk.expr()).isInstanceOf(VectorSelector.class);
    assertThat(topk.position()).isEqualTo(new PositionRange(0, 12));
  }

  @Test
  void readsVectorMatching() {
    BinaryExpr div = (BinaryExpr) PromqlParser.parseExpr("a / on (job) group_left (team) b");

    assertThat(div.matching()).isEqualTo(
        new VectorMatching(Cardinality.MANY_TO_ONE, List.of("job"), true, List.of("team")));
  }

  @Test
  void makesSetOperatorsManyToMany() {
    BinaryExpr and = (BinaryExpr) PromqlParser.parseExpr("a and ignoring (job) b");

    assertThat(and.matching()).isEqualTo(new VectorMatching(Cardinality.MANY_TO_MANY, List.of("job"), false, List.of()));
  }

  @Test
  void dropsVectorMatchingWhenASideIsAScalar() {
    assertThat(((BinaryExpr) PromqlParser.parseExpr("a + on () 1")).matching()).isNull();
  }

  @Test
  void readsBool() {
    assertThat(((BinaryExpr) PromqlParser.parseExpr("a > bool 1")).returnBool()).isTrue();
  }

  @Test
  void resolvesFunctions() {
    Call call = (Call) PromqlParser.parseExpr("label_join(up, \"dst\", \",\", \"a\", \"b\")");

    assertThat(call.function().name()).isEqualTo("label_join");
    assertThat(call.args()).hasSize(5);
  }

  @Test
  void recordsPositionsInBytes() {
    BinaryExpr sum = (BinaryExpr) PromqlParser.parseExpr("foo{a=\"\u00e9\"} + (rate(x[5m]))");

    assertThat(sum.lhs().position()).isEqualTo(new PositionRange(0, 11));
    assertThat(sum.rhs().position()).isEqualTo(new PositionRange(14, 27));
    assertThat(((ParenExpr) sum.rhs()).expr().position()).isEqualTo(new PositionRange(15, 26));
  }

  /** The tree with every binary operation in parentheses. */
  private static String shape(Expr expr) {
    if (expr instanceof BinaryExpr binary) {
      return "(" + shape(binary.lhs()) + " " + Printer.binaryOperator(binary) + " " + shape(binary.rhs()) + ")";
    }
    if (expr instanceof UnaryExpr unary) {
      return (unary.negate() ? "-" : "+") + shape(unary.expr());
    }
    return Printer.print(expr);
  }
}
