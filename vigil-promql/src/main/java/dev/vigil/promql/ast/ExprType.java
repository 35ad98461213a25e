package dev.vigil.promql.ast;

/** The four value types of PromQL, named as Prometheus names them in type errors. */
public enum ExprType {
  SCALAR("scalar"),
  VECTOR("instant vector"),
  MATRIX("range vector"),
  STRING("string");

  private final String documentedName;

  ExprType(String documentedName) {
    this.documentedName = documentedName;
  }

  /** The name used in error messages, e.g. "instant vector". */
  public String documentedName() {
    return documentedName;
  }

  /** The name used in the HTTP API's {@code resultType}: scalar, vector, matrix, string. */
  public String apiName() {
    return switch (this) {
      case SCALAR -> "scalar";
      case VECTOR -> "vector";
      case MATRIX -> "matrix";
      case STRING -> "string";
    };
  }
}
