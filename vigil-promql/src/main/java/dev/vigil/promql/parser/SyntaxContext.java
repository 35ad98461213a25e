package dev.vigil.promql.parser;

/**
 * Where a syntax error happened, which decides how Prometheus words it: "unexpected X", then
 * {@code in <context>} and {@code , expected <what>} when the grammar has a rule for that place.
 * The names and places follow the error rules of Prometheus's grammar.
 */
enum SyntaxContext {
  QUERY(null, null),
  AGGREGATION("aggregation", null),
  GROUPING_OPEN("grouping opts", "\"(\""),
  GROUPING_LABEL("grouping opts", "label"),
  GROUPING_NEXT("grouping opts", "\",\" or \")\""),
  MATCHER_START("label matching", "identifier or \"}\""),
  MATCHER_OPERATOR("label matching", "label matching operator"),
  MATCHER_VALUE("label matching", "string"),
  MATCHER_NEXT("label matching", "\",\" or \"}\""),
  OFFSET("offset", "duration"),
  AT("@", "timestamp"),
  RANGE("subquery selector", "duration"),
  RANGE_END("subquery or range", "\":\" or \"]\""),
  SUBQUERY_STEP("subquery selector", "duration or \"]\""),
  SUBQUERY_END("subquery selector", "\"]\"");

  private final String context;
  private final String expected;

  SyntaxContext(String context, String expected) {
    this.context = context;
    this.expected = expected;
  }

  String unexpected(Token token) {
    StringBuilder message = new StringBuilder("unexpected ").append(token.describe());
    if (context != null) {
      message.append(" in ").append(context);
    }
    if (expected != null) {
      message.append(", expected ").append(expected);
    }
    return message.toString();
  }
}
