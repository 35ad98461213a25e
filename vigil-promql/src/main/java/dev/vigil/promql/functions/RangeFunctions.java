package dev.vigil.promql.functions;

import java.util.Map;

/** The functions over range vectors, by PromQL name ({@code absent_over_time} is the engine's own). */
public final class RangeFunctions {
  private static final Map<String, RangeFunction> BY_NAME = Map.ofEntries(
      Map.entry("rate", new ExtrapolatedRate(true, true)),
      Map.entry("increase", new ExtrapolatedRate(true, false)),
      Map.entry("delta", new ExtrapolatedRate(false, false)),
      Map.entry("irate", new InstantRate(true)),
      Map.entry("idelta", new InstantRate(false)),
      Map.entry("deriv", LinearRegression.deriv()),
      Map.entry("predict_linear", LinearRegression.predictLinear()),
      Map.entry("holt_winters", new HoltWinters()),
      Map.entry("changes", new OverTime(OverTime::changes)),
      Map.entry("resets", new OverTime(OverTime::resets)),
      Map.entry("avg_over_time", new OverTime(OverTime::avg)),
      Map.entry("sum_over_time", new OverTime(OverTime::sum)),
      Map.entry("count_over_time", new OverTime(OverTime::count)),
      Map.entry("min_over_time", new OverTime(OverTime::min)),
      Map.entry("max_over_time", new OverTime(OverTime::max)),
      Map.entry("last_over_time", new OverTime(OverTime::last)),
      Map.entry("present_over_time", new OverTime(OverTime::present)),
      Map.entry("quantile_over_time", new OverTime(OverTime::quantile)),
      Map.entry("stddev_over_time", new OverTime(OverTime::stddev)),
      Map.entry("stdvar_over_time", new OverTime(OverTime::stdvar)));

  private RangeFunctions() {}

  /** The function of that name, or null when it does not take a range vector. */
  public static RangeFunction byName(String name) {
    return BY_NAME.get(name);
  }
}
