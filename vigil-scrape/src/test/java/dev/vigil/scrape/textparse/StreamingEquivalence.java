package dev.vigil.scrape.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Checks that {@link OpenMetricsParser} reading a stream behaves exactly as it does on the whole byte
 * array: the same entries (kind, line, labels, value bits, timestamp, metadata) and the same error
 * (message and line), with buffers so small that lines straddle refills and with streams that hand
 * out a few bytes per read.
 */
final class StreamingEquivalence {
  /** Buffer sizes tried for every input: one byte, odd and small ones, and the default. */
  static final int[] BUFFER_SIZES = {1, 7, 64, 4096, OpenMetricsParser.DEFAULT_BUFFER_BYTES};

  private StreamingEquivalence() {}

  /** Asserts every streaming variant traces {@code input} as the byte array parser does. */
  static void assertStreamMatchesArray(byte[] input) {
    List<String> expected = trace(new OpenMetricsParser(input), input.length);
    for (int bufferBytes : BUFFER_SIZES) {
      assertSame(input, expected, bufferBytes, new ByteArrayInputStream(input), "whole reads");
      long seed = Arrays.hashCode(input) * 31L + bufferBytes;
      assertSame(input, expected, bufferBytes, new ShortReads(input, new Random(seed), 13), "short reads");
    }
  }

  private static void assertSame(byte[] input, List<String> expected, int bufferBytes, InputStream in, String how) {
    OpenMetricsParser parser = new OpenMetricsParser(in, bufferBytes, OpenMetricsParser.DEFAULT_MAX_LINE_BYTES);
    assertThat(trace(parser, input.length))
        .describedAs(() -> bufferBytes + "-byte buffer, " + how + ", input " + show(input))
        .containsExactlyElementsOf(expected);
  }

  /** The input (its first 2000 bytes) quoted, with {@code \n} for newlines and {@code \xNN} for other unprintable bytes. */
  static String show(byte[] input) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < Math.min(input.length, 2000); i++) {
      int c = input[i] & 0xFF;
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7F) {
        sb.append(String.format("\\x%02x", c));
      } else {
        sb.append((char) c);
      }
    }
    return sb.append(input.length > 2000 ? "\"... (" + input.length + " bytes)" : "\"").toString();
  }

  /**
   * Everything observable of a parse of {@code inputLength} bytes, one string per entry (kind, line,
   * series text, labels, value bits, timestamp, metadata) and one for how it ended: the EOF (asked
   * twice) or the error (message and line, with the same exception thrown again).
   */
  static List<String> trace(ExpositionParser parser, int inputLength) {
    List<String> out = new ArrayList<>();
    // Every entry but EOF consumes at least one byte, so this bounds a runaway parser.
    for (int i = 0; i <= inputLength + 1; i++) {
      Entry entry;
      try {
        entry = parser.next();
      } catch (TextParseException e) {
        out.add("error at line " + e.lineNumber() + " [" + e.getMessage() + "], lineNumber() " + parser.lineNumber());
        out.add(sameErrorAgain(parser, e));
        return out;
      }
      out.add(describe(parser, entry));
      if (entry == Entry.EOF) {
        out.add(eofAgain(parser));
        return out;
      }
    }
    out.add("runaway parser");
    return out;
  }

  private static String describe(ExpositionParser parser, Entry entry) {
    StringBuilder sb = new StringBuilder().append(entry).append(" line ").append(parser.lineNumber());
    switch (entry) {
      case SERIES:
        sb.append(" text [").append(new String(parser.buffer(), parser.seriesStart(),
            parser.seriesEnd() - parser.seriesStart(), StandardCharsets.ISO_8859_1)).append(']');
        try {
          Labels labels = parser.labels();
          for (int i = 0; i < labels.size(); i++) {
            sb.append(" [").append(labels.name(i)).append("]=[").append(labels.value(i)).append(']');
          }
        } catch (TextParseException e) {
          sb.append(" labels fail [").append(e.getMessage()).append("] line ").append(e.lineNumber());
        }
        sb.append(" value ").append(Long.toHexString(Double.doubleToRawLongBits(parser.value())));
        if (parser.hasTimestamp()) {
          sb.append(" @").append(parser.timestampMillis());
        }
        break;
      case TYPE:
        sb.append(" [").append(parser.metricFamily()).append("] ").append(parser.type());
        break;
      case HELP:
        sb.append(" [").append(parser.metricFamily()).append("] [").append(parser.help()).append(']');
        break;
      case UNIT:
        sb.append(" [").append(parser.metricFamily()).append("] [").append(((OpenMetricsParser) parser).unit())
            .append(']');
        break;
      default:
        break;
    }
    return sb.toString();
  }

  private static String sameErrorAgain(ExpositionParser parser, TextParseException first) {
    try {
      return "then " + parser.next();
    } catch (TextParseException again) {
      return again == first ? "same error again" : "other error again [" + again.getMessage() + "]";
    }
  }

  private static String eofAgain(ExpositionParser parser) {
    try {
      return "then " + parser.next() + " line " + parser.lineNumber();
    } catch (TextParseException e) {
      return "then error [" + e.getMessage() + "]";
    }
  }

  /** A stream that returns between 1 and {@code maxRead} bytes per read, as a socket may. */
  static final class ShortReads extends InputStream {
    private final byte[] data;
    private final Random random;
    private final int maxRead;
    private int pos;

    ShortReads(byte[] data, Random random, int maxRead) {
      this.data = data;
      this.random = random;
      this.maxRead = maxRead;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(maxRead));
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** The error the parser's next entry raises; fails when there is none. */
  static TextParseException catchParseError(OpenMetricsParser parser) {
    try {
      parser.next();
    } catch (TextParseException e) {
      return e;
    }
    throw new AssertionError("no error");
  }
}
