package dev.vigil.promql.ast;

/** Unary plus or minus applied to a scalar or instant vector. */
public record UnaryExpr(boolean negate, Expr expr, PositionRange position) implements Expr {
  @Override
  public ExprType type() {
    return expr.type();
  }
}
