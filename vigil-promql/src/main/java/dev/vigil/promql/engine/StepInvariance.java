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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prepares a parsed query for evaluation as Prometheus does: {@code @ start()} and {@code @ end()}
 * become fixed times, and every largest subtree whose value does not depend on the step is wrapped
 * in a {@link StepInvariantExpr} so that range queries evaluate it once.
 */
final class StepInvariance {
  /**
   * Functions whose result moves with the evaluation time even when their arguments are fixed: they
   * read the time themselves, or (timestamp) the time of their argument's samples.
   */
  private static final Set<String> TIME_DEPENDENT_FUNCTIONS = Set.of("days_in_month", "day_of_month",
      "day_of_week", "day_of_year", "hour", "minute", "month", "year", "predict_linear", "time", "timestamp");

  private final long start;
  private final long end;

  private StepInvariance(long start, long end) {
    this.start = start;
    this.end = end;
  }

  static Expr prepare(Expr expr, long start, long end) {
    StepInvariance prep = new StepInvariance(start, end);
    Rewritten result = prep.rewrite(expr);
    return result.invariant ? wrap(result.expr) : result.expr;
  }

  private record Rewritten(Expr expr, boolean invariant) {}

  private static Expr wrap(Expr e) {
    if (e instanceof StepInvariantExpr) {
      return e;
    }
    return new StepInvariantExpr(e);
  }

  private AtModifier resolve(AtModifier at) {
    return switch (at.kind()) {
      case START -> AtModifier.at(start);
      case END -> AtModifier.at(end);
      default -> at;
    };
  }

  private Rewritten rewrite(Expr expr) {
    if (expr instanceof VectorSelector vs) {
      VectorSelector resolved = vs.withAt(resolve(vs.at()));
      return new Rewritten(resolved, resolved.at().isPresent());
    } else if (expr instanceof MatrixSelector ms) {
      Rewritten inner = rewrite(ms.selector());
      return new Rewritten(new MatrixSelector((VectorSelector) inner.expr, ms.rangeMillis(), ms.position()),
          inner.invariant);
    } else if (expr instanceof SubqueryExpr sq) {
      Rewritten inner = rewrite(sq.expr());
      Expr body = inner.invariant ? wrap(inner.expr) : inner.expr;
      AtModifier at = resolve(sq.at());
      return new Rewritten(new SubqueryExpr(body, sq.rangeMillis(), sq.stepMillis(), sq.offsetMillis(), at,
          sq.position()), at.isPresent());
    } else if (expr instanceof AggregateExpr agg) {
      Rewritten inner = rewrite(agg.expr());
      // Prometheus leaves the parameter untouched: its @ start()/end() stay unresolved.
      return new Rewritten(new AggregateExpr(agg.op(), inner.expr, agg.param(), agg.grouping(), agg.without(),
          agg.position()), inner.invariant);
    } else if (expr instanceof BinaryExpr bin) {
      return rewriteBinary(bin);
    } else if (expr instanceof Call call) {
      return rewriteCall(call);
    } else if (expr instanceof ParenExpr p) {
      Rewritten inner = rewrite(p.expr());
      return new Rewritten(new ParenExpr(inner.expr, p.position()), inner.invariant);
    } else if (expr instanceof UnaryExpr u) {
      Rewritten inner = rewrite(u.expr());
      return new Rewritten(new UnaryExpr(u.negate(), inner.expr, u.position()), inner.invariant);
    }
    return new Rewritten(expr, true);
  }

  private Rewritten rewriteBinary(BinaryExpr bin) {
    Rewritten lhs = rewrite(bin.lhs());
    Rewritten rhs = rewrite(bin.rhs());
    if (lhs.invariant && rhs.invariant) {
      return new Rewritten(new BinaryExpr(bin.op(), lhs.expr, rhs.expr, bin.matching(), bin.returnBool(),
          bin.position()), true);
    }
    Expr l = lhs.invariant ? wrap(lhs.expr) : lhs.expr;
    Expr r = rhs.invariant ? wrap(rhs.expr) : rhs.expr;
    return new Rewritten(new BinaryExpr(bin.op(), l, r, bin.matching(), bin.returnBool(), bin.position()), false);
  }

  private Rewritten rewriteCall(Call call) {
    boolean invariant = !TIME_DEPENDENT_FUNCTIONS.contains(call.function().name());
    List<Rewritten> args = new ArrayList<>();
    for (Expr arg : call.args()) {
      Rewritten r = rewrite(arg);
      args.add(r);
      invariant &= r.invariant;
    }
    List<Expr> newArgs = new ArrayList<>();
    for (Rewritten r : args) {
      newArgs.add(!invariant && r.invariant ? wrap(r.expr) : r.expr);
    }
    return new Rewritten(new Call(call.function(), newArgs, call.position()), invariant);
  }
}
