package dev.vigil.promql.functions;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToLongFunction;

/**
 * The per-sample functions, with Go's {@code math} semantics (see {@link GoMath}).
 *
 * <ul>
 *   <li>{@code round(v, to_nearest)} rounds half up to a multiple of {@code params[0]} (1 when the
 *       engine passes no parameter), dividing by the inverse as Prometheus does, so
 *       {@code to_nearest = 0} gives NaN.
 *   <li>{@code clamp(v, min, max)}, {@code clamp_min(v, min)}, {@code clamp_max(v, max)} use Go's
 *       max/min, where ±Inf beats NaN. When {@code max < min}, Prometheus's {@code clamp} returns an
 *       empty vector; the engine checks that before applying the function to any sample.
 *   <li>The date functions take v as Unix seconds, truncated towards zero as Go's {@code int64(v)}
 *       does on amd64 (NaN and out-of-range values become the smallest int64, and give Go's answer
 *       for that), and read the calendar in UTC. Called without an argument, Prometheus applies them
 *       to the evaluation time in whole seconds; the engine passes that as v.
 * </ul>
 */
public final class ElementFunctions {
  private static final Map<String, ElementFunction> BY_NAME = new HashMap<>();

  static {
    simple("abs", Math::abs);
    simple("ceil", Math::ceil);
    simple("floor", Math::floor);
    simple("exp", GoMath::exp);
    simple("sqrt", Math::sqrt);
    simple("ln", GoMath::log);
    simple("log2", GoMath::log2);
    simple("log10", GoMath::log10);
    simple("sin", StrictMath::sin);
    simple("cos", StrictMath::cos);
    simple("tan", StrictMath::tan);
    simple("asin", StrictMath::asin);
    simple("acos", StrictMath::acos);
    simple("atan", StrictMath::atan);
    simple("sinh", GoMath::sinh);
    simple("cosh", GoMath::cosh);
    simple("tanh", StrictMath::tanh);
    simple("asinh", GoMath::asinh);
    simple("acosh", GoMath::acosh);
    simple("atanh", GoMath::atanh);
    simple("deg", v -> v * 180 / Math.PI);
    simple("rad", v -> v * Math.PI / 180);
    simple("sgn", ElementFunctions::sign);
    BY_NAME.put("round", ElementFunctions::round);
    BY_NAME.put("clamp", (v, p) -> GoMath.max(p[0], GoMath.min(p[1], v)));
    BY_NAME.put("clamp_min", (v, p) -> GoMath.max(p[0], v));
    BY_NAME.put("clamp_max", (v, p) -> GoMath.min(p[0], v));
    date("year", t -> t.year);
    date("month", t -> t.month);
    date("day_of_month", t -> t.dayOfMonth);
    date("day_of_week", t -> t.dayOfWeek);
    date("day_of_year", t -> t.dayOfYear);
    date("days_in_month", t -> t.daysInMonth);
    date("hour", t -> t.hour);
    date("minute", t -> t.minute);
  }

  private ElementFunctions() {}

  /** The function of that name, or null when it is not a per-sample function. */
  public static ElementFunction byName(String name) {
    return BY_NAME.get(name);
  }

  private static void simple(String name, DoubleUnaryOperator f) {
    BY_NAME.put(name, (v, params) -> f.applyAsDouble(v));
  }

  private static void date(String name, ToLongFunction<GoCivilTime> field) {
    BY_NAME.put(name, (v, params) -> field.applyAsLong(GoCivilTime.ofUnixSeconds(GoMath.toInt64(v))));
  }

  /** -1, 1, or the value itself for ±0 and NaN. */
  private static double sign(double v) {
    if (v < 0) {
      return -1;
    }
    if (v > 0) {
      return 1;
    }
    return v;
  }

  private static double round(double v, double[] params) {
    double toNearest = params.length > 0 ? params[0] : 1;
    // Prometheus multiplies by the inverse rather than dividing, which it found less error-prone.
    double inverse = 1.0 / toNearest;
    return Math.floor(v * inverse + 0.5) / inverse;
  }
}
