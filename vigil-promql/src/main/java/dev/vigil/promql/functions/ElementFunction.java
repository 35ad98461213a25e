package dev.vigil.promql.functions;

/** A PromQL function applied to each sample value of an instant vector on its own. */
@FunctionalInterface
public interface ElementFunction {
  /**
   * @param v the sample's value
   * @param params the function's scalar arguments after the vector, in order
   */
  double apply(double v, double[] params);
}
