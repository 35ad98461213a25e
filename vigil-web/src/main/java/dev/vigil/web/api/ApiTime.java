package dev.vigil.web.api;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.model.GoFloat;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time parameters as Prometheus's API reads them, in milliseconds: Unix seconds as a float (the
 * fraction rounded to the millisecond) or an RFC 3339 timestamp with optional fraction (cut, not
 * rounded, to the millisecond), plus the two out-of-range texts Prometheus itself prints for the
 * default series/labels range.
 */
public final class ApiTime {
  /** The earliest time the API accepts and the default start of series and label lookups. */
  public static final long MIN_TIME = -9_223_309_901_257_974_000L;
  /** The latest time the API accepts and the default end of series and label lookups. */
  public static final long MAX_TIME = 9_223_309_901_257_974_999L;

  /** MIN_TIME and MAX_TIME as RFC 3339; Go's parser cannot read years beyond four digits, so these are matched as text. */
  static final String MIN_TIME_TEXT = "-292273086-05-16T16:47:06Z";
  static final String MAX_TIME_TEXT = "292277025-08-18T07:12:54.999999999Z";

  /** Seconds beyond this cannot be held in milliseconds; Go silently wraps there, Vigil refuses. */
  private static final double MAX_ABS_SECONDS = 9.2e15;

  private static final Pattern RFC3339 = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d+))?(Z|([+-])(\\d{2}):(\\d{2}))");

  private ApiTime() {}

  /**
   * Parses one time value.
   *
   * @throws IllegalArgumentException with Prometheus's text, {@code cannot parse "x" to a valid timestamp}
   */
  public static long parse(String s) {
    Long fromSeconds = parseSeconds(s);
    if (fromSeconds != null) {
      return fromSeconds;
    }
    Long fromText = parseRfc3339(s);
    if (fromText != null) {
      return fromText;
    }
    if (s.equals(MIN_TIME_TEXT)) {
      return MIN_TIME;
    }
    if (s.equals(MAX_TIME_TEXT)) {
      return MAX_TIME;
    }
    throw new IllegalArgumentException("cannot parse " + GoQuote.quote(s) + " to a valid timestamp");
  }

  private static Long parseSeconds(String s) {
    double seconds;
    try {
      seconds = GoFloat.parse(s);
    } catch (NumberFormatException e) {
      return null;
    }
    if (Double.isNaN(seconds) || Math.abs(seconds) > MAX_ABS_SECONDS) {
      return null;
    }
    double whole = seconds < 0 ? Math.ceil(seconds) : Math.floor(seconds);
    return (long) whole * 1000 + (long) roundHalfAwayFromZero((seconds - whole) * 1000);
  }

  /** Go's math.Round; Java's Math.round rounds halves towards positive infinity instead. */
  private static double roundHalfAwayFromZero(double x) {
    double abs = Math.abs(x);
    double floor = Math.floor(abs);
    return Math.copySign(abs - floor >= 0.5 ? floor + 1 : floor, x);
  }

  private static Long parseRfc3339(String s) {
    Matcher m = RFC3339.matcher(s);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6));
      int offsetSeconds = 0;
      if (m.group(9) != null) {
        offsetSeconds = (num(m, 10) * 3600 + num(m, 11) * 60) * (m.group(9).equals("-") ? -1 : 1);
      }
      long epochSecond = local.toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
      return epochSecond * 1000 + fractionMillis(m.group(7));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** Milliseconds of a fraction of any length: Go keeps nanoseconds, the API then cuts them to milliseconds. */
  private static int fractionMillis(String digits) {
    if (digits == null) {
      return 0;
    }
    String millis = (digits + "00").substring(0, 3);
    return Integer.parseInt(millis);
  }
}
