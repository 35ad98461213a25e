package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.core.labels.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A series selector ({@code match[]}) parses into its matchers as Prometheus's ParseMetricSelector does. */
class MetricSelectorTest {

  @Test
  void listsTheMatchersWithTheMetricNameLast() {
    assertThat(PromqlParser.parseMetricSelector("up{job=\"api\", instance=~\"a|b\"}")).containsExactly(
        Matcher.equal("job", "api"), Matcher.regex("instance", "a|b"), Matcher.equal("__name__", "up"));
  }

  @Test
  void acceptsAKeywordAsMetricName() {
    assertThat(PromqlParser.parseMetricSelector("sum")).containsExactly(Matcher.equal("__name__", "sum"));
  }

  @Test
  void acceptsASelectorThatMatchesEverything() {
    // Prometheus leaves refusing it to the API, which has its own message for it.
    assertThat(PromqlParser.parseMetricSelector("{}")).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
      "foo bar        | 1:5: parse error: unexpected identifier \"bar\"",
      "^^             | 1:1: parse error: unexpected end of input",
      "rate(foo[5m])  | 1:5: parse error: unexpected \"(\"",
      "1              | 1:1: parse error: unexpected number \"1\"",
      "foo offset 5m  | 1:5: parse error: unexpected <offset>",
      "foo{a=\"b\"    | 1:10: parse error: unexpected end of input inside braces",
      "foo{a=~\"(\"}  | 1:5: parse error: error parsing regexp: missing closing ): `^(?:()$`",
  })
  void refusesAnythingButOneSelector(String selector, String message) {
    ParseException e = catchThrowableOfType(ParseException.class, () -> PromqlParser.parseMetricSelector(selector));

    assertThat(e).hasMessage(message);
  }
}
