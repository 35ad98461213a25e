package dev.vigil.promql.value;

import dev.vigil.promql.ast.ExprType;

/** The result of evaluating an expression. */
public sealed interface Value permits Scalar, StringValue, InstantVector, Matrix {
  ExprType type();
}
