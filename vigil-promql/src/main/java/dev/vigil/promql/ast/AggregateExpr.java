package dev.vigil.promql.ast;

import java.util.List;

/**
 * An aggregation such as {@code topk by (job) (3, rate(x[5m]))}. {@code param} is null for operators
 * without a parameter; {@code without} says whether {@code grouping} lists the labels to drop.
 */
public record AggregateExpr(AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without,
    PositionRange position) implements Expr {

  public AggregateExpr {
    grouping = List.copyOf(grouping);
  }

  @Override
  public ExprType type() {
    return ExprType.VECTOR;
  }
}
