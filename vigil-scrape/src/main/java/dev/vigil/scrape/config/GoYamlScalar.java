package dev.vigil.scrape.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Go's yaml.v2 reads an unquoted scalar: null, bool (YAML 1.1 spellings, including y and n),
 * int (Go literal syntax, underscores ignored, beyond int64 up to uint64), float, or string. SnakeYAML's
 * resolver differs in the details (no y/n, sexagesimal numbers), and Prometheus accepts what yaml.v2 does.
 */
final class GoYamlScalar {
  static final String NULL = "!!null";
  static final String BOOL = "!!bool";
  static final String INT = "!!int";
  static final String FLOAT = "!!float";
  static final String STR = "!!str";

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSES = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> SPECIAL_FLOATS = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
      "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");
  private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** The tag yaml.v2 gives a scalar; a quoted scalar is always a string. */
  static String tag(String text, boolean plain) {
    if (!plain) {
      return STR;
    }
    if (NULLS.contains(text)) {
      return NULL;
    }
    if (TRUES.contains(text) || FALSES.contains(text)) {
      return BOOL;
    }
    if (integer(text) != null) {
      return INT;
    }
    if (SPECIAL_FLOATS.contains(text) || YAML_FLOAT.matcher(text.replace("_", "")).matches()) {
      return FLOAT;
    }
    return STR;
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
