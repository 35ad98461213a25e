package dev.vigil.promql.engine;

import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorSelector;

/**
 * The time range a query reads from storage: the union over its selectors of the times their
 * steps, offsets, {@code @} modifiers, ranges, lookback and enclosing subqueries reach.
 */
final class QueryRange {
  private final long start;
  private final long end;
  private final long lookback;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  private QueryRange(long start, long end, long lookback) {
    this.start = start;
    this.end = end;
    this.lookback = lookback;
  }

  /** Returns {min, max}; {0, 0} when the query has no selectors. */
  static long[] of(Expr expr, long start, long end, long lookback) {
    QueryRange r = new QueryRange(start, end, lookback);
    r.visit(expr, 0, 0, null, 0);
    return r.max == Long.MIN_VALUE ? new long[] {0, 0} : new long[] {r.min, r.max};
  }

  /** Walks the tree carrying the enclosing subqueries' total offset and range, and their latest @. */
  private void visit(Expr expr, long subqOffset, long subqRange, Long subqAt, long range) {
    if (expr instanceof VectorSelector vs) {
      selector(vs, subqOffset, subqRange, subqAt, range);
    } else if (expr instanceof MatrixSelector ms) {
      visit(ms.selector(), subqOffset, subqRange, subqAt, ms.rangeMillis());
    } else if (expr instanceof SubqueryExpr sq) {
      if (sq.at().kind() == AtModifier.Kind.TIMESTAMP) {
        visit(sq.expr(), sq.offsetMillis(), sq.rangeMillis(), sq.at().timestampMillis(), 0);
      } else {
        visit(sq.expr(), subqOffset + sq.offsetMillis(), subqRange + sq.rangeMillis(), subqAt, 0);
      }
    } else if (expr instanceof AggregateExpr agg) {
      if (agg.param() != null) {
        visit(agg.param(), subqOffset, subqRange, subqAt, 0);
      }
      visit(agg.expr(), subqOffset, subqRange, subqAt, 0);
    } else if (expr instanceof BinaryExpr bin) {
      visit(bin.lhs(), subqOffset, subqRange, subqAt, 0);
      visit(bin.rhs(), subqOffset, subqRange, subqAt, 0);
    } else if (expr instanceof Call call) {
      call.args().forEach(a -> visit(a, subqOffset, subqRange, subqAt, 0));
    } else if (expr instanceof ParenExpr p) {
      visit(p.expr(), subqOffset, subqRange, subqAt, range);
    } else if (expr instanceof UnaryExpr u) {
      visit(u.expr(), subqOffset, subqRange, subqAt, 0);
    } else if (expr instanceof StepInvariantExpr s) {
      visit(s.expr(), subqOffset, subqRange, subqAt, range);
    }
  }

  private void selector(VectorSelector vs, long subqOffset, long subqRange, Long subqAt, long range) {
    long from = subqAt != null ? subqAt : start;
    long to = subqAt != null ? subqAt : end;
    if (vs.at().kind() == AtModifier.Kind.TIMESTAMP) {
      from = vs.at().timestampMillis();
      to = from;
    } else {
      from = from - subqOffset - subqRange;
      to -= subqOffset;
    }
    from -= range == 0 ? lookback : range;
    from -= vs.offsetMillis();
    to -= vs.offsetMillis();
    min = Math.min(min, from);
    max = Math.max(max, to);
  }
}
