package dev.vigil.scrape.textparse;

import static dev.vigil.scrape.textparse.ExpositionTexts.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Plain series lines read in one pass must give exactly what the lexer's tokens give: the same
 * entries (series text, labels, value bits, lines) and the same errors, on plain lines, on lines just
 * off the plain shape, and on mutated and truncated expositions.
 */
class PrometheusTextPlainLinesTest {
  private static final long SEED = Long.getLong("tests.seed", 0x91a1_4e5L);

  private static void assertReadAlike(byte[] input) {
    assertThat(StreamingEquivalence.trace(new PrometheusTextParser(input, input.length, true), input.length))
        .describedAs(() -> "input [" + new String(input, java.nio.charset.StandardCharsets.ISO_8859_1) + "]")
        .containsExactlyElementsOf(
            StreamingEquivalence.trace(new PrometheusTextParser(input, input.length, false), input.length));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "a 1\n",
    "a 1",
    "a{} 1\n",
    "a{x=\"1\"} 1\n",
    "a{x=\"1\",} 1\n",
    "a{x=\"1\",y=\"\"} -Inf\n",
    "a{x=\"1\"y=\"2\"} 1\n",
    "a{x=\"1\"}1\n",
    "a+1\n",
    "a \t 1\n",
    "a{x=\"é\"} 1\n",
    "a{x=\"}{ ,\"} 1\n",
    "a:b_c9{_l9=\"v\"} 1e-3\nb 2\n",
    // Off the plain shape: blanks, escapes, timestamps, raw newlines, NULs, bad bytes.
    "a{ x=\"1\"} 1\n",
    "a{x=\"1\" } 1\n",
    "a {x=\"1\"} 1\n",
    "a{x =\"1\"} 1\n",
    "a{x=\"a\\\"b\"} 1\n",
    "a{x=\"a\\\\\"} 1\n",
    "a{x=\"a\nb\"} 1\nc 2\n",
    "a 1 123\n",
    "a 1 \n",
    "a{x=\"1\"} 1 123\n",
    "a{x=\"1\u0000\"} 1\n",
    "a{x=\"\u00ff\"} 1\n",
    "a{x=\"1\",,} 1\n",
    "a{x=\"1\"}} 1\n",
    "a{x=\"1\"}{ 1\n",
    "a{x=1} 1\n",
    "a{x=\"1\"\n",
    "a{x=\"1\n",
    "a{1=\"1\"} 1\n",
    "a\n",
    "a{}\n",
    "a x\n",
    "a 1x\n",
    "a 0x1\n",
    "a 1_000\n",
    "a{__name__=\"b\"} 1\n",
    "a{x=\"1\",x=\"2\"} 1\n",
    "  a 1\n",
    "# HELP a h\n# TYPE a gauge\na 1\n#\nb{x=\"y\"} 2\n\n\nc 3",
  })
  void aLineReadsAlikeEitherWay(String text) {
    assertReadAlike(bytes(text));
  }

  @Test
  void theReferenceExpositionTruncatedAnywhereReadsAlikeEitherWay() {
    byte[] input = bytes(PrometheusTextParserTest.REFERENCE);
    for (int end = 0; end <= input.length; end++) {
      assertReadAlike(Arrays.copyOf(input, end));
    }
  }

  @Test
  void mutatedPlainExpositionsReadAlikeEitherWay() {
    Random random = new Random(SEED);
    byte[] interesting = bytes("{}=,\" \t\\\n#\u0000\u00ff\u00c309.eE+-_xa:");
    byte[] plain = bytes("# TYPE a counter\na_total{x=\"1\",y=\"two\"} 17\nb{le=\"+Inf\"} 3.5e2\nc 1\n"
        + "d{a=\"\",} NaN\ne{x=\"é\"} -1\n");
    for (int iteration = 0; iteration < 20_000; iteration++) {
      byte[] b = plain.clone();
      for (int e = 0; e < 1 + random.nextInt(3); e++) {
        b[random.nextInt(b.length)] = random.nextBoolean()
            ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
      }
      assertReadAlike(b);
    }
  }
}
