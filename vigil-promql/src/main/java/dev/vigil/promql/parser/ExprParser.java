package dev.vigil.promql.parser;

import dev.vigil.core.labels.MatchType;
import dev.vigil.core.labels.Matcher;
import dev.vigil.core.model.PromDuration;
import dev.vigil.promql.ast.AggregateExpr;
import dev.vigil.promql.ast.AggregateOp;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Function;
import dev.vigil.promql.ast.Functions;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.ParenExpr;
import dev.vigil.promql.ast.PositionRange;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.SubqueryExpr;
import dev.vigil.promql.ast.UnaryExpr;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import dev.vigil.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over Prometheus's PromQL grammar, with precedence climbing for the binary
 * operators. Prometheus generates its parser with yacc; to report the same first error, this parser
 * reads each token exactly when yacc would, applies each semantic rule right after the token that
 * completes it, and names a syntax error after the innermost grammar rule that would catch it.
 */
final class ExprParser {
  /**
   * How deeply parentheses, calls, aggregations and signs may nest; deeper queries are refused.
   * Prometheus has no limit, but no real query comes near this one.
   */
  static final int MAX_NESTING = 1000;

  /**
   * How high the parsed tree may be, which bounds the recursion of everything that walks it later:
   * the checker, the printers and the engine. A long chain such as {@code a or b or c ...} parses
   * without nesting but builds a tree as high as the chain is long.
   */
  static final int MAX_HEIGHT = 1000;

  private static final int POW_PRECEDENCE = BinaryOp.POW.precedence();
  private static final String METRIC_NAME = "__name__";

  private final TokenReader tokens;
  private final Modifiers modifiers;
  private int depth;
  private int openAggregations;

  ExprParser(TokenReader tokens) {
    this.tokens = tokens;
    this.modifiers = new Modifiers(tokens);
  }

  /** A whole query: an expression and nothing after it. */
  Expr query() {
    if (tokens.peekType() == TokenType.EOF) {
      throw tokens.fail(PositionRange.NONE, "no expression found in input");
    }
    Expr expr = expression(0);
    expectEnd();
    return expr;
  }

  /** A whole metric selector such as {@code foo{job="x"}}: the matchers, the name's last. */
  List<Matcher> metricSelector() {
    Token first = tokens.consume();
    VectorSelector selector;
    if (first.type().isMetricName()) {
      selector = selectorNamed(first);
    } else if (first.type() == TokenType.LEFT_BRACE) {
      selector = selectorWithBraces(null, first);
    } else {
      throw tokens.unexpected(first, SyntaxContext.QUERY);
    }
    expectEnd();
    return selector.matchers();
  }

  private void expectEnd() {
    Token end = tokens.peek();
    if (end.type() != TokenType.EOF) {
      throw tokens.unexpected(end, SyntaxContext.QUERY);
    }
  }

  private Expr expression(int minPrecedence) {
    enter();
    Expr lhs = unary();
    while (true) {
      BinaryOp op = binaryOp(tokens.peekType());
      if (op == null || op.precedence() < minPrecedence) {
        break;
      }
      tokens.consume();
      BinaryModifiers binaryModifiers = binaryModifiers();
      Expr rhs = expression(op.isRightAssociative() ? op.precedence() : op.precedence() + 1);
      lhs = new BinaryExpr(op, lhs, rhs, binaryModifiers.matching, binaryModifiers.returnBool,
          new PositionRange(lhs.position().start(), rhs.position().end()));
    }
    depth--;
    return lhs;
  }

  private void enter() {
    if (++depth > MAX_NESTING) {
      throw tokens.fail(tokens.peek().range(), "expression nests more than " + MAX_NESTING + " levels deep");
    }
  }

  /**
   * A unary sign binds like multiplication, so {@code -2 ^ 2} is {@code -(2 ^ 2)}. A sign before a
   * number literal becomes part of the literal.
   */
  private Expr unary() {
    Token sign = tokens.peek();
    if (sign.type() != TokenType.ADD && sign.type() != TokenType.SUB) {
      return postfix(primary());
    }
    tokens.consume();
    Expr operand = expression(POW_PRECEDENCE);
    boolean negate = sign.type() == TokenType.SUB;
    PositionRange position = new PositionRange(sign.pos(), operand.position().end());
    if (operand instanceof NumberLiteral number) {
      return new NumberLiteral(negate ? -number.value() : number.value(), position);
    }
    return new UnaryExpr(negate, operand, position);
  }

  /** Ranges, subqueries, {@code offset} and {@code @} bind tighter than any operator. */
  private Expr postfix(Expr expr) {
    Expr result = expr;
    while (true) {
      switch (tokens.peekType()) {
        case LEFT_BRACKET -> result = rangeOrSubquery(result);
        case OFFSET -> result = offset(result);
        case AT -> result = at(result);
        default -> {
          return result;
        }
      }
    }
  }

  private Expr primary() {
    Token token = tokens.consume();
    TokenType type = token.type();
    if (type == TokenType.NUMBER) {
      return new NumberLiteral(number(token), token.range());
    }
    if (type == TokenType.STRING) {
      return new StringLiteral(unquote(token), token.range());
    }
    if (type == TokenType.LEFT_PAREN) {
      return paren(token);
    }
    if (type == TokenType.LEFT_BRACE) {
      return selectorWithBraces(null, token);
    }
    if (type == TokenType.IDENTIFIER && tokens.peekType() == TokenType.LEFT_PAREN) {
      return call(token);
    }
    if (type.isAggregator() && startsAggregationBody(tokens.peekType())) {
      return aggregation(token);
    }
    if (type.isMetricName()) {
      return selectorNamed(token);
    }
    throw tokens.unexpected(token, expressionContext());
  }

  private static boolean startsAggregationBody(TokenType type) {
    return type == TokenType.BY || type == TokenType.WITHOUT || type == TokenType.LEFT_PAREN;
  }

  /** Outside the rules that catch their own errors, an aggregation names errors inside it. */
  private SyntaxContext expressionContext() {
    return openAggregations > 0 ? SyntaxContext.AGGREGATION : SyntaxContext.QUERY;
  }

  private Expr paren(Token open) {
    Expr inner = expression(0);
    Token close = tokens.consume();
    if (close.type() != TokenType.RIGHT_PAREN) {
      throw tokens.unexpected(close, expressionContext());
    }
    return new ParenExpr(inner, new PositionRange(open.pos(), close.end()));
  }

  private Expr call(Token name) {
    tokens.consume();
    List<Expr> args = arguments();
    Function function = Functions.byName(name.text());
    if (function == null) {
      throw tokens.fail(name.range(), "unknown function with name " + GoText.quote(name.text()));
    }
    return new Call(function, args, new PositionRange(name.pos(), tokens.lastClosing()));
  }

  /** The arguments after an opening parenthesis, up to and including the closing one. */
  private List<Expr> arguments() {
    List<Expr> args = new ArrayList<>();
    if (tokens.peekType() == TokenType.RIGHT_PAREN) {
      tokens.consume();
      return args;
    }
    while (true) {
      args.add(expression(0));
      Token next = tokens.consume();
      if (next.type() == TokenType.RIGHT_PAREN) {
        return args;
      }
      if (next.type() != TokenType.COMMA) {
        throw tokens.unexpected(next, expressionContext());
      }
      if (!tokens.peekType().startsExpression()) {
        throw tokens.fail(next.range(), "trailing commas not allowed in function call args");
      }
    }
  }

  /** {@code op [by|without (...)] (args) [by|without (...)]}, the grouping on either side. */
  private Expr aggregation(Token opToken) {
    openAggregations++;
    Grouping grouping = Grouping.NONE;
    boolean groupingFirst = startsGrouping(tokens.peekType());
    if (groupingFirst) {
      grouping = grouping();
    }
    Token open = tokens.consume();
    if (open.type() != TokenType.LEFT_PAREN) {
      throw tokens.unexpected(open, SyntaxContext.AGGREGATION);
    }
    List<Expr> args = arguments();
    openAggregations--;
    if (!groupingFirst && startsGrouping(tokens.peekType())) {
      grouping = grouping();
    }
    PositionRange position = new PositionRange(opToken.pos(), tokens.lastClosing());
    AggregateOp op = AggregateOp.byName(opToken.text());
    if (args.isEmpty()) {
      throw tokens.fail(position, "no arguments for aggregate expression provided");
    }
    int expected = op.parameterType() == null ? 1 : 2;
    if (args.size() != expected) {
      throw tokens.fail(position, "wrong number of arguments for aggregate expression provided, expected "
          + expected + ", got " + args.size());
    }
    Expr param = expected == 2 ? args.get(0) : null;
    return new AggregateExpr(op, args.get(expected - 1), param, grouping.labels, grouping.without, position);
  }

  private static boolean startsGrouping(TokenType type) {
    return type == TokenType.BY || type == TokenType.WITHOUT;
  }

  private Grouping grouping() {
    boolean without = tokens.consume().type() == TokenType.WITHOUT;
    return new Grouping(labelList(), without);
  }

  /** {@code (a, b)} after by, without, on, ignoring, group_left or group_right. */
  private List<String> labelList() {
    Token open = tokens.consume();
    if (open.type() != TokenType.LEFT_PAREN) {
      throw tokens.unexpected(open, SyntaxContext.GROUPING_OPEN);
    }
    List<String> labels = new ArrayList<>();
    Token label = tokens.consume();
    while (label.type() != TokenType.RIGHT_PAREN) {
      if (!label.type().isGroupingLabel() || !Lexer.isLabel(label.text())) {
        throw tokens.unexpected(label, SyntaxContext.GROUPING_LABEL);
      }
      labels.add(label.text());
      Token separator = tokens.consume();
      if (separator.type() == TokenType.RIGHT_PAREN) {
        break;
      }
      if (separator.type() != TokenType.COMMA) {
        throw tokens.unexpected(separator, SyntaxContext.GROUPING_NEXT);
      }
      label = tokens.consume();
    }
    return labels;
  }

  /** {@code bool}, {@code on}/{@code ignoring} and {@code group_left}/{@code group_right} after an operator. */
  private BinaryModifiers binaryModifiers() {
    boolean returnBool = tokens.peekType() == TokenType.BOOL;
    if (returnBool) {
      tokens.consume();
    }
    TokenType matchingType = tokens.peekType();
    if (matchingType != TokenType.ON && matchingType != TokenType.IGNORING) {
      return new BinaryModifiers(VectorMatching.oneToOne(), returnBool);
    }
    tokens.consume();
    List<String> matchingLabels = labelList();
    Cardinality cardinality = Cardinality.ONE_TO_ONE;
    List<String> include = List.of();
    TokenType groupType = tokens.peekType();
    if (groupType == TokenType.GROUP_LEFT || groupType == TokenType.GROUP_RIGHT) {
      tokens.consume();
      cardinality = groupType == TokenType.GROUP_LEFT ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
      // The labels are optional, but only an expression may take their place.
      Token next = tokens.peek();
      if (next.type() == TokenType.LEFT_PAREN) {
        include = labelList();
      } else if (!next.type().startsExpression()) {
        throw tokens.unexpected(next, SyntaxContext.GROUPING_OPEN);
      }
    }
    VectorMatching matching = new VectorMatching(cardinality, matchingLabels, matchingType == TokenType.ON, include);
    return new BinaryModifiers(matching, returnBool);
  }

  /** A selector starting with a metric name, with or without braces after it. */
  private VectorSelector selectorNamed(Token name) {
    if (tokens.peekType() == TokenType.LEFT_BRACE) {
      return selectorWithBraces(name, tokens.consume());
    }
    List<Matcher> matchers = List.of(Matcher.of(MatchType.EQUAL, METRIC_NAME, name.text()));
    return new VectorSelector(name.text(), matchers, 0, AtModifier.NONE, name.range());
  }

  /** A selector with braces; {@code name} is null when there is no metric name before them. */
  private VectorSelector selectorWithBraces(Token name, Token openBrace) {
    List<Matcher> matchers = new ArrayList<>();
    Token next = tokens.consume();
    while (next.type() != TokenType.RIGHT_BRACE) {
      matchers.add(matcher(next));
      Token separator = tokens.consume();
      if (separator.type() == TokenType.RIGHT_BRACE) {
        next = separator;
        break;
      }
      if (separator.type() != TokenType.COMMA) {
        throw tokens.unexpected(separator, SyntaxContext.MATCHER_NEXT);
      }
      next = tokens.consume();
    }
    int start = name == null ? openBrace.pos() : name.pos();
    if (name != null) {
      matchers.add(Matcher.of(MatchType.EQUAL, METRIC_NAME, name.text()));
    }
    return new VectorSelector(name == null ? "" : name.text(), matchers, 0, AtModifier.NONE,
        new PositionRange(start, next.end()));
  }

  private Matcher matcher(Token label) {
    if (label.type() != TokenType.IDENTIFIER) {
      throw tokens.unexpected(label, SyntaxContext.MATCHER_START);
    }
    Token operator = tokens.consume();
    MatchType type = matchType(operator.type());
    if (type == null) {
      throw tokens.unexpected(operator, SyntaxContext.MATCHER_OPERATOR);
    }
    Token value = tokens.consume();
    if (value.type() != TokenType.STRING) {
      throw tokens.unexpected(value, SyntaxContext.MATCHER_VALUE);
    }
    String text = unquote(value);
    try {
      return Matcher.of(type, label.text(), text);
    } catch (IllegalArgumentException e) {
      // The regex engine's own words, which for RE2J are those of Go's regexp package.
      String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      throw tokens.fail(new PositionRange(label.pos(), value.end()), message);
    }
  }

  private static MatchType matchType(TokenType type) {
    return switch (type) {
      case EQL -> MatchType.EQUAL;
      case NEQ -> MatchType.NOT_EQUAL;
      case EQL_REGEX -> MatchType.REGEX;
      case NEQ_REGEX -> MatchType.NOT_REGEX;
      default -> null;
    };
  }

  /** {@code [range]} or {@code [range:step]} after an expression; the lexer allows only a duration first. */
  private Expr rangeOrSubquery(Expr expr) {
    Token open = tokens.consume();
    Token rangeToken = tokens.consume();
    if (rangeToken.type() != TokenType.DURATION) {
      throw tokens.unexpected(rangeToken, SyntaxContext.RANGE);
    }
    long range = duration(rangeToken);
    Token next = tokens.consume();
    if (next.type() == TokenType.RIGHT_BRACKET) {
      return modifiers.range(expr, range, new PositionRange(open.pos(), next.end()));
    }
    if (next.type() != TokenType.COLON) {
      throw tokens.unexpected(next, SyntaxContext.RANGE_END);
    }
    long step = 0;
    Token close = tokens.consume();
    if (close.type() == TokenType.DURATION) {
      step = duration(close);
      close = tokens.consume();
      if (close.type() != TokenType.RIGHT_BRACKET) {
        throw tokens.unexpected(close, SyntaxContext.SUBQUERY_END);
      }
    } else if (close.type() != TokenType.RIGHT_BRACKET) {
      throw tokens.unexpected(close, SyntaxContext.SUBQUERY_STEP);
    }
    return new SubqueryExpr(expr, range, step, 0, AtModifier.NONE,
        new PositionRange(expr.position().start(), close.pos() + 1));
  }

  private Expr offset(Expr expr) {
    tokens.consume();
    Token token = tokens.consume();
    boolean negative = token.type() == TokenType.SUB;
    if (negative) {
      token = tokens.consume();
    }
    if (token.type() != TokenType.DURATION) {
      throw tokens.unexpected(token, SyntaxContext.OFFSET);
    }
    long offset = duration(token);
    return modifiers.offset(expr, negative ? -offset : offset);
  }

  private Expr at(Expr expr) {
    tokens.consume();
    Token token = tokens.consume();
    switch (token.type()) {
      case NUMBER:
        return modifiers.atTime(expr, number(token));
      case ADD, SUB:
        Token unsigned = tokens.consume();
        if (unsigned.type() != TokenType.NUMBER) {
          throw tokens.unexpected(unsigned, SyntaxContext.AT);
        }
        double seconds = number(unsigned);
        return modifiers.atTime(expr, token.type() == TokenType.SUB ? -seconds : seconds);
      case START, END:
        for (TokenType expected : List.of(TokenType.LEFT_PAREN, TokenType.RIGHT_PAREN)) {
          Token paren = tokens.consume();
          if (paren.type() != expected) {
            throw tokens.unexpected(paren, SyntaxContext.AT);
          }
        }
        return modifiers.at(expr, token.type() == TokenType.START ? AtModifier.START : AtModifier.END);
      default:
        throw tokens.unexpected(token, SyntaxContext.AT);
    }
  }

  private double number(Token token) {
    try {
      return Literals.number(token.text());
    } catch (NumberFormatException e) {
      throw tokens.fail(token.range(), "error parsing number: " + e.getMessage());
    }
  }

  private String unquote(Token token) {
    try {
      return Literals.unquote(token.text());
    } catch (RuntimeException e) {
      throw tokens.fail(token.range(), "error unquoting string " + GoText.quote(token.text()) + ": invalid syntax");
    }
  }

  private long duration(Token token) {
    long millis;
    try {
      millis = PromDuration.parseMillis(token.text());
    } catch (IllegalArgumentException e) {
      throw tokens.fail(token.range(), e.getMessage());
    }
    if (millis == 0) {
      throw tokens.fail(token.range(), "duration must be greater than 0");
    }
    return millis;
  }

  private static BinaryOp binaryOp(TokenType type) {
    return switch (type) {
      case LOR -> BinaryOp.OR;
      case LAND -> BinaryOp.AND;
      case LUNLESS -> BinaryOp.UNLESS;
      case EQLC -> BinaryOp.EQL;
      case NEQ -> BinaryOp.NEQ;
      case LTE -> BinaryOp.LTE;
      case LSS -> BinaryOp.LSS;
      case GTE -> BinaryOp.GTE;
      case GTR -> BinaryOp.GTR;
      case ADD -> BinaryOp.ADD;
      case SUB -> BinaryOp.SUB;
      case MUL -> BinaryOp.MUL;
      case DIV -> BinaryOp.DIV;
      case MOD -> BinaryOp.MOD;
      case ATAN2 -> BinaryOp.ATAN2;
      case POW -> BinaryOp.POW;
      default -> null;
    };
  }

  private record BinaryModifiers(VectorMatching matching, boolean returnBool) {}

  private record Grouping(List<String> labels, boolean without) {
    static final Grouping NONE = new Grouping(List.of(), false);
  }
}
