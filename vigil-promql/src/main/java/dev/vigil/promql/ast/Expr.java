package dev.vigil.promql.ast;

/** A PromQL expression. Every node is immutable and knows its type and where it came from. */
public sealed interface Expr
    permits AggregateExpr, BinaryExpr, Call, MatrixSelector, NumberLiteral, ParenExpr, StringLiteral,
        SubqueryExpr, UnaryExpr, VectorSelector, StepInvariantExpr {

  ExprType type();

  PositionRange position();
}
