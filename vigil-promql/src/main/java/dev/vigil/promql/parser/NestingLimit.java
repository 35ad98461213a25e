package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Measures a tree's height without recursion, so that a tree too high to walk can be refused. */
final class NestingLimit {
  private NestingLimit() {}

  static boolean exceeded(Expr root, int limit) {
    Deque<Expr> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      Expr node = nodes.pop();
      int depth = depths.pop();
      if (depth > limit) {
        return true;
      }
      for (Expr child : children(node)) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
    return false;
  }

  private static List<Expr> children(Expr node) {
    if (node instanceof BinaryExpr binary) {
      return List.of(binary.lhs(), binary.rhs());
    }
    if (node instanceof AggregateExpr aggregate) {
      return aggregate.param() == null ? List.of(aggregate.expr()) : List.of(aggregate.param(), aggregate.expr());
    }
    if (node instanceof Call call) {
      return call.args();
    }
    if (node instanceof ParenExpr paren) {
      return List.of(paren.expr());
    }
    if (node instanceof UnaryExpr unary) {
      return List.of(unary.expr());
    }
    if (node instanceof SubqueryExpr subquery) {
      return List.of(subquery.expr());
    }
    if (node instanceof MatrixSelector matrix) {
      return List.of(matrix.selector());
    }
    if (node instanceof StepInvariantExpr invariant) {
      return List.of(invariant.expr());
    }
    return List.of();
  }
}
