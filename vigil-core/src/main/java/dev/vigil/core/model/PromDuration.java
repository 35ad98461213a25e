package dev.vigil.core.model;

import dev.vigil.core.labels.GoQuote;

/**
 * Durations as Prometheus writes them in PromQL and in its flags and API parameters: units y, w, d,
 * h, m, s, ms, each at most once and in that order ({@code 1h30m}, {@code 90d}). Years are 365 days.
 */
public final class PromDuration {
  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long[] UNIT_MILLIS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L
  };
  /** The largest duration Go's time.Duration holds, in milliseconds. */
  private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

  private PromDuration() {}

  /**
   * Parses a duration into milliseconds, with the error texts of Prometheus's model.ParseDuration.
   *
   * @throws IllegalArgumentException when the text is empty, malformed or out of range
   */
  public static long parseMillis(String s) {
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    long total = 0;
    int pos = 0;
    int nextUnit = 0;
    while (pos < s.length()) {
      int digitsStart = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      int unit = pos == digitsStart ? -1 : unitAt(s, pos, nextUnit);
      if (unit < 0) {
        throw new IllegalArgumentException("not a valid duration string: " + GoQuote.quote(s));
      }
      long count = parseCount(s.substring(digitsStart, pos));
      if (count > MAX_MILLIS / UNIT_MILLIS[unit]) {
        throw new IllegalArgumentException("duration out of range");
      }
      total += count * UNIT_MILLIS[unit];
      if (total > MAX_MILLIS) {
        throw new IllegalArgumentException("duration out of range");
      }
      pos += UNITS[unit].length();
      nextUnit = unit + 1;
    }
    return total;
  }

  /** The first unit at or after {@code from} that is spelled at {@code pos}, or -1. */
  private static int unitAt(String s, int pos, int from) {
    for (int u = from; u < UNITS.length; u++) {
      String unit = UNITS[u];
      if (s.startsWith(unit, pos)) {
        boolean minutesOfMillis = unit.equals("m") && s.startsWith("ms", pos);
        if (!minutesOfMillis) {
          return u;
        }
      }
    }
    return -1;
  }

  private static long parseCount(String digits) {
    if (digits.length() > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(digits);
  }

  /**
   * Renders milliseconds as Prometheus's model.Duration.String does: {@code 0s}, {@code 5m},
   * {@code 1h30m}, {@code 1d12h}; years and weeks only when they divide the duration exactly.
   * Negative durations render as the empty string, as there.
   */
  public static String format(long millis) {
    if (millis == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long rest = millis;
    for (int u = 0; u < UNITS.length; u++) {
      long unitMillis = UNIT_MILLIS[u];
      boolean exactOnly = u < 2;
      if (exactOnly && rest % unitMillis != 0) {
        continue;
      }
      long count = rest / unitMillis;
      if (count > 0) {
        out.append(count).append(UNITS[u]);
        rest -= count * unitMillis;
      }
    }
    return out.toString();
  }
}
