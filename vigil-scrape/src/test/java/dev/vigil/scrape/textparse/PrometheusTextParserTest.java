package dev.vigil.scrape.textparse;

import static dev.vigil.scrape.textparse.ExpositionTexts.bytes;
import static dev.vigil.scrape.textparse.ExpositionTexts.seriesText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.GoFloat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusTextParserTest {
  /** Override with -Dtests.seed=N to replay or vary the fuzz tests; failures print the seed. */
  private static final long SEED = Long.getLong("tests.seed", 0x0004_5eedL);

  /** Prometheus 2.42's TestPromParse exposition, which every Prometheus release must read alike. */
  static final String REFERENCE = "# HELP go_gc_duration_seconds A summary of the GC invocation durations.\n"
      + "# \tTYPE go_gc_duration_seconds summary\n"
      + "go_gc_duration_seconds{quantile=\"0\"} 4.9351e-05\n"
      + "go_gc_duration_seconds{quantile=\"0.25\",} 7.424100000000001e-05\n"
      + "go_gc_duration_seconds{quantile=\"0.5\",a=\"b\"} 8.3835e-05\n"
      + "go_gc_duration_seconds{quantile=\"0.8\", a=\"b\"} 8.3835e-05\n"
      + "go_gc_duration_seconds{ quantile=\"0.9\", a=\"b\"} 8.3835e-05\n"
      + "# Hrandom comment starting with prefix of HELP\n"
      + "#\n"
      + "wind_speed{A=\"2\",c=\"3\"} 12345\n"
      + "# comment with escaped \\n newline\n"
      + "# comment with escaped \\ escape character\n"
      + "# HELP nohelp1\n"
      + "# HELP nohelp2 \n"
      + "go_gc_duration_seconds{ quantile=\"1.0\", a=\"b\" } 8.3835e-05\n"
      + "go_gc_duration_seconds { quantile=\"1.0\", a=\"b\" } 8.3835e-05\n"
      + "go_gc_duration_seconds { quantile= \"1.0\", a= \"b\", } 8.3835e-05\n"
      + "go_gc_duration_seconds { quantile = \"1.0\", a = \"b\" } 8.3835e-05\n"
      + "go_gc_duration_seconds_count 99\n"
      + "some:aggregate:rate5m{a_b=\"c\"}\t1\n"
      + "# HELP go_goroutines Number of goroutines that currently exist.\n"
      + "# TYPE go_goroutines gauge\n"
      + "go_goroutines 33  \t123123\n"
      + "_metric_starting_with_underscore 1\n"
      + "testmetric{_label_starting_with_underscore=\"foo\"} 1\n"
      + "testmetric{label=\"\\\"bar\\\"\"} 1\n"
      + "# HELP metric foo\u0000bar\n"
      + "null_byte_metric{a=\"abc\u0000\"} 1";

  // ---- Families, comments and samples ---------------------------------------------------------

  @Test
  void readsTheReferenceExpositionOfPrometheus242() throws Exception {
    String gc = "SERIES {__name__=\"go_gc_duration_seconds\", ";
    assertThat(describeAll(REFERENCE)).containsExactly(
        "HELP go_gc_duration_seconds A summary of the GC invocation durations.",
        "TYPE go_gc_duration_seconds summary",
        gc + "quantile=\"0\"} 4.9351e-05",
        gc + "quantile=\"0.25\"} 7.424100000000001e-05",
        gc + "a=\"b\", quantile=\"0.5\"} 8.3835e-05",
        gc + "a=\"b\", quantile=\"0.8\"} 8.3835e-05",
        gc + "a=\"b\", quantile=\"0.9\"} 8.3835e-05",
        "COMMENT # Hrandom comment starting with prefix of HELP",
        "COMMENT #",
        "SERIES {A=\"2\", __name__=\"wind_speed\", c=\"3\"} 12345",
        "COMMENT # comment with escaped \\n newline",
        "COMMENT # comment with escaped \\ escape character",
        "HELP nohelp1 ",
        "HELP nohelp2 ",
        gc + "a=\"b\", quantile=\"1.0\"} 8.3835e-05",
        gc + "a=\"b\", quantile=\"1.0\"} 8.3835e-05",
        gc + "a=\"b\", quantile=\"1.0\"} 8.3835e-05",
        gc + "a=\"b\", quantile=\"1.0\"} 8.3835e-05",
        "SERIES {__name__=\"go_gc_duration_seconds_count\"} 99",
        "SERIES {__name__=\"some:aggregate:rate5m\", a_b=\"c\"} 1",
        "HELP go_goroutines Number of goroutines that currently exist.",
        "TYPE go_goroutines gauge",
        "SERIES {__name__=\"go_goroutines\"} 33 @123123",
        "SERIES {__name__=\"_metric_starting_with_underscore\"} 1",
        "SERIES {__name__=\"testmetric\", _label_starting_with_underscore=\"foo\"} 1",
        "SERIES {__name__=\"testmetric\", label=\"\\\"bar\\\"\"} 1",
        "HELP metric foo\u0000bar",
        "SERIES {__name__=\"null_byte_metric\", a=\"abc\\x00\"} 1");
  }

  @Test
  void namesTheTypesAsPrometheus242MetricTypes() throws Exception {
    assertThat(describeAll("# TYPE a counter\n# TYPE b gauge\n# TYPE c histogram\n# TYPE d summary\n# TYPE e untyped\n"))
        .containsExactly("TYPE a counter", "TYPE b gauge", "TYPE c histogram", "TYPE d summary", "TYPE e unknown");
  }

  @Test
  void readsSummariesAndHistogramsAsPlainSeries() throws Exception {
    String text = "# TYPE h histogram\nh_bucket{le=\"0.5\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 0.75\nh_count 2\n"
        + "# TYPE s summary\ns{quantile=\"0.99\"} NaN\ns_sum 1\ns_count 3\n";
    assertThat(describeAll(text)).containsExactly(
        "TYPE h histogram",
        "SERIES {__name__=\"h_bucket\", le=\"0.5\"} 1",
        "SERIES {__name__=\"h_bucket\", le=\"+Inf\"} 2",
        "SERIES {__name__=\"h_sum\"} 0.75",
        "SERIES {__name__=\"h_count\"} 2",
        "TYPE s summary",
        "SERIES {__name__=\"s\", quantile=\"0.99\"} NaN",
        "SERIES {__name__=\"s_sum\"} 1",
        "SERIES {__name__=\"s_count\"} 3");
  }

  @Test
  void treatsHashEofAsAnOrdinaryComment() throws Exception {
    assertThat(describeAll("a 1\n# EOF\nb 2\n"))
        .containsExactly("SERIES {__name__=\"a\"} 1", "COMMENT # EOF", "SERIES {__name__=\"b\"} 2");
  }

  @Test
  void readsOnlyTheGivenLengthOfABuffer() throws Exception {
    byte[] buffer = bytes("a 1\nb 2\nleftover {from a longer body");

    assertThat(ExpositionTexts.describeAll(new PrometheusTextParser(buffer, 8)))
        .containsExactly("SERIES {__name__=\"a\"} 1", "SERIES {__name__=\"b\"} 2");
  }

  @Test
  void givesEachSeriesAsWrittenForScrapeCaches() throws Exception {
    PrometheusTextParser parser = new PrometheusTextParser(bytes("  a{x=\"1\" , } 1 5\nb\t2\n"));
    parser.next();
    assertThat(seriesText(parser)).isEqualTo("  a{x=\"1\" , }");
    parser.next();
    assertThat(seriesText(parser)).isEqualTo("b");
  }

  @Test
  void skipsEmptyAndBlankLines() throws Exception {
    assertThat(describeAll("\n\na 1\n \t\n\nb 2\n\n")).containsExactly("SERIES {__name__=\"a\"} 1", "SERIES {__name__=\"b\"} 2");
  }

  @Test
  void readsAnEmptyInputAsNoEntries() throws Exception {
    assertThat(describeAll("")).isEmpty();
  }

  @Test
  void needsNoNewlineAfterTheLastLine() throws Exception {
    assertThat(describeAll("a 1")).containsExactly("SERIES {__name__=\"a\"} 1");
  }

  @Test
  void countsBlanksBeforeAMetricNameIntoTheNameAs242Does() throws Exception {
    assertThat(describeAll("  a 1\n")).containsExactly("SERIES {__name__=\"  a\"} 1");
  }

  @Test
  void acceptsLabelPairsWithoutCommasBetweenThem() throws Exception {
    assertThat(describeAll("a{b=\"1\" c=\"2\"} 1\n")).containsExactly("SERIES {__name__=\"a\", b=\"1\", c=\"2\"} 1");
  }

  @Test
  void keepsLabelsWithEmptyValues() throws Exception {
    assertThat(firstSeriesLabels("a{b=\"\"} 1\n")).hasToString("{__name__=\"a\", b=\"\"}");
  }

  @Test
  void unescapesBackslashQuoteAndNewlineInLabelValues() throws Exception {
    Labels labels = firstSeriesLabels("a{b=\"x\\\\y\\\"z\\nw\\tv\"} 1\n");
    assertThat(labels.get("b")).isEqualTo("x\\y\"z\nw\\tv");
  }

  @Test
  void readsARawNewlineInsideALabelValue() throws Exception {
    PrometheusTextParser parser = parser("a{b=\"x\ny\"} 1\nc 2\n");
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.labels().get("b")).isEqualTo("x\ny");
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.lineNumber()).isEqualTo(3);
  }

  @Test
  void unescapesBackslashAndNewlineInHelpButKeepsAnEscapedQuote() throws Exception {
    assertThat(describeAll("# HELP a x\\\\y\\nz\\\"q\n")).containsExactly("HELP a x\\y\nz\\\"q");
  }

  @Test
  void dropsTheFirstByteAfterTheFamilyNameInHelpText() throws Exception {
    assertThat(describeAll("# HELP a  two blanks\n# HELP b\tx\n")).containsExactly("HELP a  two blanks", "HELP b x");
  }

  @Test
  void readsATimestampAsIntegerMilliseconds() throws Exception {
    PrometheusTextParser parser = parser("a 1 1700000000123\n");
    parser.next();
    assertThat(parser.timestampMillis()).isEqualTo(1_700_000_000_123L);
  }

  @Test
  void readsTheLargestInt64Timestamp() throws Exception {
    PrometheusTextParser parser = parser("a 1 9223372036854775807\n");
    parser.next();
    assertThat(parser.timestampMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void hasNoTimestampWhenNoneIsGiven() throws Exception {
    PrometheusTextParser parser = parser("a 1\n");
    parser.next();
    assertThat(parser.hasTimestamp()).isFalse();
    assertThatThrownBy(parser::timestampMillis).isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "nan", "+Inf", "-Inf", "Inf", "inf", "+infinity", "1e3", "-0.5", ".5", "5.", "1E-3"})
  void readsValuesAsGoParseFloatDoes(String value) throws Exception {
    PrometheusTextParser parser = parser("a " + value + "\n");
    parser.next();
    double expected = GoFloat.parse(value);
    assertThat(Double.doubleToRawLongBits(parser.value())).isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Test
  void givesNaNGoSNormalBits() throws Exception {
    PrometheusTextParser parser = parser("a NaN\n");
    parser.next();
    assertThat(Double.doubleToRawLongBits(parser.value())).isEqualTo(GoFloat.NORMAL_NAN_BITS);
  }

  @Test
  void reportsTheLineEachEntryStartsOn() throws Exception {
    PrometheusTextParser parser = parser("# HELP a x\n\n\na 1\n# c\n");
    parser.next();
    assertThat(parser.lineNumber()).isEqualTo(1);
    parser.next();
    assertThat(parser.lineNumber()).isEqualTo(4);
    parser.next();
    assertThat(parser.lineNumber()).isEqualTo(5);
  }

  @Test
  void sharesTheLabelsOfASeriesSpelledTheSameWay() throws Exception {
    PrometheusTextParser parser = parser("a{b=\"c\"} 1\na{b=\"c\"} 2\n");
    parser.next();
    Labels first = parser.labels();
    parser.next();
    assertThat(parser.labels()).isSameAs(first);
  }

  @Test
  void answersAnAccessorOfAnotherEntryKindWithIllegalState() throws Exception {
    PrometheusTextParser parser = parser("a 1\n");
    parser.next();
    assertThatThrownBy(parser::help).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void staysAtEofOnceThere() throws Exception {
    PrometheusTextParser parser = parser("a 1\n");
    parser.next();
    assertThat(parser.next()).isEqualTo(Entry.EOF);
    assertThat(parser.next()).isEqualTo(Entry.EOF);
  }

  // ---- Errors ---------------------------------------------------------------------------------

  @Test
  void rejectsADuplicateLabelNameAs242sAppenderDoes() {
    assertThat(reasonFor("a{b=\"1\",b=\"2\"} 1\n")).isEqualTo("label name \"b\" is not unique");
  }

  @Test
  void rejectsTheMetricNameGivenAgainInBraces() {
    assertThat(reasonFor("a{__name__=\"x\"} 1\n")).isEqualTo("label name \"__name__\" is not unique");
  }

  @Test
  void prefixesErrorsWithTheLineTheyAreOn() {
    assertThatThrownBy(() -> ExpositionTexts.drain(parser("a 1\n\n# x\nb{c=d} 1\n"), 16))
        .isInstanceOf(TextParseException.class)
        .hasMessage("line 4: expected label value, got \"INVALID\"");
  }

  @Test
  void throwsTheSameErrorAgainAfterFailing() {
    PrometheusTextParser parser = parser("a b\n");
    TextParseException first = catchParseError(parser);
    assertThat(catchParseError(parser)).isSameAs(first);
  }

  @Test
  void quotesTheRawBytesOfAValueThatIsNotUtf8() {
    // The name ends at the byte the lexer cannot take; the rest of the line is read as the value.
    assertThat(reasonFor("bad\u00fename 1\n")).isEqualTo("strconv.ParseFloat: parsing \"\\xfename\": invalid syntax");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("prometheus242ErrorCases")
  void reportsTheSameErrorAsPrometheus242(String input, String reason) {
    assertThat(reasonFor(bytes(input))).isEqualTo(reason);
  }

  /** Prometheus 2.42's TestPromParseErrors and TestPromNullByteHandling cases, and more (\u00ff is byte 0xff). */
  static Stream<Arguments> prometheus242ErrorCases() {
    return Stream.of(
        Arguments.of("a", "expected value after metric, got \"INVALID\""),
        Arguments.of("a{b='c'} 1\n", "expected label value, got \"INVALID\""),
        Arguments.of("a{b=\n", "expected label value, got \"INVALID\""),
        Arguments.of("a{\u00ff=\"foo\"} 1\n", "expected label name, got \"INVALID\""),
        Arguments.of("a{b=\"\u00ff\"} 1\n", "invalid UTF-8 label value"),
        Arguments.of("a true\n", "strconv.ParseFloat: parsing \"true\": invalid syntax"),
        Arguments.of("something_weird{problem=\"", "expected label value, got \"INVALID\""),
        Arguments.of("empty_label_name{=\"\"} 0", "expected label name, got \"EQUAL\""),
        Arguments.of("foo 1_2\n", "unsupported character in float"),
        Arguments.of("foo 0x1p-3\n", "unsupported character in float"),
        Arguments.of("foo 0x1P-3\n", "unsupported character in float"),
        Arguments.of("foo 0 1_2\n", "expected next entry after timestamp, got \"INVALID\""),
        Arguments.of("{a=\"ok\"} 1", "\"INVALID\" is not a valid start token"),
        Arguments.of("# TYPE #\n#EOF\n", "expected metric name after TYPE, got \"INVALID\""),
        Arguments.of("# HELP #\n#EOF\n", "expected metric name after HELP, got \"INVALID\""),
        Arguments.of("a{b=\u0000\"ssss\"} 1\n", "expected label value, got \"INVALID\""),
        Arguments.of("a{b=\"\u0000", "expected label value, got \"INVALID\""),
        Arguments.of("a{b\u0000=\"hiih\"}\t1", "expected equal, got \"INVALID\""),
        Arguments.of("a\u0000{b=\"ddd\"} 1", "expected value after metric, got \"INVALID\""),
        Arguments.of("a 0 1\u0000", "expected next entry after timestamp, got \"INVALID\""),
        Arguments.of("9 1\n", "\"INVALID\" is not a valid start token"),
        Arguments.of("# TYPE a counter \n", "invalid metric type \"counter \""),
        Arguments.of("# TYPE a gaugehistogram\n", "invalid metric type \"gaugehistogram\""),
        Arguments.of("# TYPE a \u00ff\n", "invalid metric type \"\\xff\""),
        Arguments.of("# HELP a \u00ff\n", "help text is not a valid utf8 string"),
        Arguments.of("# HELP a\u0000x\n", "linebreak expected after metadata, got \"EOF\""),
        Arguments.of("a{,} 1\n", "expected label name, got \"COMMA\""),
        Arguments.of("a{b=\"c\",,d=\"e\"} 1\n", "expected label name, got \"COMMA\""),
        Arguments.of("a{b=\"c\\\n\"} 1\n", "expected label value, got \"INVALID\""),
        Arguments.of("a 1 -5\n", "expected timestamp or new record, got \"INVALID\""),
        Arguments.of("a 1 1.5\n", "expected next entry after timestamp, got \"INVALID\""),
        Arguments.of("a 1 2 3\n", "expected next entry after timestamp, got \"TIMESTAMP\""),
        Arguments.of("a 1 99999999999999999999\n",
            "strconv.ParseInt: parsing \"99999999999999999999\": value out of range"),
        Arguments.of("a 1e999\n", "strconv.ParseFloat: parsing \"1e999\": value out of range"),
        Arguments.of("a 0x1A\n", "strconv.ParseFloat: parsing \"0x1A\": invalid syntax"),
        Arguments.of("a 1}\n", "strconv.ParseFloat: parsing \"1}\": invalid syntax"),
        Arguments.of("a{b=\"c\"}\n", "expected value after metric, got \"INVALID\""),
        Arguments.of("a {b=\"c\"} {\n", "expected value after metric, got \"BOPEN\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "null_byte_metric{a=\"abc\u0000\"} 1",
    "a{b=\"\u0000ss\"} 1\n",
    "a{b=\"\u0000\"} 1\n",
  })
  void acceptsNulBytesInsideLabelValuesAs242Does(String input) throws Exception {
    assertThat(ExpositionTexts.drain(parser(input), input.length())).isEqualTo(1);
  }

  @Test
  void endsTheInputAtANulStartingALineAs242Does() throws Exception {
    assertThat(describeAll("a 1\n\u0000b 2\n")).containsExactly("SERIES {__name__=\"a\"} 1");
  }

  @Test
  void endsTheInputAtANulInACommentWithoutABlankAfterTheHashAs242Does() throws Exception {
    assertThat(describeAll("#x\u0000y\na 1\n")).isEmpty();
  }

  // ---- Hostile input --------------------------------------------------------------------------

  @Test
  void truncatingValidInputsAnywhereGivesEntriesOrATextParseException() {
    String[] valid = {REFERENCE, "# TYPE h histogram\nh_bucket{le=\"+Inf\",x=\"a\\\\\\\"\\n\"} 1 123\nh_sum -Inf\n"};
    for (String text : valid) {
      byte[] input = bytes(text);
      for (int end = 0; end <= input.length; end++) {
        assertParsesOrFailsCleanly(Arrays.copyOf(input, end), "truncated at " + end);
      }
    }
  }

  @Test
  void mutatedExpositionsEitherParseOrFailWithTextParseException() {
    Random random = new Random(SEED);
    byte[] interesting = bytes("{}=,\" \t\\\n#\u0000\u00ff09.eE+-_pxa:HT");
    byte[] reference = bytes(REFERENCE);
    for (int iteration = 0; iteration < 20_000; iteration++) {
      byte[] b = reference.clone();
      for (int e = 0; e < 1 + random.nextInt(4); e++) {
        b[random.nextInt(b.length)] = random.nextBoolean()
            ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
      }
      assertParsesOrFailsCleanly(b, "seed " + SEED + ", iteration " + iteration);
    }
  }

  @Test
  void rejectsATenMegabyteLineWithAClearError() {
    byte[] input = new byte[10 << 20];
    Arrays.fill(input, (byte) 'a');
    assertThat(reasonFor(input)).isEqualTo("expected value after metric, got \"INVALID\"");
  }

  @Test
  void readsATenMegabyteLabelValue() throws Exception {
    byte[] value = new byte[10 << 20];
    Arrays.fill(value, (byte) 'v');
    byte[] input = concat(bytes("a{b=\""), value, bytes("\"} 1\n"));
    assertThat(firstSeriesLabels(input).get("b")).hasSize(10 << 20);
  }

  @Test
  void readsAMillionLabelsInBoundedTime() throws Exception {
    StringBuilder sb = new StringBuilder("a{");
    for (int i = 0; i < 1_000_000; i++) {
      sb.append('l').append(i).append("=\"v\",");
    }
    byte[] input = bytes(sb.append("} 1\n").toString());
    assertThat(firstSeriesLabels(input).size()).isEqualTo(1_000_001);
  }

  @Test
  void rejectsAMillionLabelsWithOneDuplicate() {
    StringBuilder sb = new StringBuilder("a{");
    for (int i = 0; i < 1_000_000; i++) {
      sb.append('l').append(i).append("=\"v\",");
    }
    byte[] input = bytes(sb.append("l7=\"w\"} 1\n").toString());
    assertThat(reasonFor(input)).isEqualTo("label name \"l7\" is not unique");
  }

  @Test
  void rejectsInvalidUtf8InALabelValueOnItsLine() {
    assertThatThrownBy(() -> ExpositionTexts.drain(new PrometheusTextParser(bytes("a 1\nb{c=\"\u00c3(\"} 1\n")), 20))
        .hasMessage("line 2: invalid UTF-8 label value");
  }

  @Test
  void readsAHundredThousandEmptyLinesWithoutDeepRecursion() throws Exception {
    byte[] input = new byte[100_000];
    Arrays.fill(input, (byte) '\n');
    assertThat(describeAll(new String(input, StandardCharsets.ISO_8859_1) + "a 1\n")).hasSize(1);
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private static void assertParsesOrFailsCleanly(byte[] input, String context) {
    try {
      ExpositionTexts.drain(new PrometheusTextParser(input), input.length);
    } catch (TextParseException expected) {
      // Rejected cleanly.
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      fail(context + ", input " + new String(input, StandardCharsets.ISO_8859_1), e);
    }
  }

  private static List<String> describeAll(String latin1) throws TextParseException {
    return ExpositionTexts.describeAll(parser(latin1));
  }

  private static Labels firstSeriesLabels(String latin1) throws TextParseException {
    return firstSeriesLabels(bytes(latin1));
  }

  private static Labels firstSeriesLabels(byte[] input) throws TextParseException {
    PrometheusTextParser parser = new PrometheusTextParser(input);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    return parser.labels();
  }

  private static String reasonFor(String latin1) {
    return reasonFor(bytes(latin1));
  }

  private static String reasonFor(byte[] input) {
    try {
      ExpositionTexts.drain(new PrometheusTextParser(input), input.length);
    } catch (TextParseException e) {
      return e.reason();
    }
    throw new AssertionError("no error for " + new String(input, StandardCharsets.ISO_8859_1));
  }

  private static TextParseException catchParseError(PrometheusTextParser parser) {
    try {
      ExpositionTexts.drain(parser, 1 << 20);
    } catch (TextParseException e) {
      return e;
    }
    throw new AssertionError("no error");
  }

  private static PrometheusTextParser parser(String latin1) {
    return new PrometheusTextParser(bytes(latin1));
  }

  private static byte[] concat(byte[] head, byte[] middle, byte[] tail) {
    byte[] out = new byte[head.length + middle.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(middle, 0, out, head.length, middle.length);
    System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
    return out;
  }
}
