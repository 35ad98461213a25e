package dev.vigil.scrape.textparse;

import static dev.vigil.scrape.textparse.ExpositionTexts.seriesText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.GoFloat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every input these tests give the parser is also read as a stream by {@link StreamingEquivalence},
 * with tiny buffers and short reads, which must see exactly the same entries and errors.
 */
class OpenMetricsParserTest {
  /** Override with -Dtests.seed=N to replay or vary the fuzz tests; failures print the seed. */
  private static final long SEED = Long.getLong("tests.seed", 0x0e11_5eedL);

  /** Prometheus 2.42's TestOpenMetricsParse exposition, which every Prometheus release must read alike. */
  private static final String REFERENCE = "# HELP go_gc_duration_seconds A summary of the GC invocation durations.\n"
      + "# TYPE go_gc_duration_seconds summary\n"
      + "# UNIT go_gc_duration_seconds seconds\n"
      + "go_gc_duration_seconds{quantile=\"0\"} 4.9351e-05\n"
      + "go_gc_duration_seconds{quantile=\"0.25\"} 7.424100000000001e-05\n"
      + "go_gc_duration_seconds{quantile=\"0.5\",a=\"b\"} 8.3835e-05\n"
      + "# HELP nohelp1 \n"
      + "# HELP help2 escape \\ \\n \\\\ \\\" \\x chars\n"
      + "# UNIT nounit \n"
      + "go_gc_duration_seconds{quantile=\"1.0\",a=\"b\"} 8.3835e-05\n"
      + "go_gc_duration_seconds_count 99\n"
      + "some:aggregate:rate5m{a_b=\"c\"} 1\n"
      + "# HELP go_goroutines Number of goroutines that currently exist.\n"
      + "# TYPE go_goroutines gauge\n"
      + "go_goroutines 33 123.123\n"
      + "# TYPE hh histogram\n"
      + "hh_bucket{le=\"+Inf\"} 1\n"
      + "# TYPE gh gaugehistogram\n"
      + "gh_bucket{le=\"+Inf\"} 1\n"
      + "# TYPE hhh histogram\n"
      + "hhh_bucket{le=\"+Inf\"} 1 # {aa=\"bb\"} 4\n"
      + "# TYPE ggh gaugehistogram\n"
      + "ggh_bucket{le=\"+Inf\"} 1 # {cc=\"dd\",xx=\"yy\"} 4 123.123\n"
      + "# TYPE ii info\n"
      + "ii{foo=\"bar\"} 1\n"
      + "# TYPE ss stateset\n"
      + "ss{ss=\"foo\"} 1\n"
      + "ss{ss=\"bar\"} 0\n"
      + "ss{A=\"a\"} 0\n"
      + "# TYPE un unknown\n"
      + "_metric_starting_with_underscore 1\n"
      + "testmetric{_label_starting_with_underscore=\"foo\"} 1\n"
      + "testmetric{label=\"\\\"bar\\\"\"} 1\n"
      + "# TYPE foo counter\n"
      + "foo_total 17.0 1520879607.789 # {xx=\"yy\"} 5\n"
      + "# HELP metric foo\u0000bar\n"
      + "null_byte_metric{a=\"abc\u0000\"} 1\n"
      + "# EOF\n";

  // ---- Families and samples -------------------------------------------------------------------

  @Test
  void readsTheReferenceExpositionOfPrometheus242() throws Exception {
    List<String> expected = List.of(
        "HELP go_gc_duration_seconds A summary of the GC invocation durations.",
        "TYPE go_gc_duration_seconds summary",
        "UNIT go_gc_duration_seconds seconds",
        "SERIES {__name__=\"go_gc_duration_seconds\", quantile=\"0\"} 4.9351e-05",
        "SERIES {__name__=\"go_gc_duration_seconds\", quantile=\"0.25\"} 7.424100000000001e-05",
        "SERIES {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"0.5\"} 8.3835e-05",
        "HELP nohelp1 ",
        "HELP help2 escape \\ \n \\ \" \\x chars",
        "UNIT nounit ",
        "SERIES {__name__=\"go_gc_duration_seconds\", a=\"b\", quantile=\"1.0\"} 8.3835e-05",
        "SERIES {__name__=\"go_gc_duration_seconds_count\"} 99",
        "SERIES {__name__=\"some:aggregate:rate5m\", a_b=\"c\"} 1",
        "HELP go_goroutines Number of goroutines that currently exist.",
        "TYPE go_goroutines gauge",
        "SERIES {__name__=\"go_goroutines\"} 33 @123123",
        "TYPE hh histogram",
        "SERIES {__name__=\"hh_bucket\", le=\"+Inf\"} 1",
        "TYPE gh gaugehistogram",
        "SERIES {__name__=\"gh_bucket\", le=\"+Inf\"} 1",
        "TYPE hhh histogram",
        "SERIES {__name__=\"hhh_bucket\", le=\"+Inf\"} 1",
        "TYPE ggh gaugehistogram",
        "SERIES {__name__=\"ggh_bucket\", le=\"+Inf\"} 1",
        "TYPE ii info",
        "SERIES {__name__=\"ii\", foo=\"bar\"} 1",
        "TYPE ss stateset",
        "SERIES {__name__=\"ss\", ss=\"foo\"} 1",
        "SERIES {__name__=\"ss\", ss=\"bar\"} 0",
        "SERIES {A=\"a\", __name__=\"ss\"} 0",
        "TYPE un unknown",
        "SERIES {__name__=\"_metric_starting_with_underscore\"} 1",
        "SERIES {__name__=\"testmetric\", _label_starting_with_underscore=\"foo\"} 1",
        "SERIES {__name__=\"testmetric\", label=\"\\\"bar\\\"\"} 1",
        "TYPE foo counter",
        "SERIES {__name__=\"foo_total\"} 17 @1520879607789",
        "HELP metric foo\u0000bar",
        "SERIES {__name__=\"null_byte_metric\", a=\"abc\\x00\"} 1");
    assertThat(describeAll(REFERENCE)).containsExactlyElementsOf(expected);
  }

  @Test
  void givesEachSeriesAsWrittenForScrapeCaches() throws Exception {
    OpenMetricsParser parser = parser("a{x=\"\u00e9\"} 1 5\nb 2\n# EOF\n");
    parser.next();
    assertThat(seriesText(parser)).isEqualTo("a{x=\"\u00c3\u00a9\"}");
    parser.next();
    assertThat(seriesText(parser)).isEqualTo("b");
  }

  @Test
  void readsOnlyTheGivenLengthOfABuffer() throws Exception {
    byte[] buffer = "a 1\n# EOF\nleftover from a longer body".getBytes(StandardCharsets.UTF_8);

    assertThat(ExpositionTexts.describeAll(new OpenMetricsParser(buffer, 10)))
        .containsExactly("SERIES {__name__=\"a\"} 1");
  }

  @Test
  void readsCounterWithTotalAndCreatedAsOrdinarySeries() throws Exception {
    String text = "# TYPE requests counter\n"
        + "# HELP requests Requests served.\n"
        + "requests_total{code=\"200\"} 1027 1700000000\n"
        + "requests_created{code=\"200\"} 1.6e9 1700000000\n"
        + "# EOF\n";
    assertThat(describeAll(text)).containsExactly(
        "TYPE requests counter",
        "HELP requests Requests served.",
        "SERIES {__name__=\"requests_total\", code=\"200\"} 1027 @1700000000000",
        "SERIES {__name__=\"requests_created\", code=\"200\"} 1.6e+09 @1700000000000");
  }

  @Test
  void readsGaugeWithoutTimestamp() throws Exception {
    OpenMetricsParser parser = parser("# TYPE temperature gauge\ntemperature{room=\"a\"} -3.5\n# EOF\n");
    assertThat(parser.next()).isEqualTo(Entry.TYPE);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.hasTimestamp()).isFalse();
    assertThat(parser.value()).isEqualTo(-3.5);
    assertThat(parser.next()).isEqualTo(Entry.EOF);
  }

  @Test
  void readsHistogramSeriesKeepingLeVerbatim() throws Exception {
    String text = "# TYPE latency histogram\n# UNIT latency_seconds seconds\n"
        + "latency_bucket{le=\"0.1\"} 3\nlatency_bucket{le=\"1\"} 5\nlatency_bucket{le=\"1.0\"} 5\n"
        + "latency_bucket{le=\"+Inf\"} 6\nlatency_sum 4.25\nlatency_count 6\nlatency_created 1.5e9\n# EOF\n";
    assertThat(describeAll(text)).containsExactly(
        "TYPE latency histogram",
        "UNIT latency_seconds seconds",
        "SERIES {__name__=\"latency_bucket\", le=\"0.1\"} 3",
        "SERIES {__name__=\"latency_bucket\", le=\"1\"} 5",
        "SERIES {__name__=\"latency_bucket\", le=\"1.0\"} 5",
        "SERIES {__name__=\"latency_bucket\", le=\"+Inf\"} 6",
        "SERIES {__name__=\"latency_sum\"} 4.25",
        "SERIES {__name__=\"latency_count\"} 6",
        "SERIES {__name__=\"latency_created\"} 1.5e+09");
  }

  @Test
  void readsSummaryQuantilesSumAndCount() throws Exception {
    String text = "# TYPE rpc summary\nrpc{quantile=\"0.5\"} 0.05\nrpc{quantile=\"0.99\"} NaN\n"
        + "rpc_sum 17\nrpc_count 400\n# EOF\n";
    assertThat(describeAll(text)).containsExactly(
        "TYPE rpc summary",
        "SERIES {__name__=\"rpc\", quantile=\"0.5\"} 0.05",
        "SERIES {__name__=\"rpc\", quantile=\"0.99\"} NaN",
        "SERIES {__name__=\"rpc_sum\"} 17",
        "SERIES {__name__=\"rpc_count\"} 400");
  }

  @Test
  void readsInfoMetric() throws Exception {
    assertThat(describeAll("# TYPE build info\nbuild_info{version=\"1.2\",revision=\"abc\"} 1\n# EOF\n"))
        .containsExactly("TYPE build info", "SERIES {__name__=\"build_info\", revision=\"abc\", version=\"1.2\"} 1");
  }

  @Test
  void readsStatesetMetric() throws Exception {
    assertThat(describeAll("# TYPE door stateset\ndoor{door=\"open\"} 1\ndoor{door=\"closed\"} 0\n# EOF\n"))
        .containsExactly(
            "TYPE door stateset",
            "SERIES {__name__=\"door\", door=\"open\"} 1",
            "SERIES {__name__=\"door\", door=\"closed\"} 0");
  }

  @Test
  void readsUnknownFamilyAndSamplesWithoutMetadata() throws Exception {
    assertThat(describeAll("# TYPE mystery unknown\nmystery 42\nno_metadata_at_all 7\n# EOF\n"))
        .containsExactly(
            "TYPE mystery unknown",
            "SERIES {__name__=\"mystery\"} 42",
            "SERIES {__name__=\"no_metadata_at_all\"} 7");
  }

  @Test
  void checksNoFamilyGroupingOrSampleNamesLikePrometheus242() throws Exception {
    String text = "# TYPE a counter\nb_total 1\n# TYPE a gauge\na_total 2\na_total 1\n# EOF\n";
    assertThat(describeAll(text)).hasSize(5);
  }

  @Test
  void acceptsEveryTypeName() throws Exception {
    String[] types = {"counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset", "unknown"};
    for (String type : types) {
      OpenMetricsParser parser = parser("# TYPE m " + type + "\n# EOF\n");
      assertThat(parser.next()).isEqualTo(Entry.TYPE);
      assertThat(parser.type()).isEqualTo(type);
    }
  }

  @Test
  void readsEmptyBraces() throws Exception {
    assertThat(describeAll("up{} 1\n# EOF\n")).containsExactly("SERIES {__name__=\"up\"} 1");
  }

  @Test
  void acceptsEndWithoutTrailingNewline() throws Exception {
    OpenMetricsParser parser = parser("up 1\n# EOF");
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.next()).isEqualTo(Entry.EOF);
  }

  @Test
  void keepsReturningEofAfterTheEnd() throws Exception {
    OpenMetricsParser parser = parser("# EOF\n");
    assertThat(parser.next()).isEqualTo(Entry.EOF);
    assertThat(parser.next()).isEqualTo(Entry.EOF);
  }

  // ---- Values and timestamps ------------------------------------------------------------------

  @Test
  void readsSpecialValuesWithGoNaNBits() throws Exception {
    OpenMetricsParser parser = parser("a NaN\nb +Inf\nc -Inf\nd -0\n# EOF\n");
    parser.next();
    assertThat(Double.doubleToRawLongBits(parser.value())).isEqualTo(GoFloat.NORMAL_NAN_BITS);
    parser.next();
    assertThat(parser.value()).isEqualTo(Double.POSITIVE_INFINITY);
    parser.next();
    assertThat(parser.value()).isEqualTo(Double.NEGATIVE_INFINITY);
    parser.next();
    assertThat(Double.doubleToRawLongBits(parser.value())).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void convertsTimestampSecondsToMillis() throws Exception {
    assertThat(timestampOf("1520879607.789")).isEqualTo(1520879607789L);
    assertThat(timestampOf("123.123")).isEqualTo(123123L);
    assertThat(timestampOf("1e3")).isEqualTo(1_000_000L);
  }

  /** 1.001 is 1.00099999999999988987... as a double, so int64(1.001*1000) is 1000. */
  @Test
  void truncatesFractionalMillisecondsLikeGo() throws Exception {
    assertThat(timestampOf("1.001")).isEqualTo(1000L);
    assertThat(timestampOf("0.0009")).isEqualTo(0L);
  }

  @Test
  void truncatesNegativeTimestampsTowardZero() throws Exception {
    assertThat(timestampOf("-1.5")).isEqualTo(-1500L);
    assertThat(timestampOf("-0.0015")).isEqualTo(-1L);
  }

  @Test
  void turnsTimestampsBeyondInt64IntoMinInt64AsGoOnAmd64() throws Exception {
    assertThat(timestampOf("1e300")).isEqualTo(Long.MIN_VALUE);
    assertThat(timestampOf("-1e300")).isEqualTo(Long.MIN_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Inf", "+Inf", "-Inf", "nan", "infinity"})
  void rejectsNonFiniteTimestamps(String timestamp) {
    assertThat(reasonFor("a 1 " + timestamp + "\n# EOF\n")).isEqualTo("invalid timestamp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Inf", "-Inf"})
  void rejectsNonFiniteExemplarTimestamps(String timestamp) {
    assertThat(reasonFor("a_total 1 # {x=\"y\"} 1 " + timestamp + "\n# EOF\n")).isEqualTo("invalid exemplar timestamp");
  }

  @Test
  void timestampAccessorRefusesSeriesWithoutTimestamp() throws Exception {
    OpenMetricsParser parser = parser("a 1\n# EOF\n");
    parser.next();
    assertThatThrownBy(parser::timestampMillis).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsHexFloatValues() {
    assertThat(reasonFor("a 0x1p-3\n# EOF\n")).isEqualTo("unsupported character in float");
  }

  @Test
  void rejectsDigitSeparatorsInTimestamps() {
    assertThat(reasonFor("a 0 1_2\n# EOF\n")).isEqualTo("unsupported character in float");
  }

  @Test
  void quotesTheRawBytesOfAValueThatIsNotUtf8() {
    assertThat(reasonFor(bytes("a 1\u00fe\n# EOF\n")))
        .isEqualTo("strconv.ParseFloat: parsing \"1\\xfe\": invalid syntax");
  }

  @Test
  void rejectsValuesBeyondTheDoubleRange() {
    assertThat(reasonFor("a 1e999\n# EOF\n")).isEqualTo("strconv.ParseFloat: parsing \"1e999\": value out of range");
  }

  // ---- Exemplars ------------------------------------------------------------------------------

  @Test
  void acceptsAndDropsExemplarsOnTotalAndBucketSeries() throws Exception {
    String text = "a_total 3 # {trace_id=\"abc\"} 1\n"
        + "b_bucket{le=\"1\"} 2 # {trace_id=\"def\",span=\"x\"} 0.5 1700000000.5\n"
        + "c_total 4 1700000000 # {} 1\n# EOF\n";
    assertThat(describeAll(text)).containsExactly(
        "SERIES {__name__=\"a_total\"} 3",
        "SERIES {__name__=\"b_bucket\", le=\"1\"} 2",
        "SERIES {__name__=\"c_total\"} 4 @1700000000000");
  }

  @Test
  void rejectsExemplarsOnOtherNames() {
    assertThat(reasonFor("a_count 3 # {trace_id=\"abc\"} 1\n# EOF\n"))
        .isEqualTo("metric name a_count does not support exemplars");
  }

  @Test
  void rejectsInvalidUtf8InExemplarLabelValues() {
    assertThat(reasonFor(bytes("a_total 1 # {x=\"\u00ff\"} 1\n# EOF\n"))).isEqualTo("invalid UTF-8 label value");
  }

  @Test
  void rejectsTextAfterExemplarTimestamp() {
    assertThat(reasonFor("a_total 1 # {x=\"y\"} 1 2 3\n# EOF\n"))
        .isEqualTo("expected next entry after exemplar timestamp, got \"TIMESTAMP\"");
  }

  // ---- Labels, escapes, UTF-8 -----------------------------------------------------------------

  @Test
  void sortsLabelsAndIncludesTheMetricName() throws Exception {
    Labels labels = firstSeriesLabels("m{zeta=\"1\",alpha=\"2\",Mid=\"3\"} 1\n# EOF\n");
    assertThat(labels).isEqualTo(Labels.of("__name__", "m", "zeta", "1", "alpha", "2", "Mid", "3"));
    assertThat(labels.name(0)).isEqualTo("Mid");
  }

  @Test
  void readsMetricNamesWithColonsAndLeadingUnderscore() throws Exception {
    assertThat(firstSeriesLabels("_job:rate5m:sum 1\n# EOF\n").get("__name__")).isEqualTo("_job:rate5m:sum");
  }

  @Test
  void unescapesBackslashQuoteAndNewlineInLabelValues() throws Exception {
    Labels labels = firstSeriesLabels("m{a=\"back\\\\slash\",b=\"say \\\"hi\\\"\",c=\"two\\nlines\"} 1\n# EOF\n");
    assertThat(labels.get("a")).isEqualTo("back\\slash");
    assertThat(labels.get("b")).isEqualTo("say \"hi\"");
    assertThat(labels.get("c")).isEqualTo("two\nlines");
  }

  @Test
  void keepsUnknownEscapesVerbatim() throws Exception {
    assertThat(firstSeriesLabels("m{a=\"tab\\there\"} 1\n# EOF\n").get("a")).isEqualTo("tab\\there");
  }

  @Test
  void decodesEscapesLeftToRightWithoutOverlap() throws Exception {
    assertThat(firstSeriesLabels("m{a=\"\\\\n\"} 1\n# EOF\n").get("a")).isEqualTo("\\n");
  }

  @Test
  void rejectsRawNewlineInLabelValue() {
    assertThat(reasonFor("m{a=\"x\ny\"} 1\n# EOF\n")).isEqualTo("expected label value, got \"INVALID\"");
  }

  @Test
  void decodesUtf8LabelValues() throws Exception {
    String value = "gr\u00fc\u00dfe \u20ac \ud83d\ude00";
    assertThat(firstSeriesLabels("m{a=\"" + value + "\"} 1\n# EOF\n").get("a")).isEqualTo(value);
  }

  @Test
  void rejectsInvalidUtf8LabelValue() {
    assertThat(reasonFor(bytes("a{b=\"\u00ff\"} 1\n# EOF\n"))).isEqualTo("invalid UTF-8 label value");
  }

  @Test
  void rejectsUtf8SurrogatesAndOverlongForms() {
    byte[] surrogate = concat("a{b=\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"} 1\n# EOF\n");
    byte[] overlong = concat("a{b=\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"} 1\n# EOF\n");
    byte[] truncated = concat("a{b=\"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"} 1\n# EOF\n");
    assertThat(reasonFor(surrogate)).isEqualTo("invalid UTF-8 label value");
    assertThat(reasonFor(overlong)).isEqualTo("invalid UTF-8 label value");
    assertThat(reasonFor(truncated)).isEqualTo("invalid UTF-8 label value");
  }

  @Test
  void rejectsInvalidUtf8Help() {
    assertThat(reasonFor(bytes("# HELP m bad \u00ff\n# EOF\n"))).isEqualTo("help text is not a valid utf8 string");
  }

  @Test
  void quotesInvalidTypeBytesLikeGo() {
    assertThat(reasonFor(bytes("# TYPE m c\u00ffunter\n# EOF\n"))).isEqualTo("invalid metric type \"c\\xffunter\"");
  }

  @Test
  void keepsEmptyLabelValues() throws Exception {
    assertThat(firstSeriesLabels("m{a=\"\",b=\"x\"} 1\n# EOF\n").get("a")).isEqualTo("");
  }

  @Test
  void rejectsDuplicateLabelNamesWhenLabelsAreBuilt() throws Exception {
    OpenMetricsParser parser = parser("ok 1\nm{a=\"1\",b=\"2\",a=\"3\"} 1\n# EOF\n");
    parser.next();
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThatThrownBy(parser::labels)
        .isInstanceOf(TextParseException.class)
        .hasMessage("line 2: label name \"a\" is not unique");
  }

  @Test
  void sharesTheLabelsOfConsecutiveLinesWithTheSameSeries() throws Exception {
    OpenMetricsParser parser = parser("m{a=\"1\"} 1 1\nm{a=\"1\"} 2 2\nm{a=\"2\"} 3 3\nm{b=\"1\"} 4 4\n"
        + "m{a=\"1\"} 5 5\nm{} 6\nm 7\nm 8\n# EOF\n");
    List<Labels> labels = new ArrayList<>();
    while (parser.next() != Entry.EOF) {
      labels.add(parser.labels());
    }
    assertThat(labels).containsExactly(
        Labels.of("__name__", "m", "a", "1"), Labels.of("__name__", "m", "a", "1"),
        Labels.of("__name__", "m", "a", "2"), Labels.of("__name__", "m", "b", "1"),
        Labels.of("__name__", "m", "a", "1"), Labels.of("__name__", "m"), Labels.of("__name__", "m"),
        Labels.of("__name__", "m"));
    assertThat(labels.get(1)).isSameAs(labels.get(0));
    assertThat(labels.get(7)).isSameAs(labels.get(6));
  }

  @Test
  void reportsADuplicateLabelNameOnEveryLineItIsOn() throws Exception {
    OpenMetricsParser parser = parser("m{a=\"1\",a=\"2\"} 1\nm{a=\"1\",a=\"2\"} 1\n# EOF\n");
    parser.next();
    assertThatThrownBy(parser::labels).hasMessage("line 1: label name \"a\" is not unique");
    parser.next();
    assertThatThrownBy(parser::labels).hasMessage("line 2: label name \"a\" is not unique");
  }

  /** Labels shared between lines are those a parser that saw only that line builds. */
  @Test
  void sharedLabelsEqualThoseBuiltAfresh() throws Exception {
    Random random = new Random(SEED);
    String[] pool = {
      "m{a=\"1\"}", "m{a=\"2\"}", "m{b=\"1\"}", "m{a=\"1\",b=\"1\"}", "m{b=\"1\",a=\"1\"}", "m", "m{}", "n",
      "m{a=\"1\\\\\"}", "m{a=\"1\\\\\\n\"}", "m{a=\"x\"\u0000}", "m{a=\"x\u0000\"}", "mm{a=\"1\"}", "m_total{a=\"1\"}",
    };
    for (int iteration = 0; iteration < 2_000; iteration++) {
      StringBuilder sb = new StringBuilder();
      int lines = 1 + random.nextInt(12);
      for (int i = 0; i < lines; i++) {
        sb.append(pool[random.nextInt(pool.length)]).append(' ').append(i).append('\n');
      }
      OpenMetricsParser parser = parser(sb.append("# EOF\n").toString());
      String[] text = sb.toString().split("\n");
      for (int i = 0; i < lines; i++) {
        assertThat(parser.next()).isEqualTo(Entry.SERIES);
        OpenMetricsParser alone = new OpenMetricsParser(bytes(text[i] + "\n# EOF\n"));
        alone.next();
        assertThat(parser.labels()).as("seed %d, iteration %d, line %d of %s", SEED, iteration, i + 1, sb)
            .isEqualTo(alone.labels());
      }
    }
  }

  @Test
  void treatsMetricNameLabelInBracesAsDuplicate() throws Exception {
    OpenMetricsParser parser = parser("m{__name__=\"other\"} 1\n# EOF\n");
    parser.next();
    assertThatThrownBy(parser::labels).hasMessage("line 1: label name \"__name__\" is not unique");
  }

  @Test
  void keepsNulBytesInLabelValuesAndHelp() throws Exception {
    OpenMetricsParser parser = parser("# HELP m a\u0000b\nm{a=\"\u0000x\u0000\"} 1\n# EOF\n");
    parser.next();
    assertThat(parser.help()).isEqualTo("a\u0000b");
    parser.next();
    assertThat(parser.labels().get("a")).isEqualTo("\u0000x\u0000");
  }

  /** 2.42's lexer steps over NULs after a closing quote and cuts the value one byte short of the token end. */
  @Test
  void takesNulAfterClosingQuoteIntoTheValueAs242Does() throws Exception {
    assertThat(firstSeriesLabels("m{a=\"x\"\u0000} 1\n# EOF\n").get("a")).isEqualTo("x\"");
  }

  @Test
  void readsTenMegabyteLabelValue() throws Exception {
    byte[] prefix = "m{big=\"".getBytes(StandardCharsets.US_ASCII);
    byte[] suffix = "\"} 1\n# EOF\n".getBytes(StandardCharsets.US_ASCII);
    int size = 10 * 1024 * 1024;
    byte[] text = new byte[prefix.length + size + suffix.length];
    System.arraycopy(prefix, 0, text, 0, prefix.length);
    Arrays.fill(text, prefix.length, prefix.length + size, (byte) 'v');
    System.arraycopy(suffix, 0, text, prefix.length + size, suffix.length);
    assertThat(firstSeriesLabels(text).get("big")).hasSize(size);
  }

  @Test
  void buildsLabelsOfHugeUnsortedSeriesQuickly() {
    StringBuilder sb = new StringBuilder("m{");
    for (int i = 200_000; i > 0; i--) {
      sb.append('l').append(i).append("=\"v\",");
    }
    sb.append("l0=\"v\"} 1\n# EOF\n");
    byte[] text = bytes(sb.toString());
    Labels labels = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> firstSeriesLabels(text));
    assertThat(labels.size()).isEqualTo(200_002);
  }

  // ---- Metadata -------------------------------------------------------------------------------

  @Test
  void unescapesHelpLikeLabelValues() throws Exception {
    OpenMetricsParser parser = parser("# HELP m a \\\\ b \\n c \\\" d \\t\n# EOF\n");
    parser.next();
    assertThat(parser.metricFamily()).isEqualTo("m");
    assertThat(parser.help()).isEqualTo("a \\ b \n c \" d \\t");
  }

  @Test
  void acceptsEmptyHelpAndUnit() throws Exception {
    OpenMetricsParser parser = parser("# HELP m \n# UNIT m \n# EOF\n");
    parser.next();
    assertThat(parser.help()).isEmpty();
    parser.next();
    assertThat(parser.unit()).isEmpty();
  }

  @Test
  void acceptsUnitThatIsAnUnderscoreSuffixOfTheFamily() throws Exception {
    OpenMetricsParser parser = parser("# UNIT request_duration_seconds seconds\n# EOF\n");
    assertThat(parser.next()).isEqualTo(Entry.UNIT);
    assertThat(parser.metricFamily()).isEqualTo("request_duration_seconds");
    assertThat(parser.unit()).isEqualTo("seconds");
  }

  @Test
  void rejectsUnitThatIsNotAnUnderscoreSuffix() {
    assertThat(reasonFor("# UNIT durationseconds seconds\n# EOF\n"))
        .isEqualTo("unit not a suffix of metric \"durationseconds\"");
    assertThat(reasonFor("# UNIT seconds seconds\n# EOF\n")).isEqualTo("unit not a suffix of metric \"seconds\"");
  }

  @Test
  void rejectsPlainCommentsAs242Does() {
    assertThat(reasonFor("# just a comment\n# EOF\n")).isEqualTo("\"INVALID\" \"j\" is not a valid start token");
  }

  @Test
  void metadataAccessorsRefuseOtherEntries() throws Exception {
    OpenMetricsParser parser = parser("# TYPE m gauge\nm 1\n# EOF\n");
    assertThatThrownBy(parser::metricFamily).isInstanceOf(IllegalStateException.class);
    parser.next();
    assertThatThrownBy(parser::help).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(parser::labels).isInstanceOf(IllegalStateException.class);
    parser.next();
    assertThatThrownBy(parser::type).isInstanceOf(IllegalStateException.class);
  }

  // ---- End of input ---------------------------------------------------------------------------

  @Test
  void rejectsInputWithoutEof() {
    assertThat(reasonFor("")).isEqualTo("data does not end with # EOF");
    assertThat(reasonFor("a 1\n")).isEqualTo("data does not end with # EOF");
    assertThat(reasonFor("# HELP a b\n")).isEqualTo("data does not end with # EOF");
  }

  @Test
  void rejectsDataAfterEof() {
    assertThat(reasonFor("# EOF\na 1\n")).isEqualTo("unexpected data after # EOF");
    assertThat(reasonFor("# EOF\n\n")).isEqualTo("unexpected data after # EOF");
    assertThat(reasonFor("# EOF \n")).isEqualTo("unexpected data after # EOF");
  }

  @Test
  void failsEveryTruncationOfAValidExposition() {
    byte[] full = bytes(REFERENCE);
    int eof = REFERENCE.indexOf("# EOF");
    for (int length = 0; length < eof + "# EOF".length(); length++) {
      byte[] prefix = Arrays.copyOf(full, length);
      assertThatThrownBy(() -> drain(prefix)).as("prefix of %d bytes", length).isInstanceOf(TextParseException.class);
    }
  }

  // ---- Errors ---------------------------------------------------------------------------------

  @Test
  void namesTheLineInErrorMessages() throws Exception {
    OpenMetricsParser parser = parser("a 1\n# TYPE a gauge\nb{x=oops} 1\n# EOF\n");
    parser.next();
    parser.next();
    assertThatThrownBy(parser::next)
        .isInstanceOf(TextParseException.class)
        .hasMessage("line 3: expected label value, got \"INVALID\"")
        .satisfies(e -> assertThat(((TextParseException) e).lineNumber()).isEqualTo(3));
  }

  @Test
  void reportsDataAfterEofOnTheLineItIsOn() {
    assertThatThrownBy(() -> drain(bytes("a 1\n# EOF\nb 2\n"))).hasMessage("line 3: unexpected data after # EOF");
  }

  @Test
  void numbersEntriesByLine() throws Exception {
    OpenMetricsParser parser = parser("# TYPE a gauge\na 1\n# HELP a x\na 2\n# EOF\n");
    List<Integer> lines = new ArrayList<>();
    while (parser.next() != Entry.EOF) {
      lines.add(parser.lineNumber());
    }
    lines.add(parser.lineNumber());
    assertThat(lines).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void throwsTheSameErrorAgainAfterFailing() throws Exception {
    OpenMetricsParser parser = parser("a b\n# EOF\n");
    TextParseException first = StreamingEquivalence.catchParseError(parser);
    assertThat(StreamingEquivalence.catchParseError(parser)).isSameAs(first);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("prometheus242ErrorCases")
  void reportsTheSameErrorAsPrometheus242(String input, String reason) {
    assertThat(reasonFor(bytes(input))).isEqualTo(reason);
  }

  /** Prometheus 2.42's TestOpenMetricsParseErrors and TestOMNullByteHandling cases (\u00ff is byte 0xff). */
  static Stream<Arguments> prometheus242ErrorCases() {
    return Stream.of(
        Arguments.of("", "data does not end with # EOF"),
        Arguments.of("\n", "\"INVALID\" \"\\n\" is not a valid start token"),
        Arguments.of("metric", "expected value after metric, got \"EOF\""),
        Arguments.of("metric 1", "data does not end with # EOF"),
        Arguments.of("metric 1\n", "data does not end with # EOF"),
        Arguments.of("metric_total 1 # {aa=\"bb\"} 4", "data does not end with # EOF"),
        Arguments.of("a\n#EOF\n", "expected value after metric, got \"INVALID\""),
        Arguments.of("\n\n#EOF\n", "\"INVALID\" \"\\n\" is not a valid start token"),
        Arguments.of(" a 1\n#EOF\n", "\"INVALID\" \" \" is not a valid start token"),
        Arguments.of("9\n#EOF\n", "\"INVALID\" \"9\" is not a valid start token"),
        Arguments.of("# TYPE u untyped\n#EOF\n", "invalid metric type \"untyped\""),
        Arguments.of("# TYPE c counter \n#EOF\n", "invalid metric type \"counter \""),
        Arguments.of("#  TYPE c counter\n#EOF\n", "\"INVALID\" \" \" is not a valid start token"),
        Arguments.of("# TYPE \n#EOF\n", "expected metric name after TYPE, got \"INVALID\""),
        Arguments.of("# TYPE m\n#EOF\n", "expected text in TYPE"),
        Arguments.of("# UNIT metric suffix\n#EOF\n", "unit not a suffix of metric \"metric\""),
        Arguments.of("# UNIT metricsuffix suffix\n#EOF\n", "unit not a suffix of metric \"metricsuffix\""),
        Arguments.of("# UNIT m suffix\n#EOF\n", "unit not a suffix of metric \"m\""),
        Arguments.of("# UNIT \n#EOF\n", "expected metric name after UNIT, got \"INVALID\""),
        Arguments.of("# UNIT m\n#EOF\n", "expected text in UNIT"),
        Arguments.of("# HELP \n#EOF\n", "expected metric name after HELP, got \"INVALID\""),
        Arguments.of("# HELP m\n#EOF\n", "expected text in HELP"),
        Arguments.of("a\t1\n#EOF\n", "expected value after metric, got \"INVALID\""),
        Arguments.of("a 1\t2\n#EOF\n", "strconv.ParseFloat: parsing \"1\\t2\": invalid syntax"),
        Arguments.of("a 1 2 \n#EOF\n", "expected next entry after timestamp, got \"INVALID\""),
        Arguments.of("a 1 2 #\n#EOF\n", "expected next entry after timestamp, got \"TIMESTAMP\""),
        Arguments.of("a 1 1z\n#EOF\n", "strconv.ParseFloat: parsing \"1z\": invalid syntax"),
        Arguments.of(" # EOF\n", "\"INVALID\" \" \" is not a valid start token"),
        Arguments.of("# EOF\na 1", "unexpected data after # EOF"),
        Arguments.of("# EOF\n\n", "unexpected data after # EOF"),
        Arguments.of("# EOFa 1", "unexpected data after # EOF"),
        Arguments.of("#\tTYPE c counter\n", "\"INVALID\" \"\\t\" is not a valid start token"),
        Arguments.of("# TYPE c  counter\n", "invalid metric type \" counter\""),
        Arguments.of("a 1 1 1\n# EOF\n", "expected next entry after timestamp, got \"TIMESTAMP\""),
        Arguments.of("a{b='c'} 1\n# EOF\n", "expected label value, got \"INVALID\""),
        Arguments.of("a{b=\"c\",} 1\n# EOF\n", "expected label name, got \"BCLOSE\""),
        Arguments.of("a{,b=\"c\"} 1\n# EOF\n", "expected label name or left brace, got \"COMMA\""),
        Arguments.of("a{b=\"c\"d=\"e\"} 1\n# EOF\n", "expected comma, got \"LNAME\""),
        Arguments.of("a{b=\"c\",,d=\"e\"} 1\n# EOF\n", "expected label name, got \"COMMA\""),
        Arguments.of("a{b=\n# EOF\n", "expected label value, got \"INVALID\""),
        Arguments.of("a{\u00ff=\"foo\"} 1\n# EOF\n", "expected label name or left brace, got \"INVALID\""),
        Arguments.of("a{b=\"\u00ff\"} 1\n# EOF\n", "invalid UTF-8 label value"),
        Arguments.of("a true\n", "strconv.ParseFloat: parsing \"true\": invalid syntax"),
        Arguments.of("something_weird{problem=\"\n# EOF\n", "expected label value, got \"INVALID\""),
        Arguments.of("empty_label_name{=\"\"} 0\n# EOF\n", "expected label name or left brace, got \"EQUAL\""),
        Arguments.of("foo 1_2\n\n# EOF\n", "unsupported character in float"),
        Arguments.of("foo 0x1p-3\n\n# EOF\n", "unsupported character in float"),
        Arguments.of("foo 0x1P-3\n\n# EOF\n", "unsupported character in float"),
        Arguments.of("foo 0 1_2\n\n# EOF\n", "unsupported character in float"),
        Arguments.of("custom_metric_total 1 # {aa=bb}\n# EOF\n", "expected label value, got \"INVALID\""),
        Arguments.of("custom_metric_total 1 # {aa=\"bb\"}\n# EOF\n", "expected value after exemplar labels, got \"INVALID\""),
        Arguments.of("custom_metric_total 1 # {aa=\"bb\"}", "expected value after exemplar labels, got \"EOF\""),
        Arguments.of("custom_metric 1 # {aa=\"bb\"}", "metric name custom_metric does not support exemplars"),
        Arguments.of("custom_metric_total 1 # {aa=\"bb\",,cc=\"dd\"} 1", "expected label name, got \"COMMA\""),
        Arguments.of("custom_metric_total 1 # {aa=\"bb\"} 1_2", "unsupported character in float"),
        Arguments.of("custom_metric_total 1 # {aa=\"bb\"} 0x1p-3", "unsupported character in float"),
        Arguments.of("custom_metric_total 1 # {aa=\"bb\"} true", "strconv.ParseFloat: parsing \"true\": invalid syntax"),
        Arguments.of("custom_metric_total 1 # {aa=\"bb\",cc=}", "expected label value, got \"INVALID\""),
        Arguments.of("custom_metric_total 1 # {aa=\\\"\u00ff\\\"} 9.0", "expected label value, got \"INVALID\""),
        Arguments.of("{b=\"c\",} 1", "\"INVALID\" \"{\" is not a valid start token"),
        Arguments.of("a 1 NaN", "invalid timestamp"),
        Arguments.of("a 1 -Inf", "invalid timestamp"),
        Arguments.of("a 1 Inf", "invalid timestamp"),
        Arguments.of("# TYPE hhh histogram\nhhh_bucket{le=\"+Inf\"} 1 # {aa=\"bb\"} 4 NaN", "invalid exemplar timestamp"),
        Arguments.of("# TYPE hhh histogram\nhhh_bucket{le=\"+Inf\"} 1 # {aa=\"bb\"} 4 -Inf", "invalid exemplar timestamp"),
        Arguments.of("# TYPE hhh histogram\nhhh_bucket{le=\"+Inf\"} 1 # {aa=\"bb\"} 4 Inf", "invalid exemplar timestamp"),
        Arguments.of("a{b=\u0000\"ssss\"} 1\n# EOF\n", "expected label value, got \"INVALID\""),
        Arguments.of("a{b=\"\u0000", "expected label value, got \"INVALID\""),
        Arguments.of("a{b\u0000=\"hiih\"}\t1", "expected equal, got \"INVALID\""),
        Arguments.of("a\u0000{b=\"ddd\"} 1", "expected value after metric, got \"INVALID\""),
        Arguments.of("#", "\"INVALID\" \" \" is not a valid start token"),
        Arguments.of("# H", "\"INVALID\" \" \" is not a valid start token"),
        Arguments.of("custom_metric_total 1 # {b=\u0000\"ssss\"} 1\n", "expected label value, got \"INVALID\""),
        Arguments.of("custom_metric_total 1 # {b=\"\u0000ss\"} 1\n", "expected label value, got \"INVALID\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "null_byte_metric{a=\"abc\u0000\"} 1\n# EOF\n",
    "a{b=\"\u0000ss\"} 1\n# EOF\n",
    "a{b=\"\u0000\"} 1\n# EOF\n",
    "a{b=\"\u0000\"} 1\n# EOF",
  })
  void acceptsNulBytesInsideLabelValuesAs242Does(String input) throws Exception {
    assertThat(drain(bytes(input))).isEqualTo(1);
  }

  // ---- Hostile input --------------------------------------------------------------------------

  @Test
  void mutatedExpositionsEitherParseOrFailWithTextParseException() {
    Random random = new Random(SEED);
    byte[][] corpus = {
      bytes(REFERENCE),
      bytes("# TYPE a_total counter\na_total{x=\"1\\\\\\\"\\n\"} 1 2.5 # {t=\"x\"} 1 3\n# EOF\n"),
      bytes("# HELP h x\n# UNIT h_s s\nh_bucket{le=\"+Inf\"} NaN -1.5e3\n# EOF"),
    };
    for (int iteration = 0; iteration < 30_000; iteration++) {
      byte[] input = mutate(corpus[random.nextInt(corpus.length)], random);
      assertParsesOrFailsCleanly(input, "seed " + SEED + ", iteration " + iteration);
    }
  }

  @Test
  void randomBytesEitherParseOrFailWithTextParseException() {
    Random random = new Random(SEED);
    byte[] alphabet = bytes("# {}=,\"\\\n\t\u0000\u00ffaZ_:09.e+-EOFHELPTYPEUNIT");
    for (int iteration = 0; iteration < 20_000; iteration++) {
      byte[] input = new byte[random.nextInt(64)];
      for (int i = 0; i < input.length; i++) {
        input[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
      }
      assertParsesOrFailsCleanly(input, "seed " + SEED + ", iteration " + iteration);
    }
  }

  private static void assertParsesOrFailsCleanly(byte[] input, String context) {
    try {
      drain(input);
    } catch (TextParseException expected) {
      // Rejected cleanly.
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      fail(context + ", input " + Arrays.toString(input), e);
    }
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] interesting = bytes("{}=,\" \\\n#\u0000\u00ff09.eE+-_pxa:");
    byte[] b = original.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(5)) {
        case 0:
          b[at] = interesting[random.nextInt(interesting.length)];
          break;
        case 1:
          b[at] = (byte) random.nextInt(256);
          break;
        case 2:
          b = concat(Arrays.copyOf(b, at), new byte[] {interesting[random.nextInt(interesting.length)]},
              Arrays.copyOfRange(b, at, b.length));
          break;
        case 3:
          int end = Math.min(b.length, at + 1 + random.nextInt(8));
          b = concat(Arrays.copyOf(b, at), new byte[0], Arrays.copyOfRange(b, end, b.length));
          break;
        default:
          b = Arrays.copyOf(b, at);
          break;
      }
    }
    return b;
  }

  // ---- Helpers --------------------------------------------------------------------------------

  /** Reads everything, touching every accessor; returns the number of series. */
  private static int drain(byte[] input) throws TextParseException {
    StreamingEquivalence.assertStreamMatchesArray(input);
    OpenMetricsParser parser = new OpenMetricsParser(input);
    int series = 0;
    // Each entry but the last consumes at least one byte, so this bounds a runaway parser.
    for (int i = 0; i <= input.length + 1; i++) {
      Entry entry = parser.next();
      switch (entry) {
        case EOF:
          return series;
        case SERIES:
          parser.labels();
          parser.value();
          if (parser.hasTimestamp()) {
            parser.timestampMillis();
          }
          series++;
          break;
        case TYPE:
          parser.type();
          parser.metricFamily();
          break;
        case HELP:
          parser.help();
          parser.metricFamily();
          break;
        case UNIT:
          parser.unit();
          parser.metricFamily();
          break;
        default:
          throw new AssertionError("unexpected entry " + entry);
      }
    }
    throw new AssertionError("the parser did not reach the end");
  }

  private static List<String> describeAll(String text) throws TextParseException {
    OpenMetricsParser parser = parser(text);
    List<String> out = new ArrayList<>();
    for (Entry entry = parser.next(); entry != Entry.EOF; entry = parser.next()) {
      switch (entry) {
        case TYPE:
          out.add("TYPE " + parser.metricFamily() + " " + parser.type());
          break;
        case HELP:
          out.add("HELP " + parser.metricFamily() + " " + parser.help());
          break;
        case UNIT:
          out.add("UNIT " + parser.metricFamily() + " " + parser.unit());
          break;
        case SERIES:
          out.add("SERIES " + parser.labels() + " " + GoFloat.formatG(parser.value())
              + (parser.hasTimestamp() ? " @" + parser.timestampMillis() : ""));
          break;
        default:
          throw new AssertionError("unexpected entry " + entry);
      }
    }
    return out;
  }

  private static long timestampOf(String timestamp) throws TextParseException {
    OpenMetricsParser parser = parser("a 1 " + timestamp + "\n# EOF\n");
    parser.next();
    return parser.timestampMillis();
  }

  private static Labels firstSeriesLabels(String text) throws TextParseException {
    return firstSeriesLabels(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Labels firstSeriesLabels(byte[] text) throws TextParseException {
    StreamingEquivalence.assertStreamMatchesArray(text);
    OpenMetricsParser parser = new OpenMetricsParser(text);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    return parser.labels();
  }

  private static String reasonFor(String text) {
    return reasonFor(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String reasonFor(byte[] text) {
    try {
      drain(text);
    } catch (TextParseException e) {
      return e.reason();
    }
    throw new AssertionError("no error for " + new String(text, StandardCharsets.ISO_8859_1));
  }

  private static OpenMetricsParser parser(String text) {
    byte[] input = text.getBytes(StandardCharsets.UTF_8);
    StreamingEquivalence.assertStreamMatchesArray(input);
    return new OpenMetricsParser(input);
  }

  /** Each char as one byte, so test inputs can hold raw bytes like 0xff. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    return concat(bytes(head), middle, bytes(tail));
  }

  private static byte[] concat(byte[] head, byte[] middle, byte[] tail) {
    byte[] out = new byte[head.length + middle.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(middle, 0, out, head.length, middle.length);
    System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
    return out;
  }
}
