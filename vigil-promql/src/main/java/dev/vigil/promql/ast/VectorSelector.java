package dev.vigil.promql.ast;

import dev.vigil.core.labels.Matcher;
import java.util.List;

/**
 * An instant vector selector such as {@code http_requests_total{job="api"} offset 5m @ 1609746000}.
 * {@code name} is the metric name written before the braces, or empty; the matchers include the
 * {@code __name__} matcher implied by it. {@code offsetMillis} may be negative.
 */
public record VectorSelector(String name, List<Matcher> matchers, long offsetMillis, AtModifier at,
    PositionRange position) implements Expr {

  public VectorSelector {
    matchers = List.copyOf(matchers);
  }

  @Override
  public ExprType type() {
    return ExprType.VECTOR;
  }

  public VectorSelector withOffset(long offset) {
    return new VectorSelector(name, matchers, offset, at, position);
  }

  public VectorSelector withAt(AtModifier newAt) {
    return new VectorSelector(name, matchers, offsetMillis, newAt, position);
  }
}
