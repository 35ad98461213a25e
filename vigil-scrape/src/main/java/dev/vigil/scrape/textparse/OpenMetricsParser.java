package dev.vigil.scrape.textparse;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.GoFloat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

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
 * kind of entry describe it. Nothing is decoded until asked for, and the labels of a series are
 * built once and reused by later lines that spell the same series byte for byte, from a small cache
 * of recent series (a backfill file repeats a series line after line, or a histogram's few bucket
 * series point after point). After an error, {@code next()} throws the
 * same error again. Not thread-safe.
 *
 * <p>It reads either a whole exposition held in a byte array (a scrape body) or an {@link InputStream}
 * (a backfill file of any size). On a stream it holds a window of whole lines in a buffer of
 * {@value #DEFAULT_BUFFER_BYTES} bytes and refills it between entries, so memory stays bounded. It
 * returns the same entries, line numbers and errors as parsing all the bytes at once: the lexer reads
 * no further than the end of the line an entry starts on (its newline and any NULs after it) plus,
 * after {@code # EOF}, whether another byte follows, and the window always holds that much or ends
 * where the stream does (see {@link #next()} for the one limit on line length).
 */
public final class OpenMetricsParser implements ExpositionParser {
  private static final String[] TYPES = {
    "counter", "gauge", "histogram", "gaugehistogram", "summary", "info", "stateset", "unknown"
  };
  private static final byte[] TOTAL = {'_', 't', 'o', 't', 'a', 'l'};
  private static final byte[] BUCKET = {'_', 'b', 'u', 'c', 'k', 'e', 't'};

  /** The buffer a stream parser starts with, and keeps unless a line is longer. */
  public static final int DEFAULT_BUFFER_BYTES = 1 << 20;

  /**
   * The longest line a stream parser reads: 64 MiB, counting its newline and any NUL bytes right
   * after it (2.42's lexer takes those into the line). 2.42 has no such limit, as it holds all of the
   * input anyway; a 64 MiB line is far beyond any real exposition, and the buffer never grows past it.
   */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

  /**
   * The whole input, or for a stream the window of it in {@code [0, limit)}; every position this class
   * and the lexer keep is an index into it.
   */
  private byte[] input;
  private int limit;
  private final OpenMetricsLexer lexer;

  /** The stream being read, or null when the whole input was given at once. */
  private final InputStream source;
  private final int maxLineBytes;
  /**
   * An entry that starts before this position lies wholly inside the window, with every byte the lexer
   * may look at. For a stream it is one past the last newline after which (past any NULs) the window
   * holds another byte; at the end of the stream, and for a byte array, it is Integer.MAX_VALUE.
   */
  private int safeEnd;
  /** A newline at the end of the window, followed by NULs only: the next refill may complete its line. */
  private int pendingNewline = -1;
  /** The buffer is full at its largest and holds no complete line: the entry must fit before limit. */
  private boolean capped;
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

  private final SeriesLabels seriesLabels = new SeriesLabels();
  private double value;
  private boolean hasTimestamp;
  private long timestampMillis;
  private Labels labels;
  /** End of the series name and labels (after the closing brace) of a SERIES entry. */
  private int seriesEnd;

  /** Parses {@code input} (UTF-8), which the caller must not change while parsing. */
  public OpenMetricsParser(byte[] input) {
    this(input, input.length);
  }

  /** Parses the first {@code length} bytes of {@code input}, as {@link #OpenMetricsParser(byte[])}. */
  public OpenMetricsParser(byte[] input, int length) {
    Objects.checkFromIndexSize(0, length, input.length);
    this.input = input;
    this.limit = length;
    this.lexer = new OpenMetricsLexer(input, length);
    this.source = null;
    this.maxLineBytes = Integer.MAX_VALUE;
    this.safeEnd = Integer.MAX_VALUE;
  }

  /**
   * Parses the UTF-8 text read from {@code in}, with a {@value #DEFAULT_BUFFER_BYTES}-byte buffer and
   * lines of at most {@value #DEFAULT_MAX_LINE_BYTES} bytes. The stream is read in large blocks (no
   * need to buffer it), only as far as needed, and is not closed. Once {@link #next()} has returned
   * {@link Entry#EOF} the stream has been read to its end.
   */
  public OpenMetricsParser(InputStream in) {
    this(in, DEFAULT_BUFFER_BYTES, DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * Parses a stream starting with a buffer of {@code bufferBytes}, which grows (doubling) only to hold
   * a line longer than it, up to {@code maxLineBytes} plus one byte of look-ahead.
   */
  OpenMetricsParser(InputStream in, int bufferBytes, int maxLineBytes) {
    if (bufferBytes < 1 || maxLineBytes < 1 || maxLineBytes > 1 << 30) {
      throw new IllegalArgumentException("buffer " + bufferBytes + " and line limit " + maxLineBytes);
    }
    this.source = in;
    this.maxLineBytes = maxLineBytes;
    this.input = new byte[Math.min(bufferBytes, maxLineBytes + 1)];
    this.limit = 0;
    this.safeEnd = 0;
    this.lexer = new OpenMetricsLexer(input, 0);
  }

  /**
   * Advances to the next entry; {@link Entry#EOF} once {@code # EOF} is read, and on every call after.
   *
   * <p>Reading a stream, an entry whose line (with its newline and any NULs right after it) is longer
   * than the line limit fails with {@code line N: line is longer than M bytes}, unless the parser finds
   * an error within its first M bytes: then that error, the same as for a byte array. An I/O error of
   * the stream is thrown as an {@link UncheckedIOException}.
   */
  public Entry next() throws TextParseException {
    if (failure != null) {
      throw failure;
    }
    if (entry == Entry.EOF) {
      return Entry.EOF;
    }
    entry = null;
    labels = null;
    seriesLabels.clear();
    hasTimestamp = false;
    entryStart = lexer.tokenEnd();
    // Every entry but EOF ends with exactly one newline (no token can hold one), so counting
    // entries counts lines.
    line = linesDone + 1;
    // Never for a byte array; for a stream, when the window may not hold all of this entry's line.
    if (entryStart >= safeEnd) {
      refill();
      entryStart = lexer.tokenEnd();
    }
    try {
      entry = parseEntry();
    } catch (TextParseException e) {
      failure = overran() ? lineTooLong() : e;
      throw failure;
    }
    if (overran()) {
      entry = null;
      failure = lineTooLong();
      throw failure;
    }
    if (entry != Entry.EOF) {
      linesDone++;
    }
    return entry;
  }

  /**
   * Moves the unread rest of the window (the start of the next entry) to the front of the buffer and
   * reads until the window holds that whole line, the buffer is full at the line limit, or the stream
   * ends. Only called between entries, so no position of an entry is kept across it.
   */
  private void refill() {
    int from = lexer.tokenEnd();
    if (from > 0) {
      System.arraycopy(input, from, input, 0, limit - from);
      limit -= from;
      pendingNewline = pendingNewline >= from ? pendingNewline - from : -1;
    }
    safeEnd = 0;
    capped = false;
    while (true) {
      if (limit == input.length) {
        if (input.length > maxLineBytes) {
          capped = true;
          break;
        }
        input = Arrays.copyOf(input, (int) Math.min(2L * input.length, maxLineBytes + 1L));
      }
      int n;
      try {
        n = source.read(input, limit, input.length - limit);
      } catch (IOException e) {
        lexer.window(input, limit, 0);
        throw new UncheckedIOException(e);
      }
      if (n < 0) {
        safeEnd = Integer.MAX_VALUE;
        break;
      }
      int scanFrom = limit;
      limit += n;
      int end = lineEndIn(scanFrom);
      if (end > 0) {
        safeEnd = end;
        break;
      }
    }
    lexer.window(input, limit, 0);
  }

  /**
   * Looks at the bytes just read, {@code [from, limit)}, and returns one past the last newline of the
   * window that is followed, past any NULs, by another byte in the window (so the lexer, which steps
   * over NULs after a newline in help text and after {@code # EOF}, finds the line's end inside the
   * window), or -1 when there is none yet. Reads each byte once over all refills: what it needs of
   * the older bytes is only {@link #pendingNewline}.
   */
  private int lineEndIn(int from) {
    int last = limit - 1;
    while (last >= from && input[last] == 0) {
      last--;
    }
    if (last < from) {
      // Only NULs: a pending newline's line still goes on.
      return -1;
    }
    // input[last] is the last byte other than NUL: every newline before it ends a complete line.
    int end = -1;
    for (int i = last - 1; i >= from; i--) {
      if (input[i] == '\n') {
        end = i + 1;
        break;
      }
    }
    if (end < 0 && pendingNewline >= 0) {
      end = pendingNewline + 1;
    }
    pendingNewline = input[last] == '\n' ? last : -1;
    return end;
  }

  /** The size of the buffer a stream is read through (for tests: it grows only for long lines). */
  int bufferBytes() {
    return source == null ? 0 : input.length;
  }

  /** Whether the entry just read may have met the end of a capped window instead of the input's. */
  private boolean overran() {
    return capped && lexer.tokenEnd() >= limit;
  }

  private TextParseException lineTooLong() {
    return new TextParseException(line, "line is longer than " + maxLineBytes + " bytes");
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
    seriesEnd = nameEnd;
    Token t = lexer.lex();
    if (t == Token.BOPEN) {
      parseLabels(true);
      seriesEnd = lexer.tokenEnd();
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
        seriesLabels.add(labelNameStart, labelNameEnd, lexer.tokenStart() + 1, lexer.tokenEnd() - 1);
      }
    }
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
      return ExpositionFloat.parse(input, from, lexer.tokenEnd());
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

  private String ascii(int from, int to) {
    return new String(input, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static String expected(String what, Token got) {
    return what + ", got " + GoQuote.quote(got.name());
  }

  /** An error on the line where the offending token starts. */
  private TextParseException error(String reason) {
    int at = Math.min(Math.max(lexer.tokenStart(), entryStart), limit);
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
