package dev.vigil.scrape.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoYamlScalarTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "~|!!null", "Null|!!null", "y|!!bool", "OFF|!!bool", ".Inf|!!float",
      "10|!!int", "0x1F|!!int", "-0b101|!!int", "0O17|!!int", "1_000|!!int", "0_|!!int", "18446744073709551615|!!int",
      "18446744073709551616|!!float", "09|!!float", "1.|!!float", "1e-400|!!float", ".5_5|!!float",
      "2001-12-14|!!timestamp", "2001-1-2 1:2:3|!!timestamp", "2001-12-14t1:2:3+05:00|!!timestamp",
      "2001-12-14T23:59:59,5Z|!!timestamp", "0000-01-01|!!timestamp", "2000-02-29|!!timestamp"})
  void readsPlainTextAsYamlV2Does(String text, String tag) {
    assertThat(GoYamlScalar.tag(text, true)).isEqualTo(tag);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"_1", "._5", ".1_", "1e400", "0x", "0b", "+", "yes!", "<<", "12:30"})
  void onlyTextStartingWithASignDigitOrDotCanBeANumberAndAnOutOfRangeFloatIsAString(String text) {
    assertThat(GoYamlScalar.tag(text, true)).isEqualTo(GoYamlScalar.STR);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2001-02-30", "1900-02-29", "2001-13-14", "2001-12-00", "2001-12-14 24:00:00", "2001-12-14 21:60:00",
      "2001-12-14 21:59:60", "2001-12-14T21:59:43", "2001-12-14T21:59:43.1234567890Z", "2001-12-14T21:59:43.Z",
      "2001-12-14T21:59:43+2500", "20011-12-14", "2001-12-14T021:59:43Z"})
  void aDateOutsideGosLayoutsOrRangesIsNotATimestamp(String text) {
    assertThat(GoYamlScalar.tag(text, true)).isNotEqualTo(GoYamlScalar.TIMESTAMP);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"12:30, true", "-1:30, true", "190:20:30.15, true", "1_2:30, true", "1:2:3., true", "1:60, false",
      "a:30, false"})
  void recognisesSexagesimalNumbers(String text, boolean base60) {
    assertThat(GoYamlScalar.isBase60Float(text)).isEqualTo(base60);
  }
}
