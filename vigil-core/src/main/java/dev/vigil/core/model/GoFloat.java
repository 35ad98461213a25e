package dev.vigil.core.model;

import dev.vigil.core.labels.GoQuote;
import java.nio.charset.StandardCharsets;

/**
 * Float text forms exactly as Prometheus (Go) writes and reads them: {@code fmt.Sprintf("%g")},
 * {@code strconv.FormatFloat(v, 'f', -1, 64)} and {@code strconv.ParseFloat(s, 64)} as Prometheus's
 * exposition parsers call it.
 *
 * <p>Go writes the shortest decimal that reads back as the same double, and of several such the one
 * closest to it. JDK 17's {@link Double#toString} is not always shortest (fixed in JDK 19), so the
 * digits are computed here and only borrow {@code Double.toString} as a starting point.
 */
public final class GoFloat {
  /** Room {@link #formatShortestInto} needs: sign, 21 integer digits or "0." and 6 zeros, 17 digits. */
  public static final int FIXED_TEXT_CAPACITY = 48;

  /**
   * The bits of Go's {@code math.NaN()}, which {@code strconv.ParseFloat} returns for "NaN" and which
   * Prometheus calls {@code value.NormalNaN}. Java's {@link Double#NaN} has different bits, and chunk
   * bytes store the bits, so parsed NaNs keep Go's.
   */
  public static final long NORMAL_NAN_BITS = 0x7ff8000000000001L;

  private static final double NORMAL_NAN = Double.longBitsToDouble(NORMAL_NAN_BITS);
  /** Powers of ten that a double holds exactly; one multiply or divide by them rounds correctly. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private GoFloat() {}

  /** Go's {@code fmt.Sprintf("%g", v)}: shortest digits, exponent form below 1e-4 and from 1e+06. */
  public static String formatG(double v) {
    String special = special(v);
    if (special != null) {
      return special;
    }
    StringBuilder sb = new StringBuilder(24);
    if (Double.doubleToRawLongBits(v) < 0) {
      sb.append('-');
    }
    if (v == 0) {
      return sb.append('0').toString();
    }
    Decimal d = shortest(Math.abs(v));
    int exp = d.point - 1;
    // Go decides with precision 6 when the precision is "shortest" (strconv/ftoa.go %g).
    if (exp < -4 || exp >= 6) {
      appendExponential(sb, d);
    } else {
      appendFixed(sb, d, Math.max(d.count - d.point, 0));
    }
    return sb.toString();
  }

  /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent. */
  public static String formatShortest(double v) {
    String special = special(v);
    if (special != null) {
      return special;
    }
    StringBuilder sb = new StringBuilder(24);
    if (Double.doubleToRawLongBits(v) < 0) {
      sb.append('-');
    }
    if (v == 0) {
      return sb.append('0').toString();
    }
    Decimal d = shortest(Math.abs(v));
    appendFixed(sb, d, Math.max(d.count - d.point, 0));
    return sb.toString();
  }

  /**
   * {@link #formatShortest} written into {@code out} from index 0, without allocating; returns the
   * length. For finite values whose text fits: {@code out} must hold {@link #FIXED_TEXT_CAPACITY}
   * chars, and |v| must be 0 or in [1e-6, 1e21), the range where Prometheus's JSON uses this form.
   */
  public static int formatShortestInto(double v, char[] out) {
    int pos = 0;
    if (Double.doubleToRawLongBits(v) < 0) {
      out[pos++] = '-';
    }
    if (v == 0) {
      out[pos++] = '0';
      return pos;
    }
    ShortestDigits.Result r = ShortestDigits.of(Math.abs(v));
    long digits = r.digits();
    int exponent = r.exponent();
    while (digits % 10 == 0) {
      digits /= 10;
      exponent++;
    }
    int count = 1;
    for (long rest = digits / 10; rest != 0; rest /= 10) {
      count++;
    }
    int point = count + exponent;
    if (point <= 0) {
      out[pos++] = '0';
      out[pos++] = '.';
      for (int i = point; i < 0; i++) {
        out[pos++] = '0';
      }
      return writeDigits(digits, count, out, pos);
    }
    if (point >= count) {
      pos = writeDigits(digits, count, out, pos);
      for (int i = count; i < point; i++) {
        out[pos++] = '0';
      }
      return pos;
    }
    int end = writeDigits(digits, count, out, pos + 1);
    System.arraycopy(out, pos + 1, out, pos, point);
    out[pos + point] = '.';
    return end;
  }

  private static int writeDigits(long digits, int count, char[] out, int pos) {
    long rest = digits;
    for (int i = pos + count - 1; i >= pos; i--) {
      out[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return pos + count;
  }

  /**
   * Parses like Prometheus's exposition parsers: Go's {@code strconv.ParseFloat(s, 64)} after
   * rejecting any {@code p}, {@code P} or {@code _} ("pre-Go 1.13 float formats", so no hex floats and
   * no digit separators). Accepts an optional sign, decimal digits with an optional point and
   * exponent, and {@code inf}, {@code infinity} (optionally signed) and {@code nan} (unsigned) in any
   * ASCII case. NaN has {@link #NORMAL_NAN_BITS}. Values beyond the double range are errors, as in Go;
   * values below it become zero.
   *
   * @throws NumberFormatException naming the input, in Go's words where Go has them
   */
  public static double parse(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'p' || c == 'P' || c == '_') {
        throw new NumberFormatException("unsupported character in float: " + GoQuote.quote(s));
      }
    }
    Double special = parseSpecial(s);
    if (special != null) {
      return special;
    }
    if (!isDecimal(s)) {
      throw new NumberFormatException("strconv.ParseFloat: parsing " + GoQuote.quote(s) + ": invalid syntax");
    }
    // The grammar is now a subset of what Double.parseDouble reads, and both round correctly.
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw new NumberFormatException("strconv.ParseFloat: parsing " + GoQuote.quote(s) + ": value out of range");
    }
    return v;
  }

  /**
   * {@link #parse(String)} over ASCII bytes, for parsers that hold their input as bytes. Plain decimals
   * with at most 2^53 as digits and a small exponent are converted without building a string.
   */
  public static double parse(byte[] buf, int offset, int length) {
    double v = parseSimpleDecimal(buf, offset, offset + length);
    if (v == v) {
      return v;
    }
    return parse(new String(buf, offset, length, StandardCharsets.UTF_8));
  }

  /**
   * Clinger's fast path: when the digits form an integer of at most 2^53 and the power of ten is exact
   * too, a single IEEE multiply or divide gives the correctly rounded result. Returns Java's NaN (not
   * Go's) for anything else, which then takes the general path.
   */
  private static double parseSimpleDecimal(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exp10 = 0;
    boolean sawDigit = false;
    boolean sawPoint = false;
    for (; i < to; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        sawDigit = true;
        if (mantissa == 0 && c == '0') {
          if (sawPoint) {
            exp10--;
          }
          continue;
        }
        if (++digits > 16) {
          return Double.NaN;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (sawPoint) {
          exp10--;
        }
      } else if (c == '.' && !sawPoint) {
        sawPoint = true;
      } else {
        break;
      }
    }
    if (!sawDigit) {
      return Double.NaN;
    }
    if (i < to && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      int sign = 1;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        sign = b[i] == '-' ? -1 : 1;
        i++;
      }
      if (i == to) {
        return Double.NaN;
      }
      int e = 0;
      for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
        if (e > 100) {
          return Double.NaN;
        }
        e = e * 10 + (b[i] - '0');
      }
      exp10 += sign * e;
    }
    if (i != to) {
      return Double.NaN;
    }
    if (mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (mantissa > (1L << 53) || exp10 < -22 || exp10 > 22) {
      return Double.NaN;
    }
    double v = exp10 < 0 ? mantissa / EXACT_POWERS_OF_TEN[-exp10] : mantissa * EXACT_POWERS_OF_TEN[exp10];
    return negative ? -v : v;
  }

  /** Go's strconv special(): signed or unsigned inf/infinity, unsigned nan; null when none. */
  private static Double parseSpecial(String s) {
    if (s.isEmpty()) {
      return null;
    }
    char first = s.charAt(0);
    if (first == '+' || first == '-') {
      String rest = s.substring(1);
      if (equalsAsciiIgnoreCase(rest, "inf") || equalsAsciiIgnoreCase(rest, "infinity")) {
        return first == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
    } else if (equalsAsciiIgnoreCase(s, "inf") || equalsAsciiIgnoreCase(s, "infinity")) {
      return Double.POSITIVE_INFINITY;
    } else if (equalsAsciiIgnoreCase(s, "nan")) {
      return NORMAL_NAN;
    }
    return null;
  }

  /** Go folds only ASCII letters; String.equalsIgnoreCase would also match e.g. a dotless i. */
  private static boolean equalsAsciiIgnoreCase(String s, String lower) {
    if (s.length() != lower.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Go's decimal float syntax: {@code [+-]? (d+ (.d*)? | .d+) ([eE] [+-]? d+)?} with ASCII digits. */
  private static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    boolean sawDigit = false;
    boolean sawPoint = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sawDigit = true;
      } else if (c == '.' && !sawPoint) {
        sawPoint = true;
      } else {
        break;
      }
    }
    if (!sawDigit) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expStart = i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == expStart) {
        return false;
      }
    }
    return i == n;
  }

  private static String special(double v) {
    if (v != v) {
      return "NaN";
    }
    if (v == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    return null;
  }

  /** Go's fmtE for shortest digits: d[.ddd]e±dd, at least two exponent digits. */
  private static void appendExponential(StringBuilder sb, Decimal d) {
    sb.append((char) d.digits[0]);
    if (d.count > 1) {
      sb.append('.');
      for (int i = 1; i < d.count; i++) {
        sb.append((char) d.digits[i]);
      }
    }
    int exp = d.point - 1;
    sb.append('e').append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    sb.append(exp);
  }

  /** Go's fmtF: integer digits (at least "0"), then {@code fraction} digits after a point if any. */
  private static void appendFixed(StringBuilder sb, Decimal d, int fraction) {
    if (d.point > 0) {
      for (int i = 0; i < d.point; i++) {
        sb.append(i < d.count ? (char) d.digits[i] : '0');
      }
    } else {
      sb.append('0');
    }
    if (fraction > 0) {
      sb.append('.');
      for (int i = 1; i <= fraction; i++) {
        int j = d.point + i - 1;
        sb.append(j >= 0 && j < d.count ? (char) d.digits[j] : '0');
      }
    }
  }

  /** The shortest decimal that reads back as {@code v} (positive, finite), closest to it on ties in length. */
  private static Decimal shortest(double v) {
    ShortestDigits.Result r = ShortestDigits.of(v);
    return Decimal.ofDigits(Long.toString(r.digits()), r.exponent());
  }

  /** Digits d1..dn without leading or trailing zeros, and {@code point}: the value is 0.d1..dn × 10^point. */
  private static final class Decimal {
    final byte[] digits;
    final int count;
    final int point;

    private Decimal(byte[] digits, int count, int point) {
      this.digits = digits;
      this.count = count;
      this.point = point;
    }

    /** From the digits of a positive integer times 10^exponent10. */
    static Decimal ofDigits(String integer, int exponent10) {
      int count = integer.length();
      while (count > 1 && integer.charAt(count - 1) == '0') {
        count--;
      }
      return new Decimal(integer.substring(0, count).getBytes(StandardCharsets.US_ASCII), count,
          integer.length() + exponent10);
    }
  }
}
