package dev.vigil.promql.engine;

/** A query that cannot be answered, with the error type the API reports. */
public class PromqlException extends RuntimeException {
  private final ErrorType type;

  public PromqlException(ErrorType type, String message) {
    super(message);
    this.type = type;
  }

  public PromqlException(ErrorType type, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  public ErrorType type() {
    return type;
  }
}
