package dev.vigil.web.api;

/** Reading optional time parameters the way Prometheus's parseTimeParam does, errors included. */
final class TimeParams {
  private TimeParams() {}

  /** The parameter's time in milliseconds, or {@code defaultMillis} when it is absent or empty. */
  static long optional(Params params, String name, long defaultMillis) {
    String value = params.get(name);
    if (value.isEmpty()) {
      return defaultMillis;
    }
    try {
      return ApiTime.parse(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(name, "Invalid time value for '" + name + "': " + e.getMessage());
    }
  }

  /** A parameter that must hold a time; absent reads as empty and fails to parse, as in Prometheus. */
  static long required(Params params, String name) {
    try {
      return ApiTime.parse(params.get(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(name, e.getMessage());
    }
  }
}
