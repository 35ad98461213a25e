package dev.vigil.promql.parser;

import dev.vigil.core.labels.Matcher;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.ExprType;
import dev.vigil.promql.ast.Function;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.StepInvariantExpr;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import dev.vigil.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks Prometheus runs on a tree that parsed (its {@code checkAST}), in its order, so the first
 * problem found is the one Prometheus reports. Returns the tree with the vector matching settled:
 * dropped when a side is not an instant vector, many-to-many for set operators.
 */
final class TypeChecker {
  private final TokenReader tokens;

  TypeChecker(TokenReader tokens) {
    this.tokens = tokens;
  }

  Expr check(Expr node) {
    if (node instanceof AggregateExpr aggregate) {
      return aggregate(aggregate);
    }
    if (node instanceof BinaryExpr binary) {
      return binary(binary);
    }
    if (node instanceof Call call) {
      return call(call);
    }
    if (node instanceof ParenExpr paren) {
      return new ParenExpr(check(paren.expr()), paren.position());
    }
    if (node instanceof UnaryExpr unary) {
      return unary(unary);
    }
    if (node instanceof SubqueryExpr subquery) {
      return subquery(subquery);
    }
    if (node instanceof MatrixSelector matrix) {
      selector(matrix.selector());
      return matrix;
    }
    if (node instanceof VectorSelector selector) {
      selector(selector);
      return selector;
    }
    if (node instanceof StepInvariantExpr invariant) {
      return new StepInvariantExpr(check(invariant.expr()));
    }
    return node;
  }

  private Expr expect(Expr node, ExprType want, String context) {
    Expr checked = check(node);
    if (checked.type() != want) {
      throw tokens.fail(node.position(), "expected type " + want.documentedName() + " in " + context + ", got "
          + checked.type().documentedName());
    }
    return checked;
  }

  private Expr aggregate(AggregateExpr node) {
    Expr inner = expect(node.expr(), ExprType.VECTOR, "aggregation expression");
    Expr param = node.param();
    ExprType paramType = node.op().parameterType();
    if (paramType != null) {
      param = expect(param, paramType, "aggregation parameter");
    }
    return new AggregateExpr(node.op(), inner, param, node.grouping(), node.without(), node.position());
  }

  private Expr binary(BinaryExpr node) {
    Expr lhs = check(node.lhs());
    Expr rhs = check(node.rhs());
    ExprType lt = lhs.type();
    ExprType rt = rhs.type();
    BinaryOp op = node.op();
    if (node.returnBool() && !op.isComparison()) {
      throw tokens.fail(operatorRange(node), "bool modifier can only be used on comparison operators");
    }
    if (op.isComparison() && !node.returnBool() && lt == ExprType.SCALAR && rt == ExprType.SCALAR) {
      throw tokens.fail(operatorRange(node), "comparisons between scalars must use BOOL modifier");
    }
    VectorMatching matching = node.matching();
    if (op.isSetOperator() && matching.cardinality() == Cardinality.ONE_TO_ONE) {
      matching = new VectorMatching(Cardinality.MANY_TO_MANY, matching.matchingLabels(), matching.on(),
          matching.include());
    }
    if (matching.on()) {
      for (String label : matching.matchingLabels()) {
        if (matching.include().contains(label)) {
          throw tokens.fail(operatorRange(node),
              "label " + GoText.quote(label) + " must not occur in ON and GROUP clause at once");
        }
      }
    }
    requireOperand(lhs);
    requireOperand(rhs);
    if (lt != ExprType.VECTOR || rt != ExprType.VECTOR) {
      if (!matching.matchingLabels().isEmpty()) {
        throw tokens.fail(node.position(), "vector matching only allowed between instant vectors");
      }
      matching = null;
    } else if (op.isSetOperator()) {
      Cardinality cardinality = matching.cardinality();
      if (cardinality == Cardinality.ONE_TO_MANY || cardinality == Cardinality.MANY_TO_ONE) {
        throw tokens.fail(node.position(), "no grouping allowed for " + GoText.quote(op.text()) + " operation");
      }
    }
    if ((lt == ExprType.SCALAR || rt == ExprType.SCALAR) && op.isSetOperator()) {
      throw tokens.fail(node.position(),
          "set operator " + GoText.quote(op.text()) + " not allowed in binary scalar expression");
    }
    return new BinaryExpr(op, lhs, rhs, matching, node.returnBool(), node.position());
  }

  private void requireOperand(Expr operand) {
    ExprType type = operand.type();
    if (type != ExprType.SCALAR && type != ExprType.VECTOR) {
      throw tokens.fail(operand.position(), "binary expression must contain only scalar and instant vector types");
    }
  }

  /** The operator between the operands, without the whitespace around it (Prometheus's opRange). */
  private PositionRange operatorRange(BinaryExpr node) {
    QueryText query = tokens.query();
    int start = node.lhs().position().end();
    while (Lexer.isSpace(query.charAtByte(start))) {
      start++;
    }
    int end = node.rhs().position().start() - 1;
    while (Lexer.isSpace(query.charAtByte(end))) {
      end--;
    }
    return new PositionRange(start, end);
  }

  private Expr call(Call node) {
    Function function = node.function();
    int declared = function.argTypes().size();
    int given = node.args().size();
    String name = GoText.quote(function.name());
    if (function.variadic() == 0) {
      if (declared != given) {
        throw tokens.fail(node.position(),
            "expected " + declared + " argument(s) in call to " + name + ", got " + given);
      }
    } else {
      int required = declared - 1;
      if (required > given) {
        throw tokens.fail(node.position(),
            "expected at least " + required + " argument(s) in call to " + name + ", got " + given);
      }
      int most = required + function.variadic();
      if (function.variadic() > 0 && most < given) {
        throw tokens.fail(node.position(),
            "expected at most " + most + " argument(s) in call to " + name + ", got " + given);
      }
    }
    List<Expr> args = new ArrayList<>(given);
    for (int i = 0; i < given; i++) {
      int typeIndex = Math.min(i, declared - 1);
      args.add(expect(node.args().get(i), function.argTypes().get(typeIndex), "call to function " + name));
    }
    return new Call(function, args, node.position());
  }

  private Expr unary(UnaryExpr node) {
    Expr inner = check(node.expr());
    ExprType type = inner.type();
    if (type != ExprType.SCALAR && type != ExprType.VECTOR) {
      throw tokens.fail(node.position(), "unary expression only allowed on expressions of type scalar or instant vector, got "
          + GoText.quote(type.documentedName()));
    }
    return new UnaryExpr(node.negate(), inner, node.position());
  }

  private Expr subquery(SubqueryExpr node) {
    Expr inner = check(node.expr());
    if (inner.type() != ExprType.VECTOR) {
      throw tokens.fail(node.position(),
          "subquery is only allowed on instant vector, got " + inner.type().apiName() + " instead");
    }
    return new SubqueryExpr(inner, node.rangeMillis(), node.stepMillis(), node.offsetMillis(), node.at(),
        node.position());
  }

  private void selector(VectorSelector node) {
    List<Matcher> matchers = node.matchers();
    if (!node.name().isEmpty()) {
      // The name before the braces is the last matcher; a __name__ matcher inside them sets it twice.
      for (Matcher matcher : matchers.subList(0, matchers.size() - 1)) {
        if (matcher.name().equals("__name__")) {
          throw tokens.fail(node.position(), "metric name must not be set twice: " + GoText.quote(node.name())
              + " or " + GoText.quote(matcher.value()));
        }
      }
      return;
    }
    for (Matcher matcher : matchers) {
      if (!matcher.matchesEmpty()) {
        return;
      }
    }
    throw tokens.fail(node.position(), "vector selector must contain at least one non-empty matcher");
  }
}
