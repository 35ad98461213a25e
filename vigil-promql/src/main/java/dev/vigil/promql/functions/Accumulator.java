package dev.vigil.promql.functions;

/**
 * The running value of one aggregation group, fed the group's sample values in the order the engine
 * meets them (that order decides the last bits of sums and means, as in Prometheus).
 */
public interface Accumulator {
  void add(double v);

  /** The aggregate of everything added so far; at least one value must have been added. */
  double result();
}
