package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.VectorSelector;

/**
 * Attaches ranges, {@code offset} and {@code @} to the expression before them, with Prometheus's
 * rules on what may carry them and how often. The node's position then ends where the modifier does.
 */
final class Modifiers {
  private final TokenReader tokens;

  Modifiers(TokenReader tokens) {
    this.tokens = tokens;
  }

  MatrixSelector range(Expr expr, long rangeMillis, PositionRange brackets) {
    String problem = null;
    if (!(expr instanceof VectorSelector selector)) {
      problem = "ranges only allowed for vector selectors";
    } else if (selector.offsetMillis() != 0) {
      problem = "no offset modifiers allowed before range";
    } else if (selector.at().kind() == AtModifier.Kind.TIMESTAMP) {
      problem = "no @ modifiers allowed before range";
    }
    if (problem != null) {
      throw tokens.fail(brackets, problem);
    }
    VectorSelector selector = (VectorSelector) expr;
    return new MatrixSelector(selector, rangeMillis, new PositionRange(selector.position().start(), tokens.lastClosing()));
  }

  Expr offset(Expr expr, long offsetMillis) {
    int end = tokens.lastClosing();
    if (expr instanceof VectorSelector selector) {
      requireNoOffset(expr, selector.offsetMillis());
      return withEnd(selector.withOffset(offsetMillis), end);
    }
    if (expr instanceof MatrixSelector matrix) {
      requireNoOffset(expr, matrix.selector().offsetMillis());
      return new MatrixSelector(matrix.selector().withOffset(offsetMillis), matrix.rangeMillis(),
          new PositionRange(matrix.position().start(), end));
    }
    if (expr instanceof SubqueryExpr subquery) {
      requireNoOffset(expr, subquery.offsetMillis());
      return new SubqueryExpr(subquery.expr(), subquery.rangeMillis(), subquery.stepMillis(), offsetMillis,
          subquery.at(), new PositionRange(subquery.position().start(), end));
    }
    throw tokens.fail(expr.position(),
        "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
  }

  private void requireNoOffset(Expr expr, long existing) {
    if (existing != 0) {
      throw tokens.fail(expr.position(), "offset may not be set multiple times");
    }
  }

  /** {@code @ <seconds>}; like Prometheus, refuses infinities, NaN and seconds beyond the int64 range. */
  Expr atTime(Expr expr, double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds >= 0x1p63 || seconds <= -0x1p63) {
      throw tokens.fail(expr.position(), "timestamp out of bounds for @ modifier: " + GoText.fixed6(seconds));
    }
    return at(expr, AtModifier.at(millis(seconds)));
  }

  /** {@code @ start()} or {@code @ end()}. */
  Expr at(Expr expr, AtModifier at) {
    int end = tokens.lastClosing();
    if (expr instanceof VectorSelector selector) {
      requireNoAt(expr, selector.at());
      return withEnd(selector.withAt(at), end);
    }
    if (expr instanceof MatrixSelector matrix) {
      requireNoAt(expr, matrix.selector().at());
      return new MatrixSelector(matrix.selector().withAt(at), matrix.rangeMillis(),
          new PositionRange(matrix.position().start(), end));
    }
    if (expr instanceof SubqueryExpr subquery) {
      requireNoAt(expr, subquery.at());
      return new SubqueryExpr(subquery.expr(), subquery.rangeMillis(), subquery.stepMillis(),
          subquery.offsetMillis(), at, new PositionRange(subquery.position().start(), end));
    }
    throw tokens.fail(expr.position(),
        "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
  }

  private void requireNoAt(Expr expr, AtModifier existing) {
    if (existing.isPresent()) {
      throw tokens.fail(expr.position(), "@ <timestamp> may not be set multiple times");
    }
  }

  private static VectorSelector withEnd(VectorSelector selector, int end) {
    return new VectorSelector(selector.name(), selector.matchers(), selector.offsetMillis(), selector.at(),
        new PositionRange(selector.position().start(), end));
  }

  /**
   * Prometheus's {@code timestamp.FromFloatSeconds}: {@code int64(math.Round(s * 1000))}, rounding half
   * away from zero; a product beyond int64 converts to its minimum, as Go does on amd64.
   */
  static long millis(double seconds) {
    double product = seconds * 1000;
    double truncated = product < 0 ? Math.ceil(product) : Math.floor(product);
    if (Math.abs(product - truncated) >= 0.5) {
      truncated += Math.copySign(1, product);
    }
    if (truncated >= 0x1p63 || truncated < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) truncated;
  }
}
