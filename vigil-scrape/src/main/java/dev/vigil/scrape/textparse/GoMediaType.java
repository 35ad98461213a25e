package dev.vigil.scrape.textparse;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The media type of a Content-Type value as Go's {@code mime.ParseMediaType} finds it, or null where
 * Go reports an error. The difference matters: 2.42 falls back to the 0.0.4 text parser on any error,
 * so {@code application/openmetrics-text; version} (a parameter without a value) is read as 0.0.4.
 * Parameter values are checked but not kept, since no caller needs them.
 */
final class GoMediaType {
  private static final String SPECIALS = "()<>@,;:\\\"/[]?=";

  private GoMediaType() {}

  /** The lower-cased {@code type/subtype} (or a bare type, which Go accepts), or null when malformed. */
  static String parse(String value) {
    int semicolon = value.indexOf(';');
    String base = semicolon < 0 ? value : value.substring(0, semicolon);
    String mediaType = base.toLowerCase(Locale.ROOT).strip();
    if (!isValidType(mediaType) || !parametersAreValid(value.substring(base.length()))) {
      return null;
    }
    return mediaType;
  }

  /** {@code token} or {@code token/token}, nothing else. */
  private static boolean isValidType(String s) {
    int slash = tokenEnd(s, 0);
    if (slash == 0) {
      return false;
    }
    if (slash == s.length()) {
      return true;
    }
    if (s.charAt(slash) != '/') {
      return false;
    }
    int end = tokenEnd(s, slash + 1);
    return end > slash + 1 && end == s.length();
  }

  /** {@code ; name=value} pairs, values tokens or quoted strings, names unique; a trailing ";" is fine. */
  private static boolean parametersAreValid(String rest) {
    Set<String> names = new HashSet<>();
    int i = 0;
    while (true) {
      i = skipSpace(rest, i);
      if (i == rest.length()) {
        return true;
      }
      if (rest.charAt(i) != ';') {
        return false;
      }
      i = skipSpace(rest, i + 1);
      int nameEnd = tokenEnd(rest, i);
      if (nameEnd == i) {
        // Go ignores a lone trailing semicolon, and rejects anything else without a name.
        return rest.substring(i).isBlank();
      }
      String name = rest.substring(i, nameEnd).toLowerCase(Locale.ROOT);
      i = skipSpace(rest, nameEnd);
      if (i == rest.length() || rest.charAt(i) != '=') {
        return false;
      }
      i = skipSpace(rest, i + 1);
      int valueEnd = valueEnd(rest, i);
      if (valueEnd < 0 || !names.add(name)) {
        return false;
      }
      i = valueEnd;
    }
  }

  /** End of a token or quoted string at {@code i}, or -1 when there is neither. */
  private static int valueEnd(String s, int i) {
    if (i < s.length() && s.charAt(i) == '"') {
      for (int j = i + 1; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '"') {
          return j + 1;
        }
        if (c == '\\') {
          j++;
        }
      }
      return -1;
    }
    int end = tokenEnd(s, i);
    return end == i ? -1 : end;
  }

  private static int tokenEnd(String s, int i) {
    while (i < s.length() && isTokenChar(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isTokenChar(char c) {
    return c > 0x20 && c < 0x7f && SPECIALS.indexOf(c) < 0;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
