package dev.vigil.promql.value;

import dev.vigil.promql.ast.ExprType;

/** A string at a time (milliseconds). */
public record StringValue(long timestamp, String value) implements Value {
  @Override
  public ExprType type() {
    return ExprType.STRING;
  }
}
