package dev.vigil.core.model;

/**
 * Durations in the text forms Prometheus tools use: rendered as Go's time.Duration.String does
 * ({@code 2h0m0s}, {@code 1m30.5s}, {@code 15ms}), and parsed from Go and Prometheus duration strings.
 */
public final class GoDuration {
  private GoDuration() {}

  /**
   * Parses a duration such as {@code 2h}, {@code 1h30m}, {@code 90s}, {@code 500ms} into milliseconds.
   * Accepts Go's units down to milliseconds and Prometheus's {@code d}, {@code w} and {@code y}
   * (365 days); each unit needs a non-negative integer.
   */
  public static long parseMillis(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    if (s.equals("0")) {
      return 0;
    }
    long total = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (start == i) {
        throw new IllegalArgumentException("invalid duration \"" + s + "\": expected a number at " + start);
      }
      long n;
      try {
        n = Long.parseLong(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid duration \"" + s + "\": number too large");
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      long unit = unitMillis(s, s.substring(unitStart, i));
      if (n > Long.MAX_VALUE / unit || total > Long.MAX_VALUE - n * unit) {
        throw new IllegalArgumentException("invalid duration \"" + s + "\": overflows");
      }
      total += n * unit;
    }
    return total;
  }

  private static long unitMillis(String s, String unit) {
    switch (unit) {
      case "ms": return 1;
      case "s": return 1000;
      case "m": return 60_000;
      case "h": return 3_600_000;
      case "d": return 86_400_000;
      case "w": return 7 * 86_400_000L;
      case "y": return 365 * 86_400_000L;
      default:
        throw new IllegalArgumentException("invalid duration \"" + s + "\": unknown unit \"" + unit + "\"");
    }
  }

  public static String format(long millis) {
    if (millis == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    // Long.MIN_VALUE has no positive counterpart; it is far beyond any real duration in milliseconds.
    long d = millis;
    if (d < 0) {
      sb.append('-');
      d = d == Long.MIN_VALUE ? Long.MAX_VALUE : -d;
    }
    if (d < 1000) {
      return sb.append(d).append("ms").toString();
    }
    long hours = d / 3_600_000;
    long minutes = (d / 60_000) % 60;
    long seconds = (d / 1000) % 60;
    long fraction = d % 1000;
    if (hours > 0) {
      sb.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      sb.append(minutes).append('m');
    }
    sb.append(seconds);
    if (fraction > 0) {
      String f = String.format("%03d", fraction);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(f, 0, end);
    }
    return sb.append('s').toString();
  }
}
