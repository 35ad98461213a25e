package dev.vigil.promql.value;

import dev.vigil.promql.ast.ExprType;
import java.util.List;

/** An instant vector, in the order the query defines (or storage order when it defines none). */
public record InstantVector(List<Sample> samples) implements Value {
  public InstantVector {
    samples = List.copyOf(samples);
  }

  @Override
  public ExprType type() {
    return ExprType.VECTOR;
  }
}
