package dev.vigil.promql.ast;

import java.util.List;

/** A function call with its checked arguments. */
public record Call(Function function, List<Expr> args, PositionRange position) implements Expr {
  public Call {
    args = List.copyOf(args);
  }

  @Override
  public ExprType type() {
    return function.returnType();
  }
}
