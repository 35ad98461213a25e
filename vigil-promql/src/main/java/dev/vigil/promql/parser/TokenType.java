package dev.vigil.promql.parser;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kinds of token the lexer produces. Each kind belongs to a group that decides how an error
 * message names a token of it, exactly as Prometheus names them: {@code <op:+>}, {@code <aggr:sum>},
 * {@code <by>}, {@code identifier "foo"}, {@code "("}.
 */
enum TokenType {
  EOF(Group.END),
  ERROR(Group.DESCRIBED),
  COMMENT(Group.DESCRIBED),
  IDENTIFIER(Group.DESCRIBED),
  METRIC_IDENTIFIER(Group.DESCRIBED),
  NUMBER(Group.DESCRIBED),
  DURATION(Group.DESCRIBED),
  STRING(Group.DESCRIBED),

  LEFT_PAREN(Group.PUNCTUATION),
  RIGHT_PAREN(Group.PUNCTUATION),
  LEFT_BRACE(Group.PUNCTUATION),
  RIGHT_BRACE(Group.PUNCTUATION),
  LEFT_BRACKET(Group.PUNCTUATION),
  RIGHT_BRACKET(Group.PUNCTUATION),
  COMMA(Group.PUNCTUATION),
  EQL(Group.PUNCTUATION),
  COLON(Group.PUNCTUATION),

  ADD(Group.OPERATOR),
  SUB(Group.OPERATOR),
  MUL(Group.OPERATOR),
  DIV(Group.OPERATOR),
  MOD(Group.OPERATOR),
  POW(Group.OPERATOR),
  EQLC(Group.OPERATOR),
  NEQ(Group.OPERATOR),
  LTE(Group.OPERATOR),
  LSS(Group.OPERATOR),
  GTE(Group.OPERATOR),
  GTR(Group.OPERATOR),
  EQL_REGEX(Group.OPERATOR),
  NEQ_REGEX(Group.OPERATOR),
  LAND(Group.OPERATOR, "and"),
  LOR(Group.OPERATOR, "or"),
  LUNLESS(Group.OPERATOR, "unless"),
  ATAN2(Group.OPERATOR, "atan2"),
  AT(Group.OPERATOR),

  AVG(Group.AGGREGATOR, "avg"),
  BOTTOMK(Group.AGGREGATOR, "bottomk"),
  COUNT(Group.AGGREGATOR, "count"),
  COUNT_VALUES(Group.AGGREGATOR, "count_values"),
  GROUP(Group.AGGREGATOR, "group"),
  MAX(Group.AGGREGATOR, "max"),
  MIN(Group.AGGREGATOR, "min"),
  QUANTILE(Group.AGGREGATOR, "quantile"),
  STDDEV(Group.AGGREGATOR, "stddev"),
  STDVAR(Group.AGGREGATOR, "stdvar"),
  SUM(Group.AGGREGATOR, "sum"),
  TOPK(Group.AGGREGATOR, "topk"),

  BOOL(Group.KEYWORD, "bool"),
  BY(Group.KEYWORD, "by"),
  GROUP_LEFT(Group.KEYWORD, "group_left"),
  GROUP_RIGHT(Group.KEYWORD, "group_right"),
  IGNORING(Group.KEYWORD, "ignoring"),
  OFFSET(Group.KEYWORD, "offset"),
  ON(Group.KEYWORD, "on"),
  WITHOUT(Group.KEYWORD, "without"),

  START(Group.PUNCTUATION, "start"),
  END(Group.PUNCTUATION, "end");

  /** How error messages name a token of a kind. */
  enum Group {
    END,
    DESCRIBED,
    PUNCTUATION,
    OPERATOR,
    AGGREGATOR,
    KEYWORD
  }

  private static final Map<String, TokenType> WORDS = new TreeMap<>();

  static {
    for (TokenType type : values()) {
      if (type.word != null) {
        WORDS.put(type.word, type);
      }
    }
  }

  private final Group group;
  private final String word;

  TokenType(Group group) {
    this(group, null);
  }

  TokenType(Group group, String word) {
    this.group = group;
    this.word = word;
  }

  Group group() {
    return group;
  }

  /**
   * The kind of a word read outside braces: a keyword, operator or aggregator in any letter case,
   * {@code inf} and {@code nan} as numbers, otherwise null.
   */
  static TokenType ofWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("nan")) {
      return NUMBER;
    }
    return WORDS.get(lower);
  }

  boolean isAggregator() {
    return group == Group.AGGREGATOR;
  }

  /** Words that may name a metric where an expression starts (the grammar's metric_identifier). */
  boolean isMetricName() {
    return switch (this) {
      case IDENTIFIER, METRIC_IDENTIFIER, BY, WITHOUT, OFFSET, LAND, LOR, LUNLESS, START, END -> true;
      default -> isAggregator();
    };
  }

  /** Words that may name a label inside grouping parentheses (the grammar's maybe_label). */
  boolean isGroupingLabel() {
    return switch (this) {
      case IDENTIFIER, METRIC_IDENTIFIER, BOOL, BY, GROUP_LEFT, GROUP_RIGHT, IGNORING, OFFSET, ON, LAND, LOR,
          LUNLESS, START, END, ATAN2 -> true;
      default -> isAggregator();
    };
  }

  /** Tokens that can begin an expression. */
  boolean startsExpression() {
    return switch (this) {
      case LEFT_BRACE, LEFT_PAREN, NUMBER, STRING, ADD, SUB -> true;
      default -> isMetricName();
    };
  }

  /** The name of the kind in messages about tokens that are shown with their text. */
  String description() {
    return switch (this) {
      case EOF -> "end of input";
      case IDENTIFIER -> "identifier";
      case METRIC_IDENTIFIER -> "metric identifier";
      case STRING -> "string";
      case NUMBER -> "number";
      case DURATION -> "duration";
      default -> throw new IllegalStateException(name() + " is named by its text");
    };
  }
}
