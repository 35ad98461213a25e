package dev.vigil.promql.ast;

/** A string literal, already unescaped. */
public record StringLiteral(String value, PositionRange position) implements Expr {
  @Override
  public ExprType type() {
    return ExprType.STRING;
  }
}
