package dev.vigil.promql.ast;

/**
 * A binary operation. {@code matching} is null when at least one side is a scalar. {@code returnBool}
 * is the {@code bool} modifier of comparisons.
 */
public record BinaryExpr(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool,
    PositionRange position) implements Expr {
  @Override
  public ExprType type() {
    return lhs.type() == ExprType.SCALAR && rhs.type() == ExprType.SCALAR ? ExprType.SCALAR : ExprType.VECTOR;
  }
}
