package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vigil.core.model.Seeded;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the regex shortcuts against the oracle Prometheus uses: RE2 with the regex wrapped as
 * {@code ^(?:re)$}. Regexes are generated in the shapes the shortcuts recognise and in near misses.
 */
class MatcherRegexPropertyTest {
  private static final int REGEXES = 4_000;
  private static final int INPUTS_PER_REGEX = 60;

  private static final String[] WORDS = {
    "a", "b", "ab", "foo", "bar", "fo", "FOO", "x", "\u00e9", "\u65e5\u672c", "\uD83D\uDE00", "a\uD83D\uDE00", "1",
  };
  private static final String[] ESCAPES = {
    "\\.", "\\\\", "\\|", "\\(", "\\)", "\\*", "\\+", "\\?", "\\[", "\\]", "\\{", "\\}", "\\^", "\\$", "\\-",
    "\\/", "\\ ", "\\_", "\\#",
  };
  private static final String[] CLASSES = {
    "[ab]", "[^a]", "[a-f]", "\\d", "\\w", "\\s", "\\D", "[\u00e9\uD83D\uDE00]", "[[:alpha:]]", "\\pL", ".",
  };
  private static final String[] QUANTIFIERS = {"*", "+", "?", "{2}", "{0,1}", "{1,}", "*?", "+?"};
  private static final String INPUT_ALPHABET = "abfoxrAFOé1 .|\\\n\t*(";

  @Test
  void matches_generatedRegexes_agreeWithRe2() {
    Seeded.run(r -> {
      for (int i = 0; i < REGEXES; i++) {
        List<String> words = new ArrayList<>();
        String regex = regex(r, words, 2);
        checkRegex(r, regex, words);
      }
    });
  }

  @Test
  void matches_listedShapes_agreeWithRe2() {
    String[] shapes = {
      "", "foo", "a\\.b", "a|b|c", "(a|b)", "foo.*", "foo.+", ".*", ".+", "[a-c]", "(?i)foo", "foo.*|bar",
      "(a|b).*", "foo\\.*", "foo\\\\.*", "a|", "|", "()", "(|)", "\\.\\*", "a.b", "(?s).*", "(?s)foo.*",
      "^foo$", "foo$", "^.*$", "(?:foo|bar)", "(?i:a|b)", "\uD83D\uDE00*", "x\uD83D\uDE00?", "x\uD83D\uDE00+y",
      "a\\|b", "a\\\\|b", "(a\\|b)", "(a\\\\)", "fo{2}", "ab*", "ab?c", "ab+", "foo(?i)bar", "a)|(b",
      "foo.*.*", ".*foo", "foo..*", "\\Qa.b\\E", "x\\\n", "a{,2}", "ab{", "\uD83D\uDE00.*", ".\uD83D\uDE00",
    };
    Seeded.run(r -> {
      for (String shape : shapes) {
        checkRegex(r, shape, List.of("foo", "bar", "a", "b", "c", "x", "\uD83D\uDE00"));
      }
    });
  }

  private static void checkRegex(Random r, String regex, List<String> words) {
    Pattern oracle;
    try {
      oracle = Pattern.compile("^(?:" + regex + ")$");
    } catch (PatternSyntaxException e) {
      assertThatThrownBy(() -> Matcher.regex("l", regex))
          .as("regex %s", GoQuote.quote(regex))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(GoQuote.quote(regex));
      return;
    }
    Matcher m = Matcher.regex("l", regex);
    Matcher not = Matcher.notRegex("l", regex);
    List<String> literals = m.setMatches();
    String prefix = m.prefix();
    for (String s : inputs(r, words)) {
      boolean expected = oracle.matcher(s).matches();
      assertThat(m.matches(s)).as("%s =~ %s", GoQuote.quote(s), GoQuote.quote(regex)).isEqualTo(expected);
      assertThat(not.matches(s)).as("%s !~ %s", GoQuote.quote(s), GoQuote.quote(regex)).isEqualTo(!expected);
      if (expected) {
        assertThat(s).as("prefix of %s", GoQuote.quote(regex)).startsWith(prefix);
      }
      if (literals != null) {
        assertThat(literals.contains(s)).as("setMatches of %s has %s", GoQuote.quote(regex), GoQuote.quote(s))
            .isEqualTo(expected);
      }
    }
    if (literals != null) {
      for (String literal : literals) {
        assertThat(oracle.matcher(literal).matches())
            .as("setMatches of %s lists %s", GoQuote.quote(regex), GoQuote.quote(literal))
            .isTrue();
      }
    }
  }

  /** Inputs near the regex: its words, their concatenations, prefixes, case changes and newlines, plus noise. */
  private static Set<String> inputs(Random r, List<String> words) {
    Set<String> out = new LinkedHashSet<>();
    out.add("");
    out.add("\n");
    out.add("foo");
    out.add("foo\n");
    for (String w : words) {
      out.add(w);
      out.add(w + w);
      out.add("x" + w);
      out.add(w + "x");
      out.add(w + "\n");
      out.add("\n" + w);
      out.add(w.toUpperCase());
      if (w.length() > 1) {
        out.add(w.substring(0, w.offsetByCodePoints(w.length(), -1)));
      }
    }
    while (out.size() < INPUTS_PER_REGEX) {
      StringBuilder sb = new StringBuilder();
      int parts = r.nextInt(4);
      for (int i = 0; i < parts; i++) {
        if (!words.isEmpty() && r.nextBoolean()) {
          sb.append(words.get(r.nextInt(words.size())));
        } else {
          sb.append(INPUT_ALPHABET.charAt(r.nextInt(INPUT_ALPHABET.length())));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** A regex of the given nesting depth; literal words it uses are recorded so inputs can be built near them. */
  private static String regex(Random r, List<String> words, int depth) {
    switch (r.nextInt(depth > 0 ? 14 : 8)) {
      case 0:
        return word(r, words);
      case 1: {
        String escape = ESCAPES[r.nextInt(ESCAPES.length)];
        String before = word(r, words);
        String after = word(r, words);
        words.add(before + escape.substring(1) + after);
        return before + escape + after;
      }
      case 2:
        return alternation(r, words);
      case 3:
        return "(" + alternation(r, words) + ")";
      case 4:
        return word(r, words) + (r.nextBoolean() ? ".*" : ".+");
      case 5:
        return r.nextBoolean() ? ".*" : ".+";
      case 6:
        return CLASSES[r.nextInt(CLASSES.length)] + QUANTIFIERS[r.nextInt(QUANTIFIERS.length)];
      case 7:
        return word(r, words) + QUANTIFIERS[r.nextInt(QUANTIFIERS.length)];
      case 8:
        return "(?i)" + regex(r, words, depth - 1);
      case 9:
        return regex(r, words, depth - 1) + "|" + regex(r, words, depth - 1);
      case 10:
        return regex(r, words, depth - 1) + regex(r, words, depth - 1);
      case 11:
        return "(" + regex(r, words, depth - 1) + ")" + (r.nextBoolean() ? "" : QUANTIFIERS[r.nextInt(4)]);
      case 12:
        return new String[] {"^", "(?s)", "(?:", "(?i:"}[r.nextInt(4)] + regex(r, words, depth - 1)
            + (r.nextBoolean() ? ")" : "$");
      default:
        return word(r, words) + CLASSES[r.nextInt(CLASSES.length)] + (r.nextBoolean() ? ".*" : "");
    }
  }

  private static String alternation(Random r, List<String> words) {
    StringBuilder sb = new StringBuilder();
    int n = 2 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append('|');
      }
      if (r.nextInt(8) != 0) {
        sb.append(r.nextInt(4) == 0 ? word(r, words) + ESCAPES[r.nextInt(ESCAPES.length)] : word(r, words));
      }
    }
    return sb.toString();
  }

  private static String word(Random r, List<String> words) {
    String w = WORDS[r.nextInt(WORDS.length)];
    words.add(w);
    return w;
  }
}
