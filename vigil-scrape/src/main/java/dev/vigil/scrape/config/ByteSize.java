package dev.vigil.scrape.config;

import java.util.Map;

/**
 * Sizes as Prometheus's {@code body_size_limit} reads them (alecthomas/units Base2Bytes): numbers
 * with units B, KiB..EiB or KB..EB, all powers of 1024, possibly fractional and summed
 * ({@code 1GB512MB}); a bare number other than 0 is refused for want of a unit. Written back, a size
 * is the sum of its non-zero parts in IEC units ({@code 1KiB476B}).
 */
public final class ByteSize {
  private static final Map<String, Double> IEC = units("iB");
  private static final Map<String, Double> LEGACY = units("B");
  private static final String[] PREFIXES = {"", "K", "M", "G", "T", "P", "E"};

  private ByteSize() {}

  private static Map<String, Double> units(String suffix) {
    double k = 1024;
    return Map.of("B", 1.0, "K" + suffix, k, "M" + suffix, k * k, "G" + suffix, k * k * k,
        "T" + suffix, k * k * k * k, "P" + suffix, k * k * k * k * k, "E" + suffix, k * k * k * k * k * k);
  }

  /** @throws IllegalArgumentException with the units library's message */
  public static long parse(String text) {
    try {
      return parse(text, IEC);
    } catch (IllegalArgumentException e) {
      return parse(text, LEGACY);
    }
  }

  private static long parse(String orig, Map<String, Double> units) {
    String s = orig;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("units: invalid " + orig);
    }
    double total = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && isDigit(s.charAt(i))) {
        i++;
      }
      boolean before = i > start;
      double element = before ? Double.parseDouble(s.substring(start, i)) : 0;
      boolean after = false;
      if (i < s.length() && s.charAt(i) == '.') {
        int fraction = ++i;
        while (i < s.length() && isDigit(s.charAt(i))) {
          i++;
        }
        after = i > fraction;
        element += after ? Double.parseDouble("0." + s.substring(fraction, i)) : 0;
      }
      if (!before && !after) {
        throw new IllegalArgumentException("units: invalid " + orig);
      }
      int unitStart = i;
      while (i < s.length() && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      Double scale = units.get(unit);
      if (scale == null) {
        throw new IllegalArgumentException("units: unknown unit " + unit + " in " + orig);
      }
      total += element * scale;
    }
    total = negative ? -total : total;
    if (total < -0x1p63 || total > 0x1p63) {
      throw new IllegalArgumentException("units: overflow parsing unit");
    }
    return (long) total;
  }

  /** Base2Bytes.String: each non-zero remainder with its unit, largest first; "0B" for zero. */
  public static String format(long bytes) {
    StringBuilder out = new StringBuilder();
    long rest = bytes;
    for (int i = 0; i < PREFIXES.length; i++) {
      long part = rest % 1024;
      if (part != 0 || (i == 0 && rest == 0)) {
        out.insert(0, part + PREFIXES[i] + (i == 0 ? "B" : "iB"));
      }
      rest /= 1024;
      if (rest == 0) {
        break;
      }
    }
    return out.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
