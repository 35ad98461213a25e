package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a Go string is written as a mapping value; every expectation was read from Prometheus 2.42's output. */
class GoYamlQuotingTest {
  private static String valueLine(String value) {
    return GoYamlEmitter.emit(new GoYamlNode.Mapping(List.of(
        new GoYamlNode.Entry(GoYamlNode.string("k"), GoYamlNode.string(value)))));
  }

  static Stream<Arguments> stringsYamlV2WouldReadAsSomethingElse() {
    return Stream.of(
        Arguments.of("", "k: \"\"\n"),
        Arguments.of("true", "k: \"true\"\n"),
        Arguments.of("y", "k: \"y\"\n"),
        Arguments.of("null", "k: \"null\"\n"),
        Arguments.of("~", "k: \"~\"\n"),
        Arguments.of("10", "k: \"10\"\n"),
        Arguments.of("0x1F", "k: \"0x1F\"\n"),
        Arguments.of(".5", "k: \".5\"\n"),
        Arguments.of("1e3", "k: \"1e3\"\n"),
        Arguments.of(".inf", "k: \".inf\"\n"),
        Arguments.of("2001-12-14", "k: \"2001-12-14\"\n"),
        Arguments.of("1:20", "k: \"1:20\"\n"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("stringsYamlV2WouldReadAsSomethingElse")
  void aStringThatWouldNotReadBackAsAStringIsDoubleQuoted(String value, String yaml) {
    assertThat(valueLine(value)).isEqualTo(yaml);
  }

  static Stream<Arguments> stringsThatReadBackButCannotBePlain() {
    return Stream.of(
        Arguments.of("a: b", "k: 'a: b'\n"),
        Arguments.of("a:", "k: 'a:'\n"),
        Arguments.of("a #b", "k: 'a #b'\n"),
        Arguments.of("*x", "k: '*x'\n"),
        Arguments.of("'x", "k: '''x'\n"),
        Arguments.of("\"x", "k: '\"x'\n"),
        Arguments.of(" x", "k: ' x'\n"),
        Arguments.of("x ", "k: 'x '\n"),
        Arguments.of("- x", "k: '- x'\n"),
        Arguments.of("-", "k: '-'\n"),
        Arguments.of("?", "k: '?'\n"),
        Arguments.of("---", "k: '---'\n"),
        Arguments.of("...x", "k: '...x'\n"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("stringsThatReadBackButCannotBePlain")
  void indicatorsAndEdgeSpacesCallForSingleQuotes(String value, String yaml) {
    assertThat(valueLine(value)).isEqualTo(yaml);
  }

  static Stream<Arguments> plainStrings() {
    return Stream.of("eu-1", "a b", "a,b", "a}", "?x", "-x", "a#b", "a:b", "<<", "<secret>", "$1", ";", "(.*)",
        "é", "a\u00a0b", "1e400", "_1", "2001-12-14T21:59:43", "1:60").map(Arguments::of);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("plainStrings")
  void otherStringsArePlain(String value) {
    assertThat(valueLine(value)).isEqualTo("k: " + value + "\n");
  }

  static Stream<Arguments> stringsWithCharactersToEscape() {
    return Stream.of(
        Arguments.of("a\tb", "k: \"a\\tb\"\n"),
        Arguments.of("a\u0001b", "k: \"a\\x01b\"\n"),
        Arguments.of("a\u0085b", "k: \"a\\Nb\"\n"),
        Arguments.of("\uD83D\uDE00", "k: \"\\U0001F600\"\n"),
        Arguments.of("\uFEFFab", "k: \"\\uFEFF\\x61\\x62\"\n"),
        Arguments.of("a \nb", "k: \"a \\nb\"\n"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("stringsWithCharactersToEscape")
  void unprintableCharactersAreEscapedInDoubleQuotes(String value, String yaml) {
    assertThat(valueLine(value)).isEqualTo(yaml);
  }

  static Stream<Arguments> multilineStrings() {
    return Stream.of(
        Arguments.of("a\nb", "k: |-\n  a\n  b\n"),
        Arguments.of("a\n", "k: |\n  a\n"),
        Arguments.of("a\n\n", "k: |+\n  a\n\n"),
        Arguments.of("\n", "k: |2+\n\n"),
        Arguments.of("\na", "k: |2-\n\n  a\n"),
        Arguments.of(" a\nb", "k: |2-\n   a\n  b\n"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("multilineStrings")
  void aStringWithANewlineIsALiteralBlockWithItsIndentationAndChompingIndicators(String value, String yaml) {
    assertThat(valueLine(value)).isEqualTo(yaml);
  }
}
