package dev.vigil.promql.ast;

/** A range vector selector such as {@code foo[5m]}; offset and {@code @} live on the inner selector. */
public record MatrixSelector(VectorSelector selector, long rangeMillis, PositionRange position) implements Expr {
  @Override
  public ExprType type() {
    return ExprType.MATRIX;
  }
}
