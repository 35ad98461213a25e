package dev.vigil.promql.ast;

import java.util.Locale;

/** The aggregation operators; some take a parameter before the vector. */
public enum AggregateOp {
  SUM,
  AVG,
  COUNT,
  MIN,
  MAX,
  GROUP,
  STDDEV,
  STDVAR,
  TOPK,
  BOTTOMK,
  COUNT_VALUES,
  QUANTILE;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of the parameter, or null for operators without one. */
  public ExprType parameterType() {
    return switch (this) {
      case TOPK, BOTTOMK, QUANTILE -> ExprType.SCALAR;
      case COUNT_VALUES -> ExprType.STRING;
      default -> null;
    };
  }

  /** Looks an operator up by its (case-insensitive) name; null when there is none. */
  public static AggregateOp byName(String name) {
    for (AggregateOp op : values()) {
      if (op.text().equalsIgnoreCase(name)) {
        return op;
      }
    }
    return null;
  }
}
