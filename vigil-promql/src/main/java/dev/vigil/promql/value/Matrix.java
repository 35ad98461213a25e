package dev.vigil.promql.value;

import dev.vigil.promql.ast.ExprType;
import java.util.List;

/** A range vector or the result of a range query: series sorted by labels. */
public record Matrix(List<RangeSeries> series) implements Value {
  public Matrix {
    series = List.copyOf(series);
  }

  @Override
  public ExprType type() {
    return ExprType.MATRIX;
  }
}
