package dev.vigil.scrape.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Go's yaml.v2 reads an unquoted scalar: null, bool (YAML 1.1 spellings, including y and n),
 * int (Go literal syntax, underscores ignored, beyond int64 up to uint64), float, timestamp, or string.
 * SnakeYAML's resolver differs in the details (no y/n, sexagesimal numbers), and Prometheus accepts what
 * yaml.v2 does. yaml.v2 writes a string quoted exactly when this reading of it would not give a string.
 */
public final class GoYamlScalar {
  public static final String NULL = "!!null";
  static final String BOOL = "!!bool";
  static final String INT = "!!int";
  static final String FLOAT = "!!float";
  static final String STR = "!!str";
  static final String TIMESTAMP = "!!timestamp";

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> SPECIAL_FLOATS = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
      "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");
  private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  /** Go's ParseFloat syntax for text starting with a dot: digits may be separated by single underscores. */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?");
  private static final Pattern BASE_60_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /**
   * The tag yaml.v2 gives a scalar; a quoted scalar is always a string. As yaml.v2 does, only text
   * starting with a sign, a digit or a dot can be a number or a timestamp, and a float out of range is a string.
   */
  public static String tag(String text, boolean plain) {
    if (!plain) {
      return STR;
    }
    if (NULLS.contains(text)) {
      return NULL;
    }
    if (TRUES.contains(text) || FALSES.contains(text)) {
      return BOOL;
    }
    if (SPECIAL_FLOATS.contains(text)) {
      return FLOAT;
    }
    char first = text.charAt(0);
    if (first == '.') {
      return DOT_FLOAT.matcher(text).matches() && Double.isFinite(floating(text)) ? FLOAT : STR;
    }
    if (first != '+' && first != '-' && (first < '0' || first > '9')) {
      return STR;
    }
    if (GoYamlTimestamp.matches(text)) {
      return TIMESTAMP;
    }
    if (integer(text) != null) {
      return INT;
    }
    String digits = text.replace("_", "");
    return YAML_FLOAT.matcher(digits).matches() && Double.isFinite(Double.parseDouble(digits)) ? FLOAT : STR;
  }

  /**
   * Whether text is a YAML 1.1 sexagesimal number ({@code 1:30}). yaml.v2 reads it as a string, but
   * quotes it when writing, for parsers that still read base 60.
   */
  static boolean isBase60Float(String text) {
    return BASE_60_FLOAT.matcher(text).matches();
  }

  static boolean isTrue(String text) {
    return TRUES.contains(text);
  }

  /** The value of an int scalar, in the range of int64 or uint64, or null when it is not one. */
  static BigInteger integer(String text) {
    String plain = text.replace("_", "");
    boolean negative = plain.startsWith("-");
    String digits = negative || plain.startsWith("+") ? plain.substring(1) : plain;
    int radix = 10;
    if (digits.length() > 2 && digits.charAt(0) == '0') {
      char base = Character.toLowerCase(digits.charAt(1));
      radix = base == 'x' ? 16 : base == 'o' ? 8 : base == 'b' ? 2 : 10;
      digits = radix == 10 ? digits : digits.substring(2);
    }
    if (radix == 10 && digits.length() > 1 && digits.charAt(0) == '0') {
      radix = 8;
      digits = digits.substring(1);
    }
    if (!isNumeral(digits, radix)) {
      return null;
    }
    BigInteger value = new BigInteger(digits, radix);
    value = negative ? value.negate() : value;
    boolean fits = value.bitLength() < 64 || (!negative && value.compareTo(MAX_UINT64) <= 0);
    return fits ? value : null;
  }

  private static boolean isNumeral(String digits, int radix) {
    return !digits.isEmpty() && digits.chars().allMatch(c -> c < 0x80 && Character.digit(c, radix) >= 0);
  }

  static double floating(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case ".inf":
      case "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        return Double.parseDouble(text.replace("_", ""));
    }
  }

  private GoYamlScalar() {}
}
