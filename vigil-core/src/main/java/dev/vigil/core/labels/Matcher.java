package dev.vigil.core.labels;

import java.util.Objects;

/**
 * A label matcher with Prometheus's semantics. A missing label matches as the empty string. Regexes
 * are RE2, fully anchored, and {@code .} does not match a newline; common shapes (literals, prefixes,
 * alternations of literals, {@code .*}) are answered without running a regex engine.
 */
public final class Matcher {
  private final MatchType type;
  private final String name;
  private final String value;
  private final StringMatcher regex;

  private Matcher(MatchType type, String name, String value, StringMatcher regex) {
    this.type = type;
    this.name = name;
    this.value = value;
    this.regex = regex;
  }

  /** Creates a matcher; a regex that does not compile raises {@link IllegalArgumentException} naming it. */
  public static Matcher of(MatchType type, String name, String value) {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(value, "value is null");
    StringMatcher regex = null;
    if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
      regex = RegexCompiler.compile(value);
    }
    return new Matcher(type, name, value, regex);
  }

  public static Matcher equal(String name, String value) {
    return of(MatchType.EQUAL, name, value);
  }

  public static Matcher notEqual(String name, String value) {
    return of(MatchType.NOT_EQUAL, name, value);
  }

  public static Matcher regex(String name, String value) {
    return of(MatchType.REGEX, name, value);
  }

  public static Matcher notRegex(String name, String value) {
    return of(MatchType.NOT_REGEX, name, value);
  }

  public MatchType type() {
    return type;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  /** Whether a label value (the empty string for a missing label) satisfies this matcher. */
  public boolean matches(String labelValue) {
    switch (type) {
      case EQUAL:
        return value.equals(labelValue);
      case NOT_EQUAL:
        return !value.equals(labelValue);
      case REGEX:
        return regex.matches(labelValue);
      case NOT_REGEX:
        return !regex.matches(labelValue);
      default:
        throw new AssertionError(type);
    }
  }

  /** Whether this matcher accepts series that lack the label, which decides how postings are selected. */
  public boolean matchesEmpty() {
    return matches("");
  }

  /**
   * For {@code =~} matchers over a finite set of literals, the set; null otherwise. Lets the index look
   * up each value's postings directly instead of scanning all values of the label.
   */
  public java.util.List<String> setMatches() {
    return regex == null ? null : regex.literals();
  }

  /** For {@code =~} matchers that require a literal prefix, the prefix; "" when there is none. */
  public String prefix() {
    return regex == null ? "" : regex.prefix();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Matcher)) {
      return false;
    }
    Matcher m = (Matcher) o;
    return type == m.type && name.equals(m.name) && value.equals(m.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, value);
  }

  /** PromQL form: {@code job=~"api|web"}. */
  @Override
  public String toString() {
    return name + type.operator() + GoQuote.quote(value);
  }
}
