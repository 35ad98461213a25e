package dev.vigil.promql.parser;

import dev.vigil.core.model.GoFloat;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Reads the values of number and string tokens as Prometheus does. */
final class Literals {
  private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

  private Literals() {}

  /**
   * A number token's value: first as Go's {@code strconv.ParseInt(s, 0, 64)} (so {@code 0x1f} is
   * hexadecimal and {@code 0755} octal), then as {@code strconv.ParseFloat}.
   *
   * @throws NumberFormatException with Go's ParseFloat message when neither reads it
   */
  static double number(String text) {
    BigInteger integer = goInteger(text);
    if (integer != null && integer.compareTo(MAX_INT64) <= 0) {
      return integer.longValue();
    }
    return GoFloat.parse(text);
  }

  /** An integer with Go's base prefixes: 0x for hexadecimal, a leading 0 for octal; null otherwise. */
  private static BigInteger goInteger(String text) {
    String digits = text;
    int radix = 10;
    if (text.startsWith("0x") || text.startsWith("0X")) {
      digits = text.substring(2);
      radix = 16;
    } else if (text.length() > 1 && text.charAt(0) == '0') {
      digits = text.substring(1);
      radix = 8;
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return null;
      }
    }
    return new BigInteger(digits, radix);
  }

  /**
   * A string token's value, its quotes removed and escapes resolved as Prometheus's
   * {@code strutil.Unquote} does. Backquoted strings are taken as written. {@code \x} and octal
   * escapes give single bytes; bytes that do not form UTF-8 become U+FFFD, where Go would keep them.
   *
   * @throws IllegalArgumentException "invalid syntax" for text the lexer would not have produced
   */
  static String unquote(String token) {
    char quote = token.charAt(0);
    String body = token.substring(1, token.length() - 1);
    if (quote == '`') {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\') {
        flush(bytes, out);
        out.append(c);
        i++;
        continue;
      }
      char kind = body.charAt(i + 1);
      i += 2;
      switch (kind) {
        case 'x' -> {
          bytes.write(Integer.parseInt(body.substring(i, i + 2), 16));
          i += 2;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          bytes.write(Integer.parseInt(body.substring(i - 1, i + 2), 8));
          i += 2;
        }
        case 'u', 'U' -> {
          int length = kind == 'u' ? 4 : 8;
          flush(bytes, out);
          out.appendCodePoint(Integer.parseInt(body.substring(i, i + length), 16));
          i += length;
        }
        default -> {
          flush(bytes, out);
          out.append(simpleEscape(kind, quote));
        }
      }
    }
    flush(bytes, out);
    return out.toString();
  }

  private static char simpleEscape(char kind, char quote) {
    return switch (kind) {
      case 'a' -> 7;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> 11;
      case '\\' -> '\\';
      default -> {
        if (kind != quote) {
          throw new IllegalArgumentException("invalid syntax");
        }
        yield kind;
      }
    };
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
