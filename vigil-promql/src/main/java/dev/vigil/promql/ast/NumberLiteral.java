package dev.vigil.promql.ast;

/** A number literal: decimal, hexadecimal, Inf, NaN, or a duration read as seconds. */
public record NumberLiteral(double value, PositionRange position) implements Expr {
  @Override
  public ExprType type() {
    return ExprType.SCALAR;
  }
}
