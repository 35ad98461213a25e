package dev.vigil.promql.ast;

/** Half-open character range [start, end) of a node in the query text, counted in bytes as Prometheus does. */
public record PositionRange(int start, int end) {
  public static final PositionRange NONE = new PositionRange(0, 0);
}
