package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.StringLiteral;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the input, parsing ends in a tree or a {@link ParseException}: never another exception,
 * never a stack overflow on a thread with the default 1 MiB stack. Each random failure names its seed.
 */
class HostileInputTest {
  private static final long ONE_MIB = 1 << 20;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(", "-", "abs(", "sum(", "-(", "x[1h:] + ("})
  void parsesOrRefusesAThousandLevelsOfNesting(String opener) {
    Throwable thrown = onSmallStack(() -> Prettifier.prettify(PromqlParser.parseExpr(nested(opener, 1000))));

    assertThat(thrown).satisfiesAnyOf(
        t -> assertThat(t).isNull(),
        t -> assertThat(t).isInstanceOf(ParseException.class));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(", "-", "abs(", "sum(", "-(", "x[1h:] + ("})
  void refusesNestingBeyondTheLimit(String opener) {
    Throwable thrown = onSmallStack(() -> PromqlParser.parseExpr(nested(opener, 5000)));

    assertThat(thrown).isInstanceOf(ParseException.class);
  }

  @Test
  void parsesPrintsAndPrettifiesDeepNesting() {
    String query = nested("(", 400) + nested("-abs(", 100);

    Throwable thrown = onSmallStack(() -> Prettifier.prettify(PromqlParser.parseExpr(Printer.print(PromqlParser.parseExpr(query)))));

    assertThat(thrown).isNull();
  }

  @Test
  void parsesALongChainOfOperators() {
    String query = "up" + " or up".repeat(900);

    Throwable thrown = onSmallStack(() -> Prettifier.prettify(PromqlParser.parseExpr(query)));

    assertThat(thrown).isNull();
  }

  @Test
  void refusesAChainTooLongToWalk() {
    Throwable thrown = onSmallStack(() -> PromqlParser.parseExpr("1" + " + 1".repeat(5000)));

    assertThat(thrown).isInstanceOf(ParseException.class).hasMessage("1:1: parse error: expression tree is more than 1000 levels high");
  }

  @Test
  void refusesNumbersBeyondTheDoubleRange() {
    assertThat(parseError("1" + "0".repeat(400)).getMessage()).endsWith("value out of range");
  }

  @Test
  void readsNumbersBelowTheDoubleRangeAsZero() {
    assertThat(Printer.print(PromqlParser.parseExpr("0." + "0".repeat(400) + "1"))).isEqualTo("0");
  }

  @Test
  void treatsALoneSurrogateInAStringAsInvalidUtf8() {
    assertThat(parseError("\"a\uD800\"").getMessage()).isEqualTo("1:1: parse error: invalid UTF-8 rune");
  }

  @Test
  void treatsALoneSurrogateElsewhereAsAnUnexpectedCharacter() {
    assertThat(parseError("up + \uDC00").getMessage()).isEqualTo("1:6: parse error: unexpected character: '\uFFFD'");
    assertThat(parseError("up{\uD800}").getMessage())
        .isEqualTo("1:4: parse error: unexpected character inside braces: '\uFFFD'");
  }

  @Test
  void readsCharactersBeyondTheBasicPlane() {
    StringLiteral string = (StringLiteral) PromqlParser.parseExpr("\"\uD83D\uDE00\"");

    assertThat(string.value()).isEqualTo("\uD83D\uDE00");
    assertThat(string.position().end()).isEqualTo(6);
  }

  @Test
  void readsAVeryLongString() {
    String value = "x".repeat(1 << 20);

    assertThat(Printer.print(PromqlParser.parseExpr("\"" + value + "\""))).isEqualTo("\"" + value + "\"");
  }

  @Test
  void refusesEveryTruncationOfValidQueriesCleanly() {
    long seed = System.nanoTime();
    RandomQueries queries = new RandomQueries(seed);
    for (int i = 0; i < 200; i++) {
      String query = queries.next();
      for (int end = 0; end <= query.length(); end++) {
        assertParsesOrFailsCleanly(query.substring(0, end), seed);
        assertParsesOrFailsCleanly(query.substring(end), seed);
      }
    }
  }

  @Test
  void refusesRandomCharacterSoupCleanly() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> pieces = List.of("(", ")", "[", "]", "{", "}", ",", ":", "\"", "'", "`", "=", "~", "!", "@", "#",
        "\n", " ", "-", "+", "*", "/", "^", "<", ">", ".", "0", "1", "5m", "e", "x", "_", "\\", "\u00e9", "\uD800",
        "sum", "by", "on", "offset", "bool", "group_left", "start", "rate", "Inf", "nan", "0x", "1e");
    for (int i = 0; i < 20_000; i++) {
      StringBuilder query = new StringBuilder();
      int length = random.nextInt(20);
      for (int j = 0; j < length; j++) {
        query.append(pieces.get(random.nextInt(pieces.size())));
      }
      assertParsesOrFailsCleanly(query.toString(), seed);
    }
  }

  private static void assertParsesOrFailsCleanly(String query, long seed) {
    Throwable thrown = catchThrowable(() -> {
      Expr expr = PromqlParser.parseExpr(query);
      Prettifier.prettify(expr);
    });
    assertThat(thrown).as("seed %d, query %s", seed, query).satisfiesAnyOf(
        t -> assertThat(t).isNull(),
        t -> assertThat(t).isInstanceOf(ParseException.class));
  }

  /** The opener repeated, then {@code up}, then as many closing parentheses as the openers opened. */
  private static String nested(String opener, int levels) {
    long parentheses = opener.chars().filter(c -> c == '(').count();
    return opener.repeat(levels) + "up" + ")".repeat((int) (parentheses * levels));
  }

  private static ParseException parseError(String query) {
    return catchThrowableOfType(ParseException.class, () -> PromqlParser.parseExpr(query));
  }

  /** Runs on a thread with the default stack size of 64-bit JVMs, and returns what it threw. */
  private static Throwable onSmallStack(Runnable task) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        task.run();
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "small-stack", ONE_MIB);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return thrown.get();
  }
}
