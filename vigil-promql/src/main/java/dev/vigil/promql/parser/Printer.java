package dev.vigil.promql.parser;

import dev.vigil.core.labels.Matcher;
import dev.vigil.core.labels.MatchType;
import dev.vigil.core.labels.Utf8Order;
import dev.vigil.core.model.GoFloat;
import dev.vigil.core.model.PromDuration;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import dev.vigil.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an expression on one line exactly as Prometheus 2.42's {@code String()} methods do: the
 * canonical spelling that the query log, the rule files and {@code format_query} show.
 */
public final class Printer {
  private Printer() {}

  public static String print(Expr expr) {
    if (expr instanceof AggregateExpr aggregate) {
      return aggregation(aggregate);
    }
    if (expr instanceof BinaryExpr binary) {
      return print(binary.lhs()) + " " + binaryOperator(binary) + " " + print(binary.rhs());
    }
    if (expr instanceof Call call) {
      List<String> args = new ArrayList<>();
      for (Expr arg : call.args()) {
        args.add(print(arg));
      }
      return call.function().name() + "(" + String.join(", ", args) + ")";
    }
    if (expr instanceof MatrixSelector matrix) {
      VectorSelector selector = matrix.selector();
      return selectorWithoutModifiers(selector) + "[" + PromDuration.format(matrix.rangeMillis()) + "]"
          + modifiers(selector.at(), selector.offsetMillis());
    }
    if (expr instanceof SubqueryExpr subquery) {
      return print(subquery.expr()) + subqueryRange(subquery);
    }
    if (expr instanceof NumberLiteral number) {
      return GoFloat.formatG(number.value());
    }
    if (expr instanceof ParenExpr paren) {
      return "(" + print(paren.expr()) + ")";
    }
    if (expr instanceof StringLiteral string) {
      return GoText.quote(string.value());
    }
    if (expr instanceof UnaryExpr unary) {
      return (unary.negate() ? "-" : "+") + print(unary.expr());
    }
    if (expr instanceof VectorSelector selector) {
      return selectorWithoutModifiers(selector) + modifiers(selector.at(), selector.offsetMillis());
    }
    return print(((StepInvariantExpr) expr).expr());
  }

  private static String aggregation(AggregateExpr aggregate) {
    StringBuilder out = new StringBuilder(aggregationOperator(aggregate)).append('(');
    if (aggregate.param() != null) {
      out.append(print(aggregate.param())).append(", ");
    }
    return out.append(print(aggregate.expr())).append(')').toString();
  }

  /** The operator and its grouping, e.g. {@code sum by (job) }; empty {@code by ()} is left out. */
  static String aggregationOperator(AggregateExpr aggregate) {
    String op = aggregate.op().text();
    if (aggregate.without()) {
      return op + " without (" + String.join(", ", aggregate.grouping()) + ") ";
    }
    if (!aggregate.grouping().isEmpty()) {
      return op + " by (" + String.join(", ", aggregate.grouping()) + ") ";
    }
    return op;
  }

  /** The operator with {@code bool} and its vector matching, e.g. {@code / on (job) group_left ()}. */
  static String binaryOperator(BinaryExpr binary) {
    StringBuilder out = new StringBuilder(binary.op().text());
    if (binary.returnBool()) {
      out.append(" bool");
    }
    VectorMatching matching = binary.matching();
    if (matching != null && (!matching.matchingLabels().isEmpty() || matching.on())) {
      out.append(matching.on() ? " on (" : " ignoring (").append(String.join(", ", matching.matchingLabels()))
          .append(')');
      Cardinality cardinality = matching.cardinality();
      if (cardinality == Cardinality.MANY_TO_ONE || cardinality == Cardinality.ONE_TO_MANY) {
        out.append(cardinality == Cardinality.MANY_TO_ONE ? " group_left (" : " group_right (")
            .append(String.join(", ", matching.include())).append(')');
      }
    }
    return out.toString();
  }

  /** {@code [range:step]} with the subquery's {@code @} and offset. */
  static String subqueryRange(SubqueryExpr subquery) {
    String step = subquery.stepMillis() == 0 ? "" : PromDuration.format(subquery.stepMillis());
    return "[" + PromDuration.format(subquery.rangeMillis()) + ":" + step + "]"
        + modifiers(subquery.at(), subquery.offsetMillis());
  }

  /**
   * Name and sorted matchers; the matcher implied by the name is not repeated, and a selector with no
   * other matcher has no braces.
   */
  private static String selectorWithoutModifiers(VectorSelector selector) {
    List<String> matchers = new ArrayList<>();
    for (Matcher matcher : selector.matchers()) {
      boolean impliedByName = matcher.name().equals("__name__") && matcher.type() == MatchType.EQUAL
          && matcher.value().equals(selector.name());
      if (!impliedByName) {
        matchers.add(matcher.toString());
      }
    }
    if (matchers.isEmpty()) {
      return selector.name();
    }
    matchers.sort(Utf8Order::compare);
    return selector.name() + "{" + String.join(",", matchers) + "}";
  }

  private static String modifiers(AtModifier at, long offsetMillis) {
    StringBuilder out = new StringBuilder();
    switch (at.kind()) {
      case TIMESTAMP -> out.append(" @ ").append(GoText.fixed3(at.timestampMillis() / 1000.0));
      case START -> out.append(" @ start()");
      case END -> out.append(" @ end()");
      case NONE -> {
        // No @ modifier to print.
      }
    }
    if (offsetMillis > 0) {
      out.append(" offset ").append(PromDuration.format(offsetMillis));
    } else if (offsetMillis < 0) {
      out.append(" offset -").append(PromDuration.format(-offsetMillis));
    }
    return out.toString();
  }
}
