package dev.vigil.scrape.relabel;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/** A relabeling regex: RE2 syntax, anchored at both ends, remembering the text it was written as. */
public final class RelabelRegex {
  /**
   * The regex a rule gets when it names none. Rules compare against this very instance, because
   * Prometheus refuses some actions whenever a regex was written, even one equal to the default.
   */
  public static final RelabelRegex DEFAULT = compile("(.*)");

  private final String source;
  private final Pattern pattern;

  private RelabelRegex(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /**
   * Compiles {@code source} anchored as {@code ^(?:source)$}.
   *
   * @throws IllegalArgumentException with the RE2 parser's message, which names the anchored text as Go's does
   */
  public static RelabelRegex compile(String source) {
    try {
      return new RelabelRegex(source, Pattern.compile("^(?:" + source + ")$"));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public String source() {
    return source;
  }

  public boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  /** A matcher that has matched {@code value}, or null when the regex does not match it. */
  Matcher match(String value) {
    Matcher matcher = pattern.matcher(value);
    return matcher.find() ? matcher : null;
  }

  Pattern pattern() {
    return pattern;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelabelRegex && ((RelabelRegex) o).source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}
