package dev.vigil.promql.parser;

import dev.vigil.core.labels.Matcher;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.PositionRange;
import java.util.List;

/** Parses PromQL exactly as Prometheus 2.42 does, errors included. */
public final class PromqlParser {
  private PromqlParser() {}

  /**
   * Parses and type-checks a query (Prometheus's {@code parser.ParseExpr}).
   *
   * @throws ParseException with Prometheus's message for the first problem
   */
  public static Expr parseExpr(String query) {
    TokenReader tokens = new TokenReader(new QueryText(query));
    try {
      Expr expr = new ExprParser(tokens).query();
      if (NestingLimit.exceeded(expr, ExprParser.MAX_HEIGHT)) {
        throw tokens.fail(PositionRange.NONE, "expression tree is more than " + ExprParser.MAX_HEIGHT + " levels high");
      }
      return new TypeChecker(tokens).check(expr);
    } catch (StackOverflowError e) {
      // Within the nesting limits, but on a thread with a small stack. Nothing outlives the parse, so
      // refusing the query here leaves no damage behind.
      throw tokens.fail(PositionRange.NONE, "expression nests too deeply to parse");
    }
  }

  /**
   * Parses a series selector such as {@code up{job="api"}} into its matchers, the metric name's last
   * (Prometheus's {@code parser.ParseMetricSelector}, used for {@code match[]}). Like Prometheus, it
   * accepts selectors that match everything, such as {@code {}}.
   *
   * @throws ParseException with Prometheus's message for the first problem
   */
  public static List<Matcher> parseMetricSelector(String selector) {
    return new ExprParser(new TokenReader(new QueryText(selector))).metricSelector();
  }
}
