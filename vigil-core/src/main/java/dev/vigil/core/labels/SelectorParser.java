package dev.vigil.core.labels;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a series selector such as {@code up{job=~"api|web", env!="dev"}} into matchers, as
 * Prometheus's ParseMetricSelector does for tools and API {@code match[]} parameters. Strings are Go
 * string literals in double quotes, single quotes or backticks. Errors name the character position.
 */
public final class SelectorParser {
  private final String in;
  private int pos;

  private SelectorParser(String in) {
    this.in = in;
  }

  public static List<Matcher> parse(String selector) {
    return new SelectorParser(selector).selector();
  }

  private List<Matcher> selector() {
    List<Matcher> matchers = new ArrayList<>();
    skipSpace();
    if (pos < in.length() && isMetricNameStart(in.charAt(pos))) {
      int start = pos;
      while (pos < in.length() && isMetricNameChar(in.charAt(pos))) {
        pos++;
      }
      matchers.add(Matcher.equal(Labels.METRIC_NAME, in.substring(start, pos)));
      skipSpace();
    }
    if (pos < in.length() && in.charAt(pos) == '{') {
      pos++;
      skipSpace();
      while (pos < in.length() && in.charAt(pos) != '}') {
        matchers.add(matcher());
        skipSpace();
        if (pos < in.length() && in.charAt(pos) == ',') {
          pos++;
          skipSpace();
        } else if (pos < in.length() && in.charAt(pos) != '}') {
          throw error("unexpected " + describe() + " in label matching, expected \",\" or \"}\"");
        }
      }
      if (pos >= in.length()) {
        throw error("unexpected end of input inside braces");
      }
      pos++;
      skipSpace();
    }
    if (matchers.isEmpty()) {
      throw error("unexpected " + describe() + ", expected a metric name or \"{\"");
    }
    if (pos != in.length()) {
      throw error("unexpected " + describe() + " after the selector");
    }
    return matchers;
  }

  private Matcher matcher() {
    int start = pos;
    while (pos < in.length() && isLabelNameChar(in.charAt(pos), pos == start)) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected " + describe() + " in label matching, expected label name");
    }
    String name = in.substring(start, pos);
    skipSpace();
    MatchType type;
    if (in.startsWith("=~", pos)) {
      type = MatchType.REGEX;
    } else if (in.startsWith("!~", pos)) {
      type = MatchType.NOT_REGEX;
    } else if (in.startsWith("!=", pos)) {
      type = MatchType.NOT_EQUAL;
    } else if (in.startsWith("=", pos)) {
      type = MatchType.EQUAL;
    } else {
      throw error("unexpected " + describe() + " in label matching, expected one of \"=\", \"!=\", \"=~\", \"!~\"");
    }
    pos += type.operator().length();
    skipSpace();
    String value = string();
    try {
      return Matcher.of(type, name, value);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private String string() {
    if (pos >= in.length()) {
      throw error("unexpected end of input, expected a string");
    }
    char quote = in.charAt(pos);
    if (quote != '"' && quote != '\'' && quote != '`') {
      throw error("unexpected " + describe() + ", expected a string");
    }
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= in.length()) {
        throw error("unterminated quoted string");
      }
      char c = in.charAt(pos++);
      if (c == quote) {
        return sb.toString();
      }
      if (quote != '`' && c == '\n') {
        throw error("unterminated quoted string");
      }
      if (c == '\\' && quote != '`') {
        escape(sb, quote);
      } else {
        sb.append(c);
      }
    }
  }

  private void escape(StringBuilder sb, char quote) {
    if (pos >= in.length()) {
      throw error("unterminated escape sequence");
    }
    char c = in.charAt(pos++);
    switch (c) {
      case 'a': sb.append((char) 7); return;
      case 'b': sb.append('\b'); return;
      case 'f': sb.append('\f'); return;
      case 'n': sb.append('\n'); return;
      case 'r': sb.append('\r'); return;
      case 't': sb.append('\t'); return;
      case 'v': sb.append((char) 11); return;
      case '\\': sb.append('\\'); return;
      case 'x': sb.append((char) hex(2)); return;
      case 'u': sb.appendCodePoint(codePoint(hex(4))); return;
      case 'U': sb.appendCodePoint(codePoint(hex(8))); return;
      default:
        break;
    }
    if (c == quote) {
      sb.append(c);
      return;
    }
    if (c >= '0' && c <= '7') {
      int v = c - '0';
      for (int i = 0; i < 2; i++) {
        if (pos >= in.length() || in.charAt(pos) < '0' || in.charAt(pos) > '7') {
          throw error("invalid octal escape");
        }
        v = v * 8 + (in.charAt(pos++) - '0');
      }
      if (v > 255) {
        throw error("octal escape value > 255");
      }
      sb.append((char) v);
      return;
    }
    throw error("unknown escape sequence \\" + c);
  }

  private int hex(int digits) {
    if (pos + digits > in.length()) {
      throw error("invalid hex escape");
    }
    int v = 0;
    for (int i = 0; i < digits; i++) {
      int d = Character.digit(in.charAt(pos++), 16);
      if (d < 0) {
        throw error("invalid hex escape");
      }
      v = v * 16 + d;
    }
    return v;
  }

  private int codePoint(int v) {
    if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
      throw error("escape sequence is an invalid Unicode code point");
    }
    return v;
  }

  private void skipSpace() {
    while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
      pos++;
    }
  }

  private String describe() {
    return pos >= in.length() ? "end of input" : "character " + GoQuote.quote(String.valueOf(in.charAt(pos)));
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("parse error at char " + (pos + 1) + ": " + message);
  }

  private static boolean isMetricNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isMetricNameChar(char c) {
    return isMetricNameStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean isLabelNameChar(char c, boolean first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
  }
}
