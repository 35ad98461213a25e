package dev.vigil.core.labels;

import com.google.re2j.Matcher;
import java.util.Map;

/**
 * Go's {@code regexp.Expand}: fills a template with a match's groups.
 *
 * <p>{@code $$} is a literal dollar. {@code $name} takes the longest run of letters, digits and
 * underscores as the name, so {@code $1x} names a group "1x", not group 1 followed by "x";
 * {@code ${name}} delimits it. A name of ASCII digits without a leading zero is a group number; any
 * other name is looked up among the named groups. A group that does not exist or did not take part in
 * the match expands to nothing. A {@code $} not followed by a valid name is kept as is.
 */
public final class RegexTemplate {
  /** Go stops reading a group number once it reaches this, and treats the reference as a name. */
  private static final int MAX_GROUP_NUMBER = 100_000_000;

  private RegexTemplate() {}

  public static String expand(String template, Matcher match, Map<String, Integer> namedGroups) {
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      Reference ref = Reference.parse(template, i);
      if (ref == null) {
        out.append('$');
        continue;
      }
      i = ref.end;
      int group = ref.number >= 0 ? ref.number : namedGroups.getOrDefault(ref.name, -1);
      if (group >= 0 && group <= match.groupCount() && match.start(group) >= 0) {
        out.append(match.group(group));
      }
    }
    return out.toString();
  }

  /** A parsed {@code name} or {@code {name}} after a dollar; number is -1 when the name is not a group number. */
  private record Reference(String name, int number, int end) {
    static Reference parse(String s, int start) {
      boolean braced = start < s.length() && s.charAt(start) == '{';
      int nameStart = braced ? start + 1 : start;
      int i = nameStart;
      while (i < s.length()) {
        int c = s.codePointAt(i);
        if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
          break;
        }
        i += Character.charCount(c);
      }
      if (i == nameStart) {
        return null;
      }
      String name = s.substring(nameStart, i);
      if (braced) {
        if (i >= s.length() || s.charAt(i) != '}') {
          return null;
        }
        i++;
      }
      return new Reference(name, groupNumber(name), i);
    }

    private static int groupNumber(String name) {
      if (name.length() > 1 && name.charAt(0) == '0') {
        return -1;
      }
      int number = 0;
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c < '0' || c > '9' || number >= MAX_GROUP_NUMBER) {
          return -1;
        }
        number = number * 10 + (c - '0');
      }
      return number;
    }
  }
}
