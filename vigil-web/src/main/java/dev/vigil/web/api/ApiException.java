package dev.vigil.web.api;

import dev.vigil.promql.engine.ErrorType;

/** A request the API answers with its error envelope: an error type (and so a status) and a message. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorType type;

  public ApiException(ErrorType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public static ApiException badData(String message) {
    return new ApiException(ErrorType.BAD_DATA, message);
  }

  /** Prometheus's wording for a parameter it could not use: {@code invalid parameter "name": reason}. */
  public static ApiException invalidParameter(String name, String reason) {
    return badData("invalid parameter \"" + name + "\": " + reason);
  }

  public ErrorType type() {
    return type;
  }
}
