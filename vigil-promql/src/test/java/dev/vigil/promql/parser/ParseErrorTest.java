package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.promql.engine.ErrorType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A query that Prometheus 2.42 refuses fails with Prometheus's message for its first error,
 * {@code line:column: parse error: reason}, counting columns in UTF-8 bytes. Every expected message
 * below was read from a real Prometheus 2.42.
 */
class ParseErrorTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("lexerErrors")
  void reportsLexerErrorsWhereTheBadTokenStarts(String query, String message) {
    assertThat(parseError(query).getMessage()).isEqualTo(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("syntaxErrors")
  void namesTheGrammarRuleThatCatchesASyntaxError(String query, String message) {
    assertThat(parseError(query).getMessage()).isEqualTo(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("ruleViolations")
  void reportsValuesAndModifiersThatBreakTheRules(String query, String message) {
    assertThat(parseError(query).getMessage()).isEqualTo(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("typeErrors")
  void typeChecksQueriesThatParse(String query, String message) {
    assertThat(parseError(query).getMessage()).isEqualTo(message);
  }

  @Test
  void isBadDataWithTheErrorAndItsPosition() {
    ParseException e = parseError("foo{a=\"b\"} bar");

    assertThat(e.type()).isEqualTo(ErrorType.BAD_DATA);
    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.message()).isEqualTo("unexpected identifier \"bar\"");
      assertThat(error.position().start()).isEqualTo(11);
      assertThat(error.position().end()).isEqualTo(14);
      assertThat(error.text()).isEqualTo(e.getMessage());
    });
  }

  @Test
  void countsColumnsInBytes() {
    assertThat(parseError("\"\u00e9\" foo").getMessage()).isEqualTo("1:6: parse error: unexpected identifier \"foo\"");
  }

  @Test
  void countsLinesAndColumnsWithinTheLine() {
    assertThat(parseError("sum(\n  foo\n  bar\n)").getMessage())
        .isEqualTo("3:3: parse error: unexpected identifier \"bar\" in aggregation");
  }

  @Test
  void reportsTheFirstOfSeveralErrors() {
    assertThat(parseError("nosuch() ]").getMessage())
        .isEqualTo("1:1: parse error: unknown function with name \"nosuch\"");
    assertThat(parseError("sum() ]").getMessage()).isEqualTo("1:7: parse error: unexpected right bracket ']'");
  }

  @Test
  void shortensLongTokensInMessages() {
    assertThat(parseError("foo \"0123456789abc\"").getMessage())
        .isEqualTo("1:5: parse error: unexpected string \"\\\"012345678\"...");
  }

  static ParseException parseError(String query) {
    return catchThrowableOfType(ParseException.class, () -> PromqlParser.parseExpr(query));
  }

  static Stream<Arguments> lexerErrors() {
    return Stream.of(
// lexer
      // strings
      Arguments.of("\"foo", "1:1: parse error: unterminated quoted string"),
      Arguments.of("'foo", "1:1: parse error: unterminated quoted string"),
      Arguments.of("`foo", "1:1: parse error: unterminated raw string"),
      Arguments.of("\"a\nb\"", "1:1: parse error: unterminated quoted string"),
      Arguments.of("\"\\c\"", "1:1: parse error: unknown escape sequence U+0063 'c'"),
      Arguments.of("\"\\x4g\"", "1:1: parse error: illegal character U+0067 'g' in escape sequence"),
      Arguments.of("\"\\u12\"", "1:1: parse error: illegal character U+0022 '\"' in escape sequence"),
      Arguments.of("\"\\U00110000\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
      Arguments.of("\"\\ud800\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
      Arguments.of("\"\\400\"", "1:1: parse error: escape sequence is an invalid Unicode code point"),
      Arguments.of("\"abc\\", "1:1: parse error: escape sequence not terminated"),
      Arguments.of("\"\u00e9\ufffd\"", "1:1: parse error: invalid UTF-8 rune"),
      Arguments.of("`\ufffd`", "1:1: parse error: invalid UTF-8 rune"),
      Arguments.of("foo{a=\"\ufffd\"}", "1:7: parse error: invalid UTF-8 rune"),
      // characters that start nothing
      Arguments.of("\u00e9", "1:1: parse error: unexpected character: '\u00e9'"),
      Arguments.of(".", "1:1: parse error: unexpected character: '.'"),
      Arguments.of("$", "1:1: parse error: unexpected character: '$'"),
      Arguments.of("!", "1:1: parse error: unexpected character after '!': '\ufffd'"),
      Arguments.of("foo ! bar", "1:5: parse error: unexpected character after '!': ' '"),
      Arguments.of("=~", "1:1: parse error: unexpected character after '=': '~'"),
      // brackets
      Arguments.of("foo)", "1:5: parse error: unexpected right parenthesis ')'"),
      Arguments.of("(foo", "1:5: parse error: unclosed left parenthesis"),
      Arguments.of("foo[5m", "1:7: parse error: unclosed left bracket"),
      Arguments.of("sum(foo", "1:8: parse error: unclosed left parenthesis"),
      Arguments.of("]", "1:1: parse error: unexpected right bracket ']'"),
      Arguments.of("foo[[5m]", "1:5: parse error: missing unit character in duration"),
      // braces
      Arguments.of("foo{", "1:5: parse error: unexpected end of input inside braces"),
      Arguments.of("foo{a=\"b\"", "1:10: parse error: unexpected end of input inside braces"),
      Arguments.of("foo{a!}", "1:6: parse error: unexpected character after '!' inside braces: '}'"),
      Arguments.of("foo{{", "1:5: parse error: unexpected left brace '{'"),
      Arguments.of("foo{1}", "1:5: parse error: unexpected character inside braces: '1'"),
      Arguments.of("foo{a:b=\"c\"}", "1:6: parse error: unexpected character inside braces: ':'"),
      // numbers and durations
      Arguments.of("1_000", "1:1: parse error: bad number or duration syntax: \"1\""),
      Arguments.of("0de", "1:1: parse error: bad number or duration syntax: \"0de\""),
      Arguments.of("1mm", "1:1: parse error: bad number or duration syntax: \"1mm\""),
      Arguments.of("foo[]", "1:5: parse error: missing unit character in duration"),
      Arguments.of("foo[5]", "1:5: parse error: missing unit character in duration"),
      Arguments.of("foo[5x]", "1:5: parse error: bad duration syntax: \"5\""),
      Arguments.of("foo[5mx]", "1:5: parse error: bad duration syntax: \"5mx\""),
      Arguments.of("foo[5m1]", "1:5: parse error: bad duration syntax: \"5m1\""),
      Arguments.of("foo[5m:1m:2m]", "1:10: parse error: unexpected colon ':'"),
      Arguments.of("foo[5m xy]", "1:9: parse error: unexpected colon 'y'")
    );
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
      // nothing to parse
      Arguments.of("", "1:1: parse error: no expression found in input"),
      Arguments.of("# just a comment", "1:1: parse error: no expression found in input"),
      // the whole query
      Arguments.of("foo bar", "1:5: parse error: unexpected identifier \"bar\""),
      Arguments.of("1 +", "1:4: parse error: unexpected end of input"),
      Arguments.of("*1", "1:1: parse error: unexpected <op:*>"),
      Arguments.of("foo,", "1:4: parse error: unexpected \",\""),
      Arguments.of("@", "1:1: parse error: unexpected \"<Item 57385>\" <op:@>"),
      Arguments.of("foo + group_left(baz) bar", "1:7: parse error: unexpected <group_left>"),
      Arguments.of("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
      Arguments.of("sum foo", "1:5: parse error: unexpected identifier \"foo\""),
      Arguments.of("start()", "1:6: parse error: unexpected \"(\""),
      Arguments.of("foo\n  +\n  ,", "3:3: parse error: unexpected \",\""),
      // aggregations
      Arguments.of("sum by (a) x", "1:12: parse error: unexpected identifier \"x\" in aggregation"),
      Arguments.of("sum(foo bar)", "1:9: parse error: unexpected identifier \"bar\" in aggregation"),
      Arguments.of("sum(rate(foo bar))", "1:14: parse error: unexpected identifier \"bar\" in aggregation"),
      Arguments.of("sum by", "1:7: parse error: unexpected end of input in grouping opts, expected \"(\""),
      Arguments.of("sum(foo) by test", "1:13: parse error: unexpected identifier \"test\" in grouping opts, expected \"(\""),
      Arguments.of("sum by (a b) (x)", "1:11: parse error: unexpected identifier \"b\" in grouping opts, expected \",\" or \")\""),
      Arguments.of("sum by (a,,) (x)", "1:11: parse error: unexpected \",\" in grouping opts, expected label"),
      Arguments.of("sum by (without) (x)", "1:9: parse error: unexpected <without> in grouping opts, expected label"),
      Arguments.of("sum by (a:b) (x)", "1:9: parse error: unexpected metric identifier \"a:b\" in grouping opts, expected label"),
      Arguments.of("sum by (nan) (x)", "1:9: parse error: unexpected number \"nan\" in grouping opts, expected label"),
      // vector matching
      Arguments.of("a * on(b) group_left c d", "1:24: parse error: unexpected identifier \"d\""),
      Arguments.of("a * on(b) group_left bool c", "1:22: parse error: unexpected <bool> in grouping opts, expected \"(\""),
      Arguments.of("a * on bool", "1:8: parse error: unexpected <bool> in grouping opts, expected \"(\""),
      // label matchers
      Arguments.of("foo{a b}", "1:7: parse error: unexpected identifier \"b\" in label matching, expected label matching operator"),
      Arguments.of("foo{a=\"b\" c=\"d\"}", "1:11: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\""),
      Arguments.of("foo{a=b}", "1:7: parse error: unexpected identifier \"b\" in label matching, expected string"),
      Arguments.of("foo{=\"b\"}", "1:5: parse error: unexpected \"=\" in label matching, expected identifier or \"}\""),
      Arguments.of("foo{a=\"b\",,}", "1:11: parse error: unexpected \",\" in label matching, expected identifier or \"}\""),
      Arguments.of("foo{a=\"b\"}}", "1:11: parse error: unexpected character: '}'"),
      // offset and @
      Arguments.of("foo offset", "1:11: parse error: unexpected end of input in offset, expected duration"),
      Arguments.of("foo offset 5", "1:12: parse error: unexpected number \"5\" in offset, expected duration"),
      Arguments.of("foo offset -x", "1:13: parse error: unexpected identifier \"x\" in offset, expected duration"),
      Arguments.of("foo offset offset", "1:12: parse error: unexpected <offset> in offset, expected duration"),
      Arguments.of("foo @", "1:6: parse error: unexpected end of input in @, expected timestamp"),
      Arguments.of("foo @ 5m", "1:7: parse error: unexpected duration \"5m\" in @, expected timestamp"),
      Arguments.of("foo @ start", "1:12: parse error: unexpected end of input in @, expected timestamp"),
      Arguments.of("foo @ start(1)", "1:13: parse error: unexpected number \"1\" in @, expected timestamp"),
      Arguments.of("foo @ -x", "1:8: parse error: unexpected identifier \"x\" in @, expected timestamp"),
      // ranges and subqueries
      Arguments.of("foo[5m y]z]", "1:10: parse error: unexpected identifier \"z\""),
      Arguments.of("foo[5m:1m x]", "1:11: parse error: unexpected colon 'x'"),
      Arguments.of("foo[5m:1]", "1:8: parse error: unexpected number \"1\" in subquery selector, expected duration or \"]\""),
      Arguments.of("foo[5m 1m]", "1:8: parse error: unexpected duration \"1m\" in subquery or range, expected \":\" or \"]\"")
    );
  }

  static Stream<Arguments> ruleViolations() {
    return Stream.of(
      // numbers, strings, durations
      Arguments.of("1e400", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1e400\": value out of range"),
      Arguments.of("0x8000000000000000", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0x8000000000000000\": invalid syntax"),
      Arguments.of("1e", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1e\": invalid syntax"),
      Arguments.of("foo[0s]", "1:5: parse error: duration must be greater than 0"),
      Arguments.of("foo[5m:0s]", "1:8: parse error: duration must be greater than 0"),
      Arguments.of("foo[5m1h]", "1:5: parse error: not a valid duration string: \"5m1h\""),
      Arguments.of("foo[1y1y]", "1:5: parse error: bad duration syntax: \"1y1\""),
      Arguments.of("foo[300000000y]", "1:5: parse error: duration out of range"),
      Arguments.of("foo offset 0s", "1:12: parse error: duration must be greater than 0"),
      // matchers
      Arguments.of("foo{a=~\"(\"}", "1:5: parse error: error parsing regexp: missing closing ): `^(?:()$`"),
      Arguments.of("foo{a=~\"a{1001}\"}", "1:5: parse error: error parsing regexp: invalid repeat count: `{1001}`"),
      // functions and aggregations
      Arguments.of("nosuch(foo)", "1:1: parse error: unknown function with name \"nosuch\""),
      Arguments.of("rate(foo,)", "1:9: parse error: trailing commas not allowed in function call args"),
      Arguments.of("rate(foo, ,)", "1:9: parse error: trailing commas not allowed in function call args"),
      Arguments.of("sum()", "1:1: parse error: no arguments for aggregate expression provided"),
      Arguments.of("topk(foo)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"),
      Arguments.of("topk(1, 2, foo)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 3"),
      // where modifiers may go
      Arguments.of("1 offset 5m", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
      Arguments.of("-1 offset 5m", "1:2: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
      Arguments.of("sum(foo) @ 5", "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
      Arguments.of("foo offset 5m offset 1m", "1:1: parse error: offset may not be set multiple times"),
      Arguments.of("foo @ 5 @ 6", "1:1: parse error: @ <timestamp> may not be set multiple times"),
      Arguments.of("foo @ start() @ 5", "1:1: parse error: @ <timestamp> may not be set multiple times"),
      Arguments.of("foo[5m] offset 1m offset 1m", "1:1: parse error: offset may not be set multiple times"),
      Arguments.of("(foo)[5m]", "1:6: parse error: ranges only allowed for vector selectors"),
      Arguments.of("1[5m]", "1:2: parse error: ranges only allowed for vector selectors"),
      Arguments.of("foo offset 5m [5m]", "1:15: parse error: no offset modifiers allowed before range"),
      Arguments.of("foo @ 5 [5m]", "1:9: parse error: no @ modifiers allowed before range"),
      Arguments.of("foo @ Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf"),
      Arguments.of("foo @ -Inf", "1:1: parse error: timestamp out of bounds for @ modifier: -Inf"),
      Arguments.of("foo @ NaN", "1:1: parse error: timestamp out of bounds for @ modifier: NaN"),
      Arguments.of("foo @ 1e19", "1:1: parse error: timestamp out of bounds for @ modifier: 10000000000000000000.000000"),
      Arguments.of("foo @ -9.3e18", "1:1: parse error: timestamp out of bounds for @ modifier: -9300000000000000000.000000")
    );
  }

  static Stream<Arguments> typeErrors() {
    return Stream.of(
      // selectors
      Arguments.of("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
      Arguments.of("{a=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
      Arguments.of("{a=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
      Arguments.of("{a!~\".+\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
      Arguments.of("foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\""),
      // function arguments
      Arguments.of("time(1)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1"),
      Arguments.of("floor()", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 0"),
      Arguments.of("floor(1, 2)", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 2"),
      Arguments.of("hour(1, 2, 3)", "1:1: parse error: expected at most 1 argument(s) in call to \"hour\", got 3"),
      Arguments.of("label_join(foo)", "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1"),
      Arguments.of("floor(1)", "1:7: parse error: expected type instant vector in call to function \"floor\", got scalar"),
      Arguments.of("rate(foo)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
      Arguments.of("label_replace(foo, 1, \"\", \"\", \"\")", "1:20: parse error: expected type string in call to function \"label_replace\", got scalar"),
      Arguments.of("vector(\"x\")", "1:8: parse error: expected type scalar in call to function \"vector\", got string"),
      // aggregations
      Arguments.of("sum(1)", "1:5: parse error: expected type instant vector in aggregation expression, got scalar"),
      Arguments.of("sum(foo[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector"),
      Arguments.of("topk(foo, bar)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector"),
      Arguments.of("quantile(\"x\", foo)", "1:10: parse error: expected type scalar in aggregation parameter, got string"),
      Arguments.of("count_values(1, foo)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
      // operators
      Arguments.of("1 + bool 2", "1:3: parse error: bool modifier can only be used on comparison operators"),
      Arguments.of("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
      Arguments.of("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
      Arguments.of("\"a\" + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
      Arguments.of("foo + \"a\"", "1:7: parse error: binary expression must contain only scalar and instant vector types"),
      Arguments.of("foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
      Arguments.of("1 + foo[5m]", "1:5: parse error: binary expression must contain only scalar and instant vector types"),
      Arguments.of("foo and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
      Arguments.of("1 or foo", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression"),
      Arguments.of("foo and on(a) group_left bar", "1:1: parse error: no grouping allowed for \"and\" operation"),
      Arguments.of("foo or ignoring(a) group_right(b) bar", "1:1: parse error: no grouping allowed for \"or\" operation"),
      Arguments.of("foo * on(a) group_left(a) bar", "1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once"),
      Arguments.of("1 + on(a) foo", "1:1: parse error: vector matching only allowed between instant vectors"),
      Arguments.of("-\"a\"", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""),
      Arguments.of("-foo[5m]", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\""),
      Arguments.of("foo[5m][5m:]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
      Arguments.of("\"x\"[5m:]", "1:1: parse error: subquery is only allowed on instant vector, got string instead")
    );
  }
}
