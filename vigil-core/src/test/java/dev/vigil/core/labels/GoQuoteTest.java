package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected outputs are what Go's strconv.Quote returns for the same (valid UTF-8) string. */
class GoQuoteTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty", "", "\"\""),
        Arguments.of("plain ascii", "up", "\"up\""),
        Arguments.of("space and punctuation", "a b~!", "\"a b~!\""),
        Arguments.of("double quote", "a\"b", "\"a\\\"b\""),
        Arguments.of("single quote verbatim", "it's", "\"it's\""),
        Arguments.of("backslash", "a\\b", "\"a\\\\b\""),
        Arguments.of("newline", "a\nb", "\"a\\nb\""),
        Arguments.of("tab", "\t", "\"\\t\""),
        Arguments.of("carriage return", "\r", "\"\\r\""),
        Arguments.of("bell", "\u0007", "\"\\a\""),
        Arguments.of("backspace", "\b", "\"\\b\""),
        Arguments.of("form feed", "\f", "\"\\f\""),
        Arguments.of("vertical tab", "\u000b", "\"\\v\""),
        Arguments.of("NUL", "\u0000", "\"\\x00\""),
        Arguments.of("SOH", "\u0001", "\"\\x01\""),
        Arguments.of("escape", "\u001b", "\"\\x1b\""),
        Arguments.of("unit separator", "\u001f", "\"\\x1f\""),
        Arguments.of("DEL", "\u007f", "\"\\x7f\""),
        Arguments.of("C1 control", "\u0080", "\"\\u0080\""),
        Arguments.of("next line C1", "\u0085", "\"\\u0085\""),
        Arguments.of("no-break space", "\u00a0", "\"\\u00a0\""),
        Arguments.of("soft hyphen", "\u00ad", "\"\\u00ad\""),
        Arguments.of("line separator", "\u2028", "\"\\u2028\""),
        Arguments.of("paragraph separator", "\u2029", "\"\\u2029\""),
        Arguments.of("zero width space", "\u200b", "\"\\u200b\""),
        Arguments.of("byte order mark", "\ufeff", "\"\\ufeff\""),
        Arguments.of("private use", "\ue000", "\"\\ue000\""),
        Arguments.of("unassigned", "\u0378", "\"\\u0378\""),
        Arguments.of("noncharacter", "\uffff", "\"\\uffff\""),
        Arguments.of("latin-1 letter", "caf\u00e9", "\"caf\u00e9\""),
        Arguments.of("CJK", "\u65e5\u672c", "\"\u65e5\u672c\""),
        Arguments.of("combining mark", "e\u0301", "\"e\u0301\""),
        Arguments.of("replacement character", "\ufffd", "\"\ufffd\""),
        Arguments.of("emoji", "\uD83D\uDE00", "\"\uD83D\uDE00\""),
        Arguments.of("supplementary letter", "\uD800\uDC00", "\"\uD800\uDC00\""),
        Arguments.of("supplementary format char", "\uDB40\uDC01", "\"\\U000e0001\""),
        Arguments.of("supplementary private use", "\uDB80\uDC00", "\"\\U000f0000\""),
        Arguments.of("mixed", "a\"b\n\u0001\u2028\u00e9", "\"a\\\"b\\n\\x01\\u2028\u00e9\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quote_matchesGoStrconvQuote(String name, String input, String expected) {
    assertThat(GoQuote.quote(input)).isEqualTo(expected);
  }

  @Test
  void appendQuoted_appendsToExistingContent() {
    StringBuilder sb = new StringBuilder("job=");

    GoQuote.appendQuoted(sb, "a\nb");

    assertThat(sb).hasToString("job=\"a\\nb\"");
  }
}
