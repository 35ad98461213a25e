package dev.vigil.promql.value;

import dev.vigil.promql.ast.ExprType;

/** A single number at a time (milliseconds). */
public record Scalar(long timestamp, double value) implements Value {
  @Override
  public ExprType type() {
    return ExprType.SCALAR;
  }
}
