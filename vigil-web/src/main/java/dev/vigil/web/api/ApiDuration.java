package dev.vigil.web.api;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.model.GoFloat;
import dev.vigil.core.model.PromDuration;

/**
 * Duration parameters ({@code step}, {@code timeout}) as Prometheus's API reads them: float seconds
 * or a Prometheus duration such as {@code 1m30s}. The result is in nanoseconds, as Go holds it, so
 * that the range checks built on it give the same answers as Prometheus at their edges.
 */
public final class ApiDuration {
  private static final double NANOS_PER_SECOND = 1e9;
  /** Go's float64(math.MaxInt64): 2^63, the first float that overflows. */
  private static final double TWO_POW_63 = 9.223372036854775807e18;

  private ApiDuration() {}

  /**
   * Parses a duration into nanoseconds.
   *
   * @throws IllegalArgumentException with Prometheus's texts
   */
  public static long parseNanos(String s) {
    double seconds;
    try {
      seconds = GoFloat.parse(s);
    } catch (NumberFormatException e) {
      return parseModelDuration(s);
    }
    double nanos = seconds * NANOS_PER_SECOND;
    if (nanos > TWO_POW_63 || nanos < -TWO_POW_63) {
      throw new IllegalArgumentException(
          "cannot parse " + GoQuote.quote(s) + " to a valid duration. It overflows int64");
    }
    return (long) nanos;
  }

  private static long parseModelDuration(String s) {
    try {
      return Math.multiplyExact(PromDuration.parseMillis(s), 1_000_000L);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("cannot parse " + GoQuote.quote(s) + " to a valid duration");
    }
  }

  /** Nanoseconds as whole milliseconds, cut towards zero as Prometheus's engine converts its step. */
  public static long toMillis(long nanos) {
    return nanos / 1_000_000L;
  }
}
