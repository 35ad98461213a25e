package dev.vigil.promql.parser;

import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats an expression over several lines exactly as Prometheus 2.42's {@code parser.Prettify} does
 * (what {@code /api/v1/format_query} returns): a node whose one-line form is longer than 100 bytes
 * puts its children on their own lines, indented two spaces per level; shorter nodes stay on one line.
 */
public final class Prettifier {
  private static final int MAX_LINE_BYTES = 100;

  private Prettifier() {}

  public static String prettify(Expr expr) {
    return pretty(expr, 0);
  }

  private static String pretty(Expr expr, int level) {
    if (expr instanceof StepInvariantExpr invariant) {
      return pretty(invariant.expr(), level);
    }
    if (expr instanceof UnaryExpr unary) {
      // The sign goes where the operand's indentation would have been.
      return indent(level) + (unary.negate() ? "-" : "+") + pretty(unary.expr(), level).strip();
    }
    if (expr instanceof SubqueryExpr subquery) {
      // Prometheus does not indent a subquery that fits on its line; neither does Vigil.
      return fits(subquery) ? Printer.print(subquery) : pretty(subquery.expr(), level) + Printer.subqueryRange(subquery);
    }
    if (fits(expr)) {
      return indent(level) + Printer.print(expr);
    }
    if (expr instanceof AggregateExpr aggregate) {
      return aggregation(aggregate, level);
    }
    if (expr instanceof BinaryExpr binary) {
      return pretty(binary.lhs(), level + 1) + "\n" + indent(level) + Printer.binaryOperator(binary) + "\n"
          + pretty(binary.rhs(), level + 1);
    }
    if (expr instanceof Call call) {
      return indent(level) + call.function().name() + "(\n" + arguments(call.args(), level + 1) + "\n" + indent(level) + ")";
    }
    if (expr instanceof ParenExpr paren) {
      return indent(level) + "(\n" + pretty(paren.expr(), level + 1) + "\n" + indent(level) + ")";
    }
    return indent(level) + Printer.print(expr);
  }

  private static String aggregation(AggregateExpr aggregate, int level) {
    StringBuilder out = new StringBuilder(indent(level)).append(Printer.aggregationOperator(aggregate)).append("(\n");
    if (aggregate.param() != null) {
      out.append(pretty(aggregate.param(), level + 1)).append(",\n");
    }
    return out.append(pretty(aggregate.expr(), level + 1)).append('\n').append(indent(level)).append(')').toString();
  }

  private static String arguments(List<Expr> args, int level) {
    List<String> lines = new ArrayList<>();
    for (Expr arg : args) {
      lines.add(pretty(arg, level));
    }
    return String.join(",\n", lines);
  }

  private static boolean fits(Expr expr) {
    return Printer.print(expr).getBytes(StandardCharsets.UTF_8).length <= MAX_LINE_BYTES;
  }

  private static String indent(int level) {
    return "  ".repeat(level);
  }
}
