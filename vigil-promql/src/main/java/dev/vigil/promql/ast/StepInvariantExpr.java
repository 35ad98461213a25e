package dev.vigil.promql.ast;

/**
 * Marks a subtree whose value is the same at every step of a range query (it has {@code @} modifiers
 * or only literals), so the engine evaluates it once. Inserted by the engine's preparation, never by
 * the parser, and invisible to the printer.
 */
public record StepInvariantExpr(Expr expr) implements Expr {
  @Override
  public ExprType type() {
    return expr.type();
  }

  @Override
  public PositionRange position() {
    return expr.position();
  }
}
