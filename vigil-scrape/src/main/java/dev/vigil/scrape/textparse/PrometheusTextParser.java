package dev.vigil.scrape.textparse;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.Labels;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A pull parser for the Prometheus text exposition format 0.0.4 that accepts and rejects exactly what
 * Prometheus 2.42's {@code textparse.PromParser} does, with 2.42's error wording prefixed by the line
 * number.
 *
 * <p>Like 2.42 it checks the syntax of each line and keeps no state across lines: summaries and
 * histograms are plain series ({@code _sum}, {@code _count}, {@code _bucket}, {@code quantile}),
 * {@code # EOF} is an ordinary comment, and blank lines are skipped. What 2.42 reads that a reader of
 * the format's documentation may not expect, and this parser reads alike:
 *
 * <ul>
 *   <li>Blanks before a metric name are part of the name ({@code "  a 1"} has {@code __name__="  a"});
 *       Prometheus's scrape loop then rejects the name, as Vigil's must.
 *   <li>Label pairs need no comma between them, a trailing comma is allowed, and a label value may
 *       hold a raw newline.
 *   <li>A timestamp is digits only (milliseconds, no sign); a value is anything Go's
 *       {@code ParseFloat} reads except hex floats and digit separators.
 *   <li>A NUL byte at the start of a line, or in a {@code #} comment line not starting with
 *       {@code "# "}, ends the input without an error; NULs inside label values and help text are kept.
 * </ul>
 *
 * <p>Labels are built only when asked for, through a small cache of recent series ({@link SeriesLabels}).
 * A series line of the usual shape ({@code name{label="value",...} value}, see {@link
 * #parsePlainSeries}) is read in one pass over its bytes rather than token by token, with the same
 * result; any other line goes through the lexer.
 */
public final class PrometheusTextParser implements ExpositionParser {
  private final byte[] input;
  private final PrometheusTextLexer lexer;
  private final SeriesLabels seriesLabels = new SeriesLabels();
  /** Whether plain series lines are read in one pass; off only to test that this changes nothing. */
  private final boolean plainLinesInOnePass;

  private Entry entry;
  private TextParseException failure;
  private int line;

  private int nameStart;
  private int nameEnd;
  private int textStart;
  private int textEnd;
  private String type;

  private int seriesEnd;
  private double value;
  private boolean hasTimestamp;
  private long timestampMillis;
  private Labels labels;

  /** Parses {@code input} (UTF-8), which the caller must not change while parsing. */
  public PrometheusTextParser(byte[] input) {
    this(input, input.length);
  }

  /** Parses the first {@code length} bytes of {@code input}, as {@link #PrometheusTextParser(byte[])}. */
  public PrometheusTextParser(byte[] input, int length) {
    this(input, length, true);
  }

  PrometheusTextParser(byte[] input, int length, boolean plainLinesInOnePass) {
    Objects.checkFromIndexSize(0, length, input.length);
    this.input = input;
    this.lexer = new PrometheusTextLexer(input, length);
    this.plainLinesInOnePass = plainLinesInOnePass;
  }

  @Override
  public Entry next() throws TextParseException {
    if (failure != null) {
      throw failure;
    }
    if (entry == Entry.EOF) {
      return Entry.EOF;
    }
    entry = null;
    labels = null;
    hasTimestamp = false;
    seriesLabels.clear();
    try {
      entry = parseEntry();
    } catch (TextParseException e) {
      failure = e;
      throw e;
    }
    return entry;
  }

  private Entry parseEntry() throws TextParseException {
    while (true) {
      // The entry starts with its blanks: 2.42 counts them into a series' metric name.
      int entryStart = lexer.tokenEnd();
      if (plainLinesInOnePass && lexer.atLineStart() && parsePlainSeries(entryStart)) {
        return Entry.SERIES;
      }
      Token t = lexer.lexSkippingWhitespace();
      line = lexer.tokenLine();
      switch (t) {
        case EOF:
          return Entry.EOF;
        case LINEBREAK:
          continue;
        case HELP:
        case TYPE:
          return parseMetadata(t);
        case COMMENT:
          textStart = lexer.tokenStart();
          textEnd = lexer.tokenEnd();
          expectLineBreak("linebreak expected after comment");
          return Entry.COMMENT;
        case MNAME:
          return parseSeries(entryStart);
        default:
          throw error(GoQuote.quote(t.name()) + " is not a valid start token");
      }
    }
  }

  private Entry parseMetadata(Token kind) throws TextParseException {
    Token t = lexer.lexSkippingWhitespace();
    if (t != Token.MNAME) {
      throw error(expected("expected metric name after " + kind.name(), t));
    }
    nameStart = lexer.tokenStart();
    nameEnd = lexer.tokenEnd();
    if (lexer.lexSkippingWhitespace() != Token.TEXT) {
      throw error("expected text in " + kind.name());
    }
    // The text token starts with the separating blank; 2.42 drops its first byte, whatever it is.
    textStart = Math.min(lexer.tokenStart() + 1, lexer.tokenEnd());
    textEnd = lexer.tokenEnd();
    if (kind == Token.TYPE) {
      type = typeName();
      if (type == null) {
        throw error("invalid metric type " + Utf8.goQuote(input, textStart, textEnd));
      }
    } else if (!Utf8.isValid(input, textStart, textEnd)) {
      throw error("help text is not a valid utf8 string");
    }
    expectLineBreak("linebreak expected after metadata");
    return kind == Token.TYPE ? Entry.TYPE : Entry.HELP;
  }

  /** The MetricType 2.42 gives a 0.0.4 type name, or null for an invalid one; untyped is unknown. */
  private String typeName() {
    String text = new String(input, textStart, textEnd - textStart, StandardCharsets.ISO_8859_1);
    switch (text) {
      case "counter":
      case "gauge":
      case "histogram":
      case "summary":
        return text;
      case "untyped":
        return "unknown";
      default:
        return null;
    }
  }

  private void expectLineBreak(String what) throws TextParseException {
    Token t = lexer.lexSkippingWhitespace();
    if (t != Token.LINEBREAK) {
      throw error(expected(what, t));
    }
  }

  private Entry parseSeries(int entryStart) throws TextParseException {
    nameStart = entryStart;
    nameEnd = lexer.tokenEnd();
    seriesEnd = nameEnd;
    Token t = lexer.lexSkippingWhitespace();
    if (t == Token.BOPEN) {
      parseLabels();
      seriesEnd = lexer.tokenEnd();
      t = lexer.lexSkippingWhitespace();
    }
    if (t != Token.VALUE) {
      throw error(expected("expected value after metric", t));
    }
    value = parseValue();
    t = lexer.lexSkippingWhitespace();
    if (t == Token.TIMESTAMP) {
      timestampMillis = parseTimestamp();
      hasTimestamp = true;
      t = lexer.lexSkippingWhitespace();
      if (t != Token.LINEBREAK) {
        throw error(expected("expected next entry after timestamp", t));
      }
    } else if (t != Token.LINEBREAK) {
      throw error(expected("expected timestamp or new record", t));
    }
    return Entry.SERIES;
  }

  /**
   * Reads the series line at {@code start} if it has the usual shape: a metric name, optionally
   * {@code {name="value",...}} right after it (no blanks inside the braces, a comma after the last
   * pair or not, no backslash, NUL or newline in a value), blanks, a value, and the newline (or the
   * input's end) right after the value. That is every line of most exporters, and this reads it in
   * one pass over its bytes, to what the lexer's tokens give. False, with nothing read, for any other
   * line, and for a value that does not parse or a label value that is not UTF-8: the lexer then
   * reads the line, to the same entry or error.
   */
  private boolean parsePlainSeries(int start) {
    if (!PrometheusTextLexer.isMetricNameStart(lexer.at(start))) {
      return false;
    }
    int i = lexer.skipFrom(start + 1, PrometheusTextLexer.METRIC_NAME_BYTES);
    int plainNameEnd = i;
    if (lexer.at(i) == '{') {
      i = parsePlainLabels(i + 1);
      if (i < 0) {
        seriesLabels.clear();
        return false;
      }
    }
    int plainSeriesEnd = i;
    while (PrometheusTextLexer.isBlank(lexer.at(i))) {
      i++;
    }
    int valueStart = i;
    i = lexer.skipFrom(valueStart, PrometheusTextLexer.VALUE_BYTES);
    if (i == valueStart || lexer.at(i) != '\n') {
      seriesLabels.clear();
      return false;
    }
    double plainValue;
    try {
      plainValue = ExpositionFloat.parse(input, valueStart, i);
    } catch (NumberFormatException e) {
      seriesLabels.clear();
      return false;
    }
    line = lexer.nextLine();
    nameStart = start;
    nameEnd = plainNameEnd;
    seriesEnd = plainSeriesEnd;
    value = plainValue;
    lexer.skipLine(i);
    return true;
  }

  /**
   * Records the labels of a plain series line from just after its opening brace; returns the position
   * after the closing brace, or -1 when the labels are not of the plain shape.
   */
  private int parsePlainLabels(int i) {
    if (lexer.at(i) == '}') {
      return i + 1;
    }
    while (PrometheusTextLexer.isLabelNameStart(lexer.at(i))) {
      int labelNameStart = i;
      i = lexer.skipFrom(i + 1, PrometheusTextLexer.LABEL_NAME_BYTES);
      int labelNameEnd = i;
      if (lexer.at(i) != '=' || lexer.at(i + 1) != '"') {
        return -1;
      }
      int valueStart = i + 2;
      i = lexer.skipFrom(valueStart, PrometheusTextLexer.PLAIN_VALUE_BYTES);
      if (lexer.at(i) != '"' || !Utf8.isValid(input, valueStart, i)) {
        return -1;
      }
      seriesLabels.add(labelNameStart, labelNameEnd, valueStart, i);
      i++;
      if (lexer.at(i) == ',') {
        i++;
      }
      if (lexer.at(i) == '}') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Reads {@code name="value"} pairs up to the closing brace; commas between them are optional. */
  private void parseLabels() throws TextParseException {
    Token t = lexer.lexSkippingWhitespace();
    while (t != Token.BCLOSE) {
      if (t != Token.LNAME) {
        throw error(expected("expected label name", t));
      }
      int labelNameStart = lexer.tokenStart();
      int labelNameEnd = lexer.tokenEnd();
      t = lexer.lexSkippingWhitespace();
      if (t != Token.EQUAL) {
        throw error(expected("expected equal", t));
      }
      t = lexer.lexSkippingWhitespace();
      if (t != Token.LVALUE) {
        throw error(expected("expected label value", t));
      }
      if (!Utf8.isValid(input, lexer.tokenStart(), lexer.tokenEnd())) {
        throw error("invalid UTF-8 label value");
      }
      // Inside the quotes, as 2.42 cuts it: one byte off each end of the token, which includes any
      // NULs the lexer stepped over after the closing quote.
      seriesLabels.add(labelNameStart, labelNameEnd, lexer.tokenStart() + 1, lexer.tokenEnd() - 1);
      t = lexer.lexSkippingWhitespace();
      if (t == Token.COMMA) {
        t = lexer.lexSkippingWhitespace();
      }
    }
  }

  private double parseValue() throws TextParseException {
    try {
      return ExpositionFloat.parse(input, lexer.tokenStart(), lexer.tokenEnd());
    } catch (NumberFormatException e) {
      throw error(e.getMessage());
    }
  }

  /** Go's {@code strconv.ParseInt(digits, 10, 64)}; the lexer guarantees digits only. */
  private long parseTimestamp() throws TextParseException {
    int from = lexer.tokenStart();
    int to = lexer.tokenEnd();
    long v = 0;
    for (int i = from; i < to; i++) {
      int digit = input[i] - '0';
      if (v > (Long.MAX_VALUE - digit) / 10) {
        String digits = new String(input, from, to - from, StandardCharsets.ISO_8859_1);
        throw error("strconv.ParseInt: parsing " + GoQuote.quote(digits) + ": value out of range");
      }
      v = v * 10 + digit;
    }
    return v;
  }

  @Override
  public int lineNumber() {
    return line;
  }

  @Override
  public String metricFamily() {
    if (entry != Entry.TYPE && entry != Entry.HELP) {
      throw new IllegalStateException("the current entry is " + entry + ", not TYPE or HELP");
    }
    return ascii(nameStart, nameEnd);
  }

  /** The type of a TYPE entry: counter, gauge, histogram, summary, or unknown (written untyped). */
  @Override
  public String type() {
    require(Entry.TYPE);
    return type;
  }

  /** The text of a HELP entry, with {@code \\} and {@code \n} unescaped ({@code \"} stays, as in 2.42). */
  @Override
  public String help() {
    require(Entry.HELP);
    return Escapes.decodeHelpText(input, textStart, textEnd);
  }

  /** The whole line of a COMMENT entry from its {@code #}, without the newline; bad UTF-8 becomes U+FFFD. */
  public String comment() {
    require(Entry.COMMENT);
    return new String(input, textStart, textEnd - textStart, StandardCharsets.UTF_8);
  }

  /**
   * The labels of a SERIES entry, {@code __name__} included. Labels with empty values are kept, as
   * 2.42's parser keeps them (its appender drops them later).
   *
   * @throws TextParseException when a label name occurs twice (or {@code __name__} is given in braces),
   *     with the words of 2.42's appender: {@code label name "x" is not unique}
   */
  @Override
  public Labels labels() throws TextParseException {
    require(Entry.SERIES);
    if (labels == null) {
      labels = seriesLabels.build(input, nameStart, nameEnd, seriesEnd, line);
    }
    return labels;
  }

  @Override
  public byte[] buffer() {
    return input;
  }

  @Override
  public int seriesStart() {
    require(Entry.SERIES);
    return nameStart;
  }

  @Override
  public int seriesEnd() {
    require(Entry.SERIES);
    return seriesEnd;
  }

  @Override
  public double value() {
    require(Entry.SERIES);
    return value;
  }

  @Override
  public boolean hasTimestamp() {
    require(Entry.SERIES);
    return hasTimestamp;
  }

  @Override
  public long timestampMillis() {
    require(Entry.SERIES);
    if (!hasTimestamp) {
      throw new IllegalStateException("the series on line " + line + " has no timestamp");
    }
    return timestampMillis;
  }

  private String ascii(int from, int to) {
    return new String(input, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static String expected(String what, Token got) {
    return what + ", got " + GoQuote.quote(got.name());
  }

  /** An error on the line where the offending token starts. */
  private TextParseException error(String reason) {
    return new TextParseException(lexer.tokenLine(), reason);
  }

  private void require(Entry expected) {
    if (entry != expected) {
      throw new IllegalStateException("the current entry is " + entry + ", not " + expected);
    }
  }
}
