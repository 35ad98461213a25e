package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.promql.ast.Expr;
import org.junit.jupiter.api.Test;

/**
 * What the printers write parses back to the same query: printing is a fixed point after one round,
 * and the multi-line form means the same as the one-line form. Each failure names its seed.
 */
class RoundTripTest {
  private static final int QUERIES = 3000;

  @Test
  void printedQueriesParseBackToTheSameQuery() {
    long seed = System.nanoTime();
    RandomQueries queries = new RandomQueries(seed);
    for (int i = 0; i < QUERIES; i++) {
      String query = queries.next();
      String printed = Printer.print(PromqlParser.parseExpr(query));

      assertThat(Printer.print(PromqlParser.parseExpr(printed)))
          .as("seed %d, query %s", seed, query)
          .isEqualTo(printed);
    }
  }

  @Test
  void prettifiedQueriesMeanTheSameAsPrintedOnes() {
    long seed = System.nanoTime();
    RandomQueries queries = new RandomQueries(seed);
    for (int i = 0; i < QUERIES; i++) {
      String query = queries.next();
      Expr expr = PromqlParser.parseExpr(query);

      assertThat(Printer.print(PromqlParser.parseExpr(Prettifier.prettify(expr))))
          .as("seed %d, query %s", seed, query)
          .isEqualTo(Printer.print(expr));
    }
  }
}
