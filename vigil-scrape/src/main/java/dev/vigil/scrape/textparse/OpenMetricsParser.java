package dev.vigil.scrape.textparse;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.core.model.GoFloat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull parser for OpenMetrics 1.0 text that accepts and rejects exactly what Prometheus 2.42's
 * {@code textparse.OpenMetricsParser} does, with 2.42's error wording prefixed by the line number.
 *
 * <p>Like 2.42 it checks the syntax of each line but keeps no state across lines: family grouping,
 * sample names per type, ordering and duplicate series are not checked, and {@code _created} lines are
 * ordinary series. The input must end with {@code # EOF} (optionally followed by one newline).
 * Exemplars are checked as 2.42 checks them (only on names ending {@code _total} or {@code _bucket})
 * and then dropped.
 *
 * <p>Call {@link #next()} until it returns {@link Entry#EOF}; after each entry the accessors for that
 * kind of entry describe it. Nothing is decoded until asked for, and the labels are built once per
 * series. After an error, {@code next()} throws the same error again. Not thread-safe.
 */
public final class OpenMetricsParser {
  private static final String[] TYPES = {
    "counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset", "unknown"
  };
  private static final byte[] TOTAL = {'_', 't', 'o', 't', 'a', 'l'};
  private static final byte[] BUCKET = {'_', 'b', 'u', 'c', 'k', 'e', 't'};

  private final byte[] input;
  private final OpenMetricsLexer lexer;
  private Entry entry;
  private TextParseException failure;
  private int entryStart;
  private int line;
  private int linesDone;

  private int nameStart;
  private int nameEnd;
  private int textStart;
  private int textEnd;
  private String type;

  /** Per label of the current series: name start, name end, value start, value end (still escaped). */
  private int[] labelBounds = new int[16];
  private int labelCount;
  private double value;
  private boolean hasTimestamp;
  private long timestampMillis;
  private Labels labels;

  /** Parses {@code input} (UTF-8), which the caller must not change while parsing. */
  public OpenMetricsParser(byte[] input) {
    this.input = input;
    this.lexer = new OpenMetricsLexer(input);
  }

  /** Advances to the next entry; {@link Entry#EOF} once {@code # EOF} is read, and on every call after. */
  public Entry next() throws TextParseException {
    if (failure != null) {
      throw failure;
    }
    if (entry == Entry.EOF) {
      return Entry.EOF;
    }
    entry = null;
    labels = null;
    labelCount = 0;
    hasTimestamp = false;
    entryStart = lexer.tokenEnd();
    // Every entry but EOF ends with exactly one newline (no token can hold one), so counting
    // entries counts lines.
    line = linesDone + 1;
    try {
      entry = parseEntry();
    } catch (TextParseException e) {
      failure = e;
      throw e;
    }
    if (entry != Entry.EOF) {
      linesDone++;
    }
    return entry;
  }

  /** The 1-based line of the current entry (0 before the first). */
  public int lineNumber() {
    return line;
  }

  /** The metric family a TYPE, HELP or UNIT entry is about. */
  public String metricFamily() {
    requireMetadata();
    return ascii(nameStart, nameEnd);
  }

  /** The type of a TYPE entry: counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown. */
  public String type() {
    require(Entry.TYPE);
    return type;
  }

  /** The text of a HELP entry, with {@code \\}, {@code \"} and {@code \n} unescaped. */
  public String help() {
    require(Entry.HELP);
    return Escapes.decode(input, textStart, textEnd);
  }

  /** The unit of a UNIT entry, possibly empty; verbatim, as 2.42 keeps it. */
  public String unit() {
    require(Entry.UNIT);
    return new String(input, textStart, textEnd - textStart, StandardCharsets.UTF_8);
  }

  /**
   * The labels of a SERIES entry, {@code __name__} included. Labels with empty values are kept, as
   * 2.42's parser keeps them (its appender drops them later).
   *
   * @throws TextParseException when a label name occurs twice (or {@code __name__} is given in braces):
   *     2.42's parser lets such a series through and its appender fails the scrape with {@code label
   *     name "x" is not unique}; a {@link Labels} cannot hold the duplicate, so the error comes here
   */
  public Labels labels() throws TextParseException {
    require(Entry.SERIES);
    if (labels == null) {
      labels = buildLabels();
    }
    return labels;
  }

  /** The value of a SERIES entry; a parsed NaN has Go's bits ({@link GoFloat#NORMAL_NAN_BITS}). */
  public double value() {
    require(Entry.SERIES);
    return value;
  }

  public boolean hasTimestamp() {
    require(Entry.SERIES);
    return hasTimestamp;
  }

  /**
   * The timestamp of a SERIES entry in milliseconds: the float seconds times 1000, truncated toward
   * zero as Go's {@code int64(seconds*1000)}; out of the long range it is {@link Long#MIN_VALUE}, as
   * Go on amd64 gives. Only valid when {@link #hasTimestamp()}.
   */
  public long timestampMillis() {
    require(Entry.SERIES);
    if (!hasTimestamp) {
      throw new IllegalStateException("the series on line " + line + " has no timestamp");
    }
    return timestampMillis;
  }

  private Entry parseEntry() throws TextParseException {
    Token t = lexer.lex();
    switch (t) {
      case EOFWORD:
        if (lexer.lex() != Token.EOF) {
          throw error("unexpected data after # EOF");
        }
        return Entry.EOF;
      case EOF:
        throw error("data does not end with # EOF");
      case HELP:
      case TYPE:
      case UNIT:
        return parseMetadata(t);
      case MNAME:
        return parseSeries();
      default:
        // Go prints string(byte), which reads the byte as a code point (Latin-1).
        throw error(GoQuote.quote(t.name()) + " " + GoQuote.quote(String.valueOf((char) lexer.currentByteOrSpace()))
            + " is not a valid start token");
    }
  }

  private Entry parseMetadata(Token kind) throws TextParseException {
    Token t = lexer.lex();
    if (t != Token.MNAME) {
      throw error(expected("expected metric name after " + kind.name(), t));
    }
    nameStart = lexer.tokenStart();
    nameEnd = lexer.tokenEnd();
    if (lexer.lex() != Token.TEXT) {
      throw error("expected text in " + kind.name());
    }
    // The text token is the separating space, the text and the newline.
    textStart = lexer.tokenStart() + 1;
    textEnd = lexer.tokenEnd() - 1;
    switch (kind) {
      case TYPE:
        type = typeName();
        if (type == null) {
          throw error("invalid metric type " + Utf8.goQuote(input, textStart, textEnd));
        }
        return Entry.TYPE;
      case HELP:
        if (!Utf8.isValid(input, textStart, textEnd)) {
          throw error("help text is not a valid utf8 string");
        }
        return Entry.HELP;
      default:
        checkUnitIsSuffix();
        return Entry.UNIT;
    }
  }

  private String typeName() {
    for (String candidate : TYPES) {
      if (bytesEqual(textStart, textEnd, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private boolean bytesEqual(int from, int to, String ascii) {
    if (to - from != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (input[from + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A non-empty unit must end the family name after an underscore: {@code # UNIT x_seconds seconds}. */
  private void checkUnitIsSuffix() throws TextParseException {
    int unitLength = textEnd - textStart;
    if (unitLength == 0) {
      return;
    }
    int suffixStart = nameEnd - unitLength;
    boolean ok = nameEnd - nameStart >= unitLength + 1
        && Arrays.equals(input, suffixStart, nameEnd, input, textStart, textEnd)
        && input[suffixStart - 1] == '_';
    if (!ok) {
      throw error("unit not a suffix of metric " + GoQuote.quote(ascii(nameStart, nameEnd)));
    }
  }

  private Entry parseSeries() throws TextParseException {
    nameStart = lexer.tokenStart();
    nameEnd = lexer.tokenEnd();
    Token t = lexer.lex();
    if (t == Token.BOPEN) {
      parseLabels(true);
      t = lexer.lex();
    }
    value = parseValue(t, "metric");
    t = lexer.lex();
    switch (t) {
      case EOF:
        throw error("data does not end with # EOF");
      case LINEBREAK:
        break;
      case COMMENT:
        parseExemplar();
        break;
      case TIMESTAMP:
        timestampMillis = parseTimestamp("invalid timestamp");
        hasTimestamp = true;
        t = lexer.lex();
        if (t == Token.COMMENT) {
          parseExemplar();
        } else if (t != Token.LINEBREAK) {
          throw error(expected("expected next entry after timestamp", t));
        }
        break;
      default:
        throw error(expected("expected timestamp or # symbol", t));
    }
    return Entry.SERIES;
  }

  /** Reads {@code name="value",...}} after the opening brace; records the bounds for a series. */
  private void parseLabels(boolean record) throws TextParseException {
    boolean first = true;
    while (true) {
      Token t = lexer.lex();
      switch (t) {
        case BCLOSE:
          return;
        case COMMA:
          if (first) {
            throw error(expected("expected label name or left brace", t));
          }
          t = lexer.lex();
          if (t != Token.LNAME) {
            throw error(expected("expected label name", t));
          }
          break;
        case LNAME:
          if (!first) {
            throw error(expected("expected comma", t));
          }
          break;
        default:
          // 2.42 says "left brace" where it means the closing one; kept for identical messages.
          throw error(expected(first ? "expected label name or left brace" : "expected comma or left brace", t));
      }
      first = false;
      int labelNameStart = lexer.tokenStart();
      int labelNameEnd = lexer.tokenEnd();
      t = lexer.lex();
      if (t != Token.EQUAL) {
        throw error(expected("expected equal", t));
      }
      t = lexer.lex();
      if (t != Token.LVALUE) {
        throw error(expected("expected label value", t));
      }
      if (!Utf8.isValid(input, lexer.tokenStart(), lexer.tokenEnd())) {
        throw error("invalid UTF-8 label value");
      }
      if (record) {
        // Inside the quotes, as 2.42 cuts it: one byte off each end of the token, which includes any
        // NULs the lexer stepped over after the closing quote.
        addLabel(labelNameStart, labelNameEnd, lexer.tokenStart() + 1, lexer.tokenEnd() - 1);
      }
    }
  }

  private void addLabel(int nameFrom, int nameTo, int valueFrom, int valueTo) {
    int at = labelCount * 4;
    if (at + 4 > labelBounds.length) {
      labelBounds = Arrays.copyOf(labelBounds, labelBounds.length * 2);
    }
    labelBounds[at] = nameFrom;
    labelBounds[at + 1] = nameTo;
    labelBounds[at + 2] = valueFrom;
    labelBounds[at + 3] = valueTo;
    labelCount++;
  }

  /** After {@code " # {"}: exemplar labels, value and optional timestamp, checked and dropped. */
  private void parseExemplar() throws TextParseException {
    if (!endsWith(nameStart, nameEnd, TOTAL) && !endsWith(nameStart, nameEnd, BUCKET)) {
      throw error("metric name " + ascii(nameStart, nameEnd) + " does not support exemplars");
    }
    parseLabels(false);
    parseValue(lexer.lex(), "exemplar labels");
    Token t = lexer.lex();
    switch (t) {
      case EOF:
        throw error("data does not end with # EOF");
      case LINEBREAK:
        return;
      case TIMESTAMP:
        parseTimestamp("invalid exemplar timestamp");
        t = lexer.lex();
        if (t != Token.LINEBREAK) {
          throw error(expected("expected next entry after exemplar timestamp", t));
        }
        return;
      default:
        throw error(expected("expected timestamp or comment", t));
    }
  }

  private boolean endsWith(int from, int to, byte[] suffix) {
    return to - from >= suffix.length && Arrays.equals(input, to - suffix.length, to, suffix, 0, suffix.length);
  }

  private double parseValue(Token t, String after) throws TextParseException {
    if (t != Token.VALUE) {
      throw error(expected("expected value after " + after, t));
    }
    return parseFloat();
  }

  private long parseTimestamp(String invalid) throws TextParseException {
    double seconds = parseFloat();
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      throw error(invalid);
    }
    return goInt64(seconds * 1000);
  }

  /** The current VALUE or TIMESTAMP token without its leading space. */
  private double parseFloat() throws TextParseException {
    int from = lexer.tokenStart() + 1;
    try {
      return GoFloat.parse(input, from, lexer.tokenEnd() - from);
    } catch (NumberFormatException e) {
      throw error(e.getMessage());
    }
  }

  /**
   * Go's float64 to int64 conversion as compiled for amd64 (CVTTSD2SQ): truncation toward zero, and
   * math.MinInt64 for anything out of range, where a Java cast would saturate instead.
   */
  private static long goInt64(double v) {
    if (v >= 0x1p63 || v < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) v;
  }

  private Labels buildLabels() throws TextParseException {
    int n = labelCount + 1;
    String[] names = new String[n];
    String[] values = new String[n];
    names[0] = Labels.METRIC_NAME;
    values[0] = ascii(nameStart, nameEnd);
    for (int i = 0; i < labelCount; i++) {
      int at = i * 4;
      names[i + 1] = ascii(labelBounds[at], labelBounds[at + 1]);
      values[i + 1] = Escapes.decode(input, labelBounds[at + 2], labelBounds[at + 3]);
    }
    // Sorting here (O(n log n), names are ASCII so String order is UTF-8 order) finds duplicates and
    // hands the builder sorted labels, keeping hostile series with huge label counts cheap.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    LabelsBuilder builder = Labels.builder();
    for (int i = 0; i < n; i++) {
      String name = names[order[i]];
      if (i > 0 && name.equals(names[order[i - 1]])) {
        throw new TextParseException(line, "label name " + GoQuote.quote(name) + " is not unique");
      }
      builder.add(name, values[order[i]]);
    }
    return builder.build();
  }

  private String ascii(int from, int to) {
    return new String(input, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static String expected(String what, Token got) {
    return what + ", got " + GoQuote.quote(got.name());
  }

  /** An error on the line where the offending token starts. */
  private TextParseException error(String reason) {
    int at = Math.min(Math.max(lexer.tokenStart(), entryStart), input.length);
    int errorLine = line;
    for (int i = entryStart; i < at; i++) {
      if (input[i] == '\n') {
        errorLine++;
      }
    }
    return new TextParseException(errorLine, reason);
  }

  private void require(Entry expected) {
    if (entry != expected) {
      throw new IllegalStateException("the current entry is " + entry + ", not " + expected);
    }
  }

  private void requireMetadata() {
    if (entry != Entry.TYPE && entry != Entry.HELP && entry != Entry.UNIT) {
      throw new IllegalStateException("the current entry is " + entry + ", not TYPE, HELP or UNIT");
    }
  }
}
