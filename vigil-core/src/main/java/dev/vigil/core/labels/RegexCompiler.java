package dev.vigil.core.labels;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles label-matcher regexes. Every regex is first compiled by RE2J, so invalid ones fail exactly
 * as RE2 would; then simple shapes get a matcher that never runs the regex engine:
 *
 * <ul>
 *   <li>a literal ({@code foo}, {@code foo\.bar}) compares strings;
 *   <li>an alternation of literals ({@code a|b|c}, optionally in one group) looks up a set;
 *   <li>{@code .*} and {@code .+} check only for newlines and emptiness;
 *   <li>{@code literal.*} and {@code literal.+} check a prefix.
 * </ul>
 */
final class RegexCompiler {
  private static final String META = "\\.+*?()|[]{}^$";

  private RegexCompiler() {}

  static StringMatcher compile(String regex) {
    Pattern pattern;
    try {
      pattern = Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("invalid regular expression " + GoQuote.quote(regex) + ": " + e.getMessage(), e);
    }
    StringMatcher shortcut = shortcut(regex);
    if (shortcut != null) {
      return shortcut;
    }
    String prefix = literalPrefix(regex);
    return new StringMatcher() {
      @Override
      public boolean matches(String s) {
        return s.startsWith(prefix) && pattern.matches(s);
      }

      @Override
      public String prefix() {
        return prefix;
      }
    };
  }

  private static StringMatcher shortcut(String regex) {
    if (regex.equals(".*")) {
      return s -> s.indexOf('\n') < 0;
    }
    if (regex.equals(".+")) {
      return s -> !s.isEmpty() && s.indexOf('\n') < 0;
    }
    if (regex.endsWith(".*") || regex.endsWith(".+")) {
      String literal = unescapeLiteral(regex.substring(0, regex.length() - 2));
      if (literal != null && !literal.isEmpty()) {
        boolean needsMore = regex.endsWith(".+");
        return prefixMatcher(literal, needsMore);
      }
      return null;
    }
    String body = regex;
    if (body.startsWith("(") && body.endsWith(")") && body.indexOf('(', 1) < 0 && body.indexOf(')') == body.length() - 1) {
      body = body.substring(1, body.length() - 1);
    }
    List<String> alternatives = splitAlternatives(body);
    if (alternatives == null) {
      return null;
    }
    if (alternatives.size() == 1) {
      String literal = alternatives.get(0);
      return new StringMatcher() {
        @Override
        public boolean matches(String s) {
          return literal.equals(s);
        }

        @Override
        public List<String> literals() {
          return List.of(literal);
        }

        @Override
        public String prefix() {
          return literal;
        }
      };
    }
    // Keep the regex's order: Set.copyOf iterates in an order that changes from one JVM run to the next.
    List<String> distinct = List.copyOf(new LinkedHashSet<>(alternatives));
    Set<String> set = Set.copyOf(distinct);
    return new StringMatcher() {
      @Override
      public boolean matches(String s) {
        return set.contains(s);
      }

      @Override
      public List<String> literals() {
        return distinct;
      }
    };
  }

  private static StringMatcher prefixMatcher(String literal, boolean needsMore) {
    return new StringMatcher() {
      @Override
      public boolean matches(String s) {
        if (!s.startsWith(literal) || s.indexOf('\n', literal.length()) >= 0) {
          return false;
        }
        return !needsMore || s.length() > literal.length();
      }

      @Override
      public String prefix() {
        return literal;
      }
    };
  }

  /** Splits {@code a|b|c} into unescaped literals, or returns null if any part is not a plain literal. */
  private static List<String> splitAlternatives(String body) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length(); i++) {
      if (i == body.length() || (body.charAt(i) == '|' && !isEscaped(body, i))) {
        String literal = unescapeLiteral(body.substring(start, i));
        if (literal == null) {
          return null;
        }
        out.add(literal);
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean isEscaped(String s, int i) {
    int backslashes = 0;
    for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** The literal a regex fragment stands for, or null when it contains regex syntax. */
  private static String unescapeLiteral(String fragment) {
    StringBuilder sb = new StringBuilder(fragment.length());
    for (int i = 0; i < fragment.length(); i++) {
      char c = fragment.charAt(i);
      if (c == '\\') {
        if (i + 1 >= fragment.length()) {
          return null;
        }
        char next = fragment.charAt(i + 1);
        // Only escaped ASCII punctuation is a literal; \d, \w, \pL and friends are classes.
        if (next >= 0x80 || Character.isLetterOrDigit(next)) {
          return null;
        }
        sb.append(next);
        i++;
      } else if (META.indexOf(c) >= 0) {
        return null;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The literal that must begin every match, used to skip values cheaply before running the engine. */
  private static String literalPrefix(String regex) {
    if (regex.indexOf('|') >= 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' || META.indexOf(c) >= 0) {
        break;
      }
      sb.append(c);
    }
    // A quantifier or alternation right after the literal may make its last character optional.
    int end = sb.length();
    if (end < regex.length()) {
      char next = regex.charAt(end);
      if (next == '?' || next == '*' || next == '{') {
        // The quantifier applies to the last code point, which may be a surrogate pair.
        return sb.substring(0, end == 0 ? 0 : sb.offsetByCodePoints(end, -1));
      }
    }
    return sb.toString();
  }
}
