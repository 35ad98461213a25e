package dev.vigil.promql.functions;

/**
 * A PromQL function over the samples of one series inside one range-vector window, such as
 * {@code rate} or {@code max_over_time}.
 */
public interface RangeFunction {
  /** The fewest samples in the window for which the function has a value; with fewer, the series drops out. */
  int minSamples();

  /**
   * Computes the function over the window's samples {@code t[from..to)}, {@code v[from..to)}: timestamps
   * in milliseconds, strictly increasing, stale markers already removed, and at least
   * {@link #minSamples()} of them.
   *
   * @param evalTime the step's evaluation time in milliseconds
   * @param rangeEnd the window's inclusive end, evalTime minus the selector's offset
   * @param rangeMillis the selector's range; Prometheus 2.42 selects the closed window
   *     [rangeEnd - rangeMillis, rangeEnd]
   * @param params the function's scalar arguments in order ({@code quantile_over_time}'s φ,
   *     {@code holt_winters}'s smoothing and trend factors, {@code predict_linear}'s seconds)
   * @throws dev.vigil.promql.engine.PromqlException for arguments Prometheus rejects while evaluating
   */
  double apply(long[] t, double[] v, int from, int to, long evalTime, long rangeEnd, long rangeMillis, double[] params);

  /**
   * Rejects scalar arguments Prometheus rejects. {@link #apply} checks them too, but Prometheus raises
   * the error for any series with at least one sample in the window, even when there are fewer than
   * {@link #minSamples()}: the engine calls this for such series.
   *
   * @throws dev.vigil.promql.engine.PromqlException when an argument is out of its range
   */
  default void checkParams(double[] params) {}
}
