package dev.vigil.promql.ast;

/** The binary operators of PromQL with their spelling and precedence (higher binds tighter). */
public enum BinaryOp {
  OR("or", 1),
  AND("and", 2),
  UNLESS("unless", 2),
  EQL("==", 3),
  NEQ("!=", 3),
  LTE("<=", 3),
  LSS("<", 3),
  GTE(">=", 3),
  GTR(">", 3),
  ADD("+", 4),
  SUB("-", 4),
  MUL("*", 5),
  DIV("/", 5),
  MOD("%", 5),
  ATAN2("atan2", 5),
  POW("^", 6);

  private final String text;
  private final int precedence;

  BinaryOp(String text, int precedence) {
    this.text = text;
    this.precedence = precedence;
  }

  public String text() {
    return text;
  }

  public int precedence() {
    return precedence;
  }

  /** Only {@code ^} groups to the right: {@code 2 ^ 3 ^ 2} is {@code 2 ^ (3 ^ 2)}. */
  public boolean isRightAssociative() {
    return this == POW;
  }

  public boolean isComparison() {
    return precedence == 3;
  }

  /** {@code and}, {@code or}, {@code unless}: they work on label sets and are always many-to-many. */
  public boolean isSetOperator() {
    return this == AND || this == OR || this == UNLESS;
  }

  @Override
  public String toString() {
    return text;
  }
}
