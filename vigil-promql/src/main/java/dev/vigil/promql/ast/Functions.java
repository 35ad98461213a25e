package dev.vigil.promql.ast;

import static dev.vigil.promql.ast.ExprType.MATRIX;
import static dev.vigil.promql.ast.ExprType.SCALAR;
import static dev.vigil.promql.ast.ExprType.STRING;
import static dev.vigil.promql.ast.ExprType.VECTOR;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Every function PromQL 2.42 knows, with its signature. */
public final class Functions {
  private static final ExprType V = VECTOR;
  private static final ExprType S = SCALAR;
  private static final ExprType M = MATRIX;
  private static final ExprType STR = STRING;
  private static final Map<String, Function> BY_NAME = new TreeMap<>();

  static {
    define("abs", 0, V, V);
    define("absent", 0, V, V);
    define("absent_over_time", 0, V, M);
    define("acos", 0, V, V);
    define("acosh", 0, V, V);
    define("asin", 0, V, V);
    define("asinh", 0, V, V);
    define("atan", 0, V, V);
    define("atanh", 0, V, V);
    define("avg_over_time", 0, V, M);
    define("ceil", 0, V, V);
    define("changes", 0, V, M);
    define("clamp", 0, V, V, S, S);
    define("clamp_max", 0, V, V, S);
    define("clamp_min", 0, V, V, S);
    define("cos", 0, V, V);
    define("cosh", 0, V, V);
    define("count_over_time", 0, V, M);
    define("days_in_month", 1, V, V);
    define("day_of_month", 1, V, V);
    define("day_of_week", 1, V, V);
    define("day_of_year", 1, V, V);
    define("deg", 0, V, V);
    define("delta", 0, V, M);
    define("deriv", 0, V, M);
    define("exp", 0, V, V);
    define("floor", 0, V, V);
    define("histogram_count", 0, V, V);
    define("histogram_sum", 0, V, V);
    define("histogram_fraction", 0, V, S, S, V);
    define("histogram_quantile", 0, V, S, V);
    define("holt_winters", 0, V, M, S, S);
    define("hour", 1, V, V);
    define("idelta", 0, V, M);
    define("increase", 0, V, M);
    define("irate", 0, V, M);
    define("label_replace", 0, V, V, STR, STR, STR, STR);
    define("label_join", -1, V, V, STR, STR, STR);
    define("last_over_time", 0, V, M);
    define("ln", 0, V, V);
    define("log10", 0, V, V);
    define("log2", 0, V, V);
    define("max_over_time", 0, V, M);
    define("min_over_time", 0, V, M);
    define("minute", 1, V, V);
    define("month", 1, V, V);
    define("pi", 0, S);
    define("predict_linear", 0, V, M, S);
    define("present_over_time", 0, V, M);
    define("quantile_over_time", 0, V, S, M);
    define("rad", 0, V, V);
    define("rate", 0, V, M);
    define("resets", 0, V, M);
    define("round", 1, V, V, S);
    define("scalar", 0, S, V);
    define("sgn", 0, V, V);
    define("sin", 0, V, V);
    define("sinh", 0, V, V);
    define("sort", 0, V, V);
    define("sort_desc", 0, V, V);
    define("sqrt", 0, V, V);
    define("stddev_over_time", 0, V, M);
    define("stdvar_over_time", 0, V, M);
    define("sum_over_time", 0, V, M);
    define("tan", 0, V, V);
    define("tanh", 0, V, V);
    define("time", 0, S);
    define("timestamp", 0, V, V);
    define("vector", 0, V, S);
    define("year", 1, V, V);
  }

  private Functions() {
  }

  private static void define(String name, int variadic, ExprType returnType, ExprType... argTypes) {
    BY_NAME.put(name, new Function(name, Arrays.asList(argTypes), variadic, returnType));
  }

  /** The function with this exact (case-sensitive) name, or null. */
  public static Function byName(String name) {
    return BY_NAME.get(name);
  }

  /** All functions by name, in name order. */
  public static Map<String, Function> all() {
    return Collections.unmodifiableMap(BY_NAME);
  }
}
