package dev.vigil.scrape.textparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OpenMetricsParser} over an {@link InputStream}: the same entries, line numbers and errors as
 * over the whole byte array (also checked for every input of {@link OpenMetricsParserTest}), in a
 * bounded buffer.
 */
class OpenMetricsStreamParserTest {
  /** Override with -Dtests.seed=N to replay or vary the fuzz tests; failures print the seed. */
  private static final long SEED = Long.getLong("tests.seed", 0x5743_a11eL);

  /**
   * Pieces of exposition that meet line ends in every way the lexer treats specially: NULs after a
   * newline (help text and {@code # EOF} take them into their line, a series line does not), {@code #
   * EOF} with and without newline, unterminated values and help text, lone newlines.
   */
  private static final String[] PIECES = {
    "a 1\n", "a 1 2\n", "a_total 1 2 # {x=\"y\"} 3 4\n", "b_bucket{le=\"+Inf\"} 1 # {} 2\n",
    "m{a=\"b\",c=\"d\\\"\\n\\\\\"} NaN 1.5\n", "# HELP m help\n", "# HELP m a\u0000b\n", "# HELP m \n",
    "# TYPE m gauge\n", "# TYPE m bogus\n", "# UNIT m_s s\n", "# UNIT m s\n", "# EOF\n", "# EOF", "# EOF\u0000\n",
    "\n", "\u0000", "\u0000\u0000\u0000", "\n\u0000", "# HELP m ", "m{a=\"\u0000", "\"} 1\n", "m{a=\"x\"\u0000} 1\n",
    "\\", "#", "# ", " ", "{", "}", "=", ",", "\"", "x", "1", "\u00ff", "\u00e2\u0082", "\u00ac",
  };

  @Test
  void matchesTheArrayParserOnRandomLineStructures() {
    Random random = new Random(SEED);
    for (int iteration = 0; iteration < 6_000; iteration++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int pieces = random.nextInt(30);
      for (int i = 0; i < pieces; i++) {
        String piece = random.nextInt(3) == 0 ? PIECES[random.nextInt(4)] : PIECES[random.nextInt(PIECES.length)];
        out.writeBytes(bytes(piece));
      }
      if (random.nextBoolean()) {
        out.writeBytes(bytes(random.nextBoolean() ? "# EOF\n" : "# EOF"));
      }
      byte[] input = out.toByteArray();
      assertMatches(input, "seed " + SEED + ", iteration " + iteration);
    }
  }

  @Test
  void matchesTheArrayParserOnMutationsOfALongExposition() {
    Random random = new Random(SEED);
    byte[] original = exposition(new Random(SEED), 300);
    byte[] interesting = bytes("\n\n\n\u0000\u0000\u0000# EOF{}=,\" \\\u00ff0.e");
    for (int iteration = 0; iteration < 800; iteration++) {
      byte[] input = original.clone();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(input.length);
        switch (random.nextInt(3)) {
          case 0:
            input[at] = interesting[random.nextInt(interesting.length)];
            break;
          case 1:
            byte[] run = new byte[1 + random.nextInt(5)];
            Arrays.fill(run, interesting[random.nextInt(interesting.length)]);
            input = concat(Arrays.copyOf(input, at), run, Arrays.copyOfRange(input, at, input.length));
            break;
          default:
            input = concat(Arrays.copyOf(input, at), new byte[0],
                Arrays.copyOfRange(input, Math.min(input.length, at + 1 + random.nextInt(40)), input.length));
            break;
        }
      }
      assertMatches(input, "seed " + SEED + ", iteration " + iteration);
    }
  }

  @Test
  void matchesTheArrayParserOnALargeExposition() {
    StreamingEquivalence.assertStreamMatchesArray(exposition(new Random(SEED), 40_000));
  }

  /** Every buffer size puts the refill boundary at every byte of these inputs. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("boundaryInputs")
  void matchesTheArrayParserWithEveryBufferSize(String latin1) {
    byte[] input = bytes(latin1);
    List<String> expected = StreamingEquivalence.trace(new OpenMetricsParser(input), input.length);
    for (int bufferBytes = 1; bufferBytes <= input.length + 2; bufferBytes++) {
      OpenMetricsParser parser = new OpenMetricsParser(new ByteArrayInputStream(input), bufferBytes, 1 << 20);
      assertThat(StreamingEquivalence.trace(parser, input.length)).as("%d-byte buffer", bufferBytes)
          .containsExactlyElementsOf(expected);
    }
  }

  static List<String> boundaryInputs() {
    return List.of(
        "# HELP a x\n\u0000\u0000a 1\n# HELP b y\n\u0000\n# EOF\n",
        "# HELP a x\n\u0000\u0000\u0000",
        "a 1\n\u0000b 2\n# EOF\n",
        "a 1\n# EOF\n\u0000\u0000",
        "a 1\n# EOF\u0000\u0000\n\u0000",
        "a 1\n# EOF\n\u0000x",
        "a 1\n# EOF\nb 2\n",
        "a 1\n# EOF\n\n",
        "a 1\n# EOF \n",
        "a 1\n# EOF",
        "a 1\n# EO",
        "a 1\n\n# EOF\n",
        "m{a=\"x\"\u0000} 1\nm{a=\"\u0000\"} 2 3\n# EOF\n",
        "a_total 1 # {t=\"x\"} 1 2\nb{c=\"d\"} 3 4\n# TYPE q counter\n# UNIT q_s s\n# EOF\n");
  }

  // ---- Line length limit ----------------------------------------------------------------------

  @Test
  void readsLinesUpToTheLimit() throws Exception {
    byte[] input = bytes("abcdefghijkl 12\nabcdefghijkl 34\n# EOF\n");
    OpenMetricsParser parser = new OpenMetricsParser(new ByteArrayInputStream(input), 1, 16);
    assertThat(StreamingEquivalence.trace(parser, input.length))
        .isEqualTo(StreamingEquivalence.trace(new OpenMetricsParser(input), input.length));
    assertThat(parser.bufferBytes()).isEqualTo(17);
  }

  @Test
  void namesTheLineThatIsLongerThanTheLimit() throws Exception {
    OpenMetricsParser parser = new OpenMetricsParser(stream("a 1\nabcdefghijklm 12\n# EOF\n"), 4, 16);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    TextParseException e = StreamingEquivalence.catchParseError(parser);
    assertThat(e).hasMessage("line 2: line is longer than 16 bytes");
    assertThat(e.lineNumber()).isEqualTo(2);
    assertThat(StreamingEquivalence.catchParseError(parser)).isSameAs(e);
  }

  @Test
  void reportsAnUnterminatedLastLineLongerThanTheLimitAsTooLong() {
    OpenMetricsParser parser = new OpenMetricsParser(stream("a 1\n" + "b".repeat(100)), 8, 16);
    assertThatThrownBy(() -> drain(parser)).hasMessage("line 2: line is longer than 16 bytes");
  }

  /** Errors found in the first bytes of an over-long line are reported as for the byte array. */
  @Test
  void reportsErrorsWithinTheLimitAsTheArrayParserDoes() {
    String[] inputs = {
      "a{b=oops" + "x".repeat(100) + "\n# EOF\n",
      "a 1 2 3" + " 4".repeat(100) + "\n# EOF\n",
      "a 1\n" + "\u0000".repeat(100) + "\n# EOF\n",
      "a 1\n" + "\u0000".repeat(100),
      "# TYPE 9" + "z".repeat(100) + "\n# EOF\n",
    };
    for (String text : inputs) {
      byte[] input = bytes(text);
      List<String> expected = StreamingEquivalence.trace(new OpenMetricsParser(input), input.length);
      assertThat(expected.get(expected.size() - 2)).startsWith("error");
      OpenMetricsParser parser = new OpenMetricsParser(new ByteArrayInputStream(input), 4, 16);
      assertThat(StreamingEquivalence.trace(parser, input.length)).as(text).isEqualTo(expected);
    }
  }

  /** 2.42's lexer reads the NULs after a help line's newline as part of that line. */
  @Test
  void countsNulsAfterTheNewlineOfAHelpLineIntoItsLength() {
    byte[] input = bytes("# HELP m x\n" + "\u0000".repeat(10) + "a 1\n# EOF\n");
    assertThat(StreamingEquivalence.trace(new OpenMetricsParser(input), input.length)).hasSize(4);
    OpenMetricsParser parser = new OpenMetricsParser(new ByteArrayInputStream(input), 4, 16);
    assertThatThrownBy(() -> drain(parser)).hasMessage("line 1: line is longer than 16 bytes");
  }

  // ---- Bounded memory, end of input, I/O errors -----------------------------------------------

  @Test
  void keepsItsBufferSizeOverAStreamOfAnyLength() throws Exception {
    long lines = 500_000;
    OpenMetricsParser parser = new OpenMetricsParser(new GeneratedLines(lines));
    long series = drain(parser);
    assertThat(series).isEqualTo(lines);
    assertThat(parser.lineNumber()).isEqualTo(lines + 1);
    assertThat(parser.bufferBytes()).isEqualTo(OpenMetricsParser.DEFAULT_BUFFER_BYTES);
  }

  @Test
  void growsTheBufferOnlyForALongLine() throws Exception {
    String big = "v".repeat(3 << 20);
    byte[] input = bytes("a 1\nm{big=\"" + big + "\"} 1\nb 2\n# EOF\n");
    OpenMetricsParser parser = new OpenMetricsParser(new ByteArrayInputStream(input), 1024, 16 << 20);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.labels().get("big")).isEqualTo(big);
    assertThat(parser.lineNumber()).isEqualTo(2);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.lineNumber()).isEqualTo(3);
    assertThat(parser.next()).isEqualTo(Entry.EOF);
    assertThat(parser.bufferBytes()).isEqualTo(4 << 20);
  }

  @Test
  void hasReadTheWholeStreamWhenItReturnsEof() throws Exception {
    byte[] input = bytes("a 1\n# EOF\n");
    ByteArrayInputStream in = new ByteArrayInputStream(input);
    OpenMetricsParser parser = new OpenMetricsParser(in, 1, 16);
    assertThat(drain(parser)).isEqualTo(1);
    assertThat(in.available()).isZero();
  }

  @Test
  void findsDataAfterEofBeyondTheFirstBuffer() {
    StringBuilder sb = new StringBuilder();
    int lines = 0;
    while (sb.length() < 3 * OpenMetricsParser.DEFAULT_BUFFER_BYTES) {
      sb.append("some_series{instance=\"host-").append(lines).append("\"} 1 1700000000\n");
      lines++;
    }
    sb.append("# EOF\n");
    OpenMetricsParser ok = new OpenMetricsParser(stream(sb.toString()));
    assertThat(catchingDrain(ok)).isEqualTo(lines);
    OpenMetricsParser trailing = new OpenMetricsParser(stream(sb + "x 1\n"));
    assertThatThrownBy(() -> drain(trailing)).hasMessage("line " + (lines + 2) + ": unexpected data after # EOF");
    OpenMetricsParser missing = new OpenMetricsParser(stream(sb.substring(0, sb.length() - "# EOF\n".length())));
    assertThatThrownBy(() -> drain(missing)).hasMessage("line " + (lines + 1) + ": data does not end with # EOF");
  }

  @Test
  void throwsReadErrorsUnchecked() throws Exception {
    IOException broken = new IOException("disk on fire");
    InputStream in = new InputStream() {
      private int served;

      @Override
      public int read() throws IOException {
        if (served >= 8) {
          throw broken;
        }
        return "a 1\nb 2\n".charAt(served++);
      }
    };
    OpenMetricsParser parser = new OpenMetricsParser(in, 2, 16);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThatThrownBy(parser::next).isInstanceOf(UncheckedIOException.class).hasCause(broken);
  }

  /** A live stream (a socket) may have no more bytes yet: an entry needs only its line and one byte more. */
  @Test
  void readsNoFurtherThanTheEntryNeeds() throws Exception {
    InputStream in = new InputStream() {
      private final byte[] data = bytes("a 1\n# HELP b x\n\u0000b");
      private int served;

      @Override
      public int read() throws IOException {
        if (served >= data.length) {
          throw new IOException("no more bytes yet");
        }
        return data[served++];
      }
    };
    OpenMetricsParser parser = new OpenMetricsParser(in, 4, 64);
    assertThat(parser.next()).isEqualTo(Entry.SERIES);
    assertThat(parser.next()).isEqualTo(Entry.HELP);
    // 2.42 cuts the text one byte before the end of its token, which took in the NUL: "x\n".
    assertThat(parser.help()).isEqualTo("x\n");
    assertThatThrownBy(parser::next).isInstanceOf(UncheckedIOException.class);
  }

  @ParameterizedTest
  @MethodSource("badLimits")
  void rejectsUnusableBufferSettings(int bufferBytes, int maxLineBytes) {
    assertThatThrownBy(() -> new OpenMetricsParser(stream(""), bufferBytes, maxLineBytes))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static List<Arguments> badLimits() {
    return List.of(Arguments.of(0, 16), Arguments.of(16, 0), Arguments.of(16, Integer.MAX_VALUE));
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private static void assertMatches(byte[] input, String context) {
    try {
      StreamingEquivalence.assertStreamMatchesArray(input);
    } catch (AssertionError e) {
      throw new AssertionError(context + ": " + e.getMessage(), e);
    }
  }

  /** A valid exposition of about {@code lines} lines of every kind, some escaped, some with NULs. */
  static byte[] exposition(Random random, int lines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      switch (random.nextInt(8)) {
        case 0:
          sb.append("# HELP fam_").append(i).append(" Help with \\\\ \\n and \u00e9").append('\n');
          break;
        case 1:
          sb.append("# TYPE fam_").append(i).append(random.nextBoolean() ? " counter\n" : " histogram\n");
          break;
        case 2:
          sb.append("# UNIT fam_").append(i).append("_seconds seconds\n");
          break;
        case 3:
          sb.append("req_total{code=\"").append(200 + random.nextInt(300)).append("\"} ").append(random.nextInt(1000))
              .append(' ').append(1_700_000_000 + i).append(".5 # {trace_id=\"t").append(i).append("\"} 1 2\n");
          break;
        case 4:
          sb.append("lat_bucket{le=\"").append(random.nextDouble()).append("\",path=\"/a \\\"q\\\"\"} ")
              .append(random.nextGaussian()).append('\n');
          break;
        case 5:
          sb.append("# HELP nul_").append(i).append(" x\u0000y\n");
          if (random.nextBoolean()) {
            sb.append("\u0000".repeat(1 + random.nextInt(3)));
          }
          break;
        default:
          sb.append("g{instance=\"host-").append(random.nextInt(50)).append(":9100\",job=\"node\"} ")
              .append(random.nextInt(3) == 0 ? "NaN" : Double.toString(random.nextDouble() * 1e6)).append(' ')
              .append(1_700_000_000_000L + 15_000L * i).append("e-3\n");
          break;
      }
    }
    return sb.append("# EOF\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads everything, touching every accessor; returns the number of series. */
  private static long drain(OpenMetricsParser parser) throws TextParseException {
    long series = 0;
    for (Entry entry = parser.next(); entry != Entry.EOF; entry = parser.next()) {
      if (entry == Entry.SERIES) {
        parser.labels();
        parser.value();
        series++;
      }
    }
    return series;
  }

  private static long catchingDrain(OpenMetricsParser parser) {
    try {
      return drain(parser);
    } catch (TextParseException e) {
      throw new AssertionError(e);
    }
  }

  private static InputStream stream(String latin1) {
    return new ByteArrayInputStream(bytes(latin1));
  }

  /** Each char as one byte, so test inputs can hold raw bytes like 0xff. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[] head, byte[] middle, byte[] tail) {
    byte[] out = new byte[head.length + middle.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(middle, 0, out, head.length, middle.length);
    System.arraycopy(tail, 0, out, head.length + middle.length, tail.length);
    return out;
  }

  /** {@code lines} series lines and {@code # EOF}, made as they are read, never held. */
  private static final class GeneratedLines extends InputStream {
    private final long lines;
    private long next;
    private byte[] current = new byte[0];
    private int pos;

    GeneratedLines(long lines) {
      this.lines = lines;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = 0;
      while (n < len) {
        if (pos == current.length) {
          if (next > lines) {
            break;
          }
          current = bytes(next == lines ? "# EOF\n"
              : "generated_series{instance=\"host-" + (next % 1000) + "\",job=\"gen\"} " + next + " "
                  + (1_700_000_000L + next / 1000) + "\n");
          pos = 0;
          next++;
        }
        int take = Math.min(len - n, current.length - pos);
        System.arraycopy(current, pos, b, off + n, take);
        pos += take;
        n += take;
      }
      return n == 0 && len > 0 ? -1 : n;
    }
  }
}
