package dev.vigil.promql.ast;

/** Parentheses, kept in the tree so that the printer can reproduce them. */
public record ParenExpr(Expr expr, PositionRange position) implements Expr {
  @Override
  public ExprType type() {
    return expr.type();
  }
}
