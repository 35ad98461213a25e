package dev.vigil.promql.ast;

/**
 * A subquery {@code expr[range:step] offset o @ t}. {@code stepMillis} is 0 when omitted, meaning the
 * engine's default evaluation interval.
 */
public record SubqueryExpr(Expr expr, long rangeMillis, long stepMillis, long offsetMillis, AtModifier at,
    PositionRange position) implements Expr {
  @Override
  public ExprType type() {
    return ExprType.MATRIX;
  }
}
