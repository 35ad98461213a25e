package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatcherTest {

  @Test
  void matches_equal_acceptsOnlyTheValue() {
    Matcher m = Matcher.equal("job", "api");

    assertThat(m.matches("api")).isTrue();
    assertThat(m.matches("apis")).isFalse();
    assertThat(m.matches("")).isFalse();
  }

  @Test
  void matches_notEqual_rejectsOnlyTheValue() {
    Matcher m = Matcher.notEqual("job", "api");

    assertThat(m.matches("api")).isFalse();
    assertThat(m.matches("web")).isTrue();
    assertThat(m.matches("")).isTrue();
  }

  @Test
  void matches_equalEmpty_acceptsMissingLabel() {
    Matcher m = Matcher.equal("job", "");
    Labels withoutJob = Labels.of("__name__", "up");

    assertThat(m.matches(withoutJob.getOrEmpty("job"))).isTrue();
    assertThat(m.matches(Labels.of("job", "a").getOrEmpty("job"))).isFalse();
  }

  @Test
  void matches_notEqualEmpty_rejectsMissingLabel() {
    Matcher m = Matcher.notEqual("job", "");

    assertThat(m.matches(Labels.EMPTY.getOrEmpty("job"))).isFalse();
    assertThat(m.matchesEmpty()).isFalse();
  }

  @Test
  void matchesEmpty_reportsWhetherMissingLabelMatches() {
    assertThat(Matcher.equal("a", "").matchesEmpty()).isTrue();
    assertThat(Matcher.equal("a", "x").matchesEmpty()).isFalse();
    assertThat(Matcher.notEqual("a", "x").matchesEmpty()).isTrue();
    assertThat(Matcher.regex("a", "x|").matchesEmpty()).isTrue();
    assertThat(Matcher.regex("a", ".*").matchesEmpty()).isTrue();
    assertThat(Matcher.regex("a", ".+").matchesEmpty()).isFalse();
    assertThat(Matcher.notRegex("a", ".+").matchesEmpty()).isTrue();
  }

  @Test
  void matches_regex_isAnchoredAtBothEnds() {
    Matcher m = Matcher.regex("job", "foo");

    assertThat(m.matches("foo")).isTrue();
    assertThat(m.matches("xfoo")).isFalse();
    assertThat(m.matches("foox")).isFalse();
  }

  @Test
  void matches_regexAlternation_isAnchoredAsAWhole() {
    Matcher m = Matcher.regex("job", "foo|bar");

    assertThat(m.matches("foo")).isTrue();
    assertThat(m.matches("bar")).isTrue();
    assertThat(m.matches("foobar")).isFalse();
    assertThat(m.matches("xbar")).isFalse();
  }

  @Test
  void matches_regexWithEngine_isAnchored() {
    Matcher m = Matcher.regex("job", "f[o]+");

    assertThat(m.matches("foo")).isTrue();
    assertThat(m.matches("xfoo")).isFalse();
    assertThat(m.matches("foox")).isFalse();
  }

  @Test
  void matches_dotStar_doesNotMatchNewline() {
    Matcher m = Matcher.regex("a", ".*");

    assertThat(m.matches("")).isTrue();
    assertThat(m.matches("any\tthing\r")).isTrue();
    assertThat(m.matches("a\nb")).isFalse();
  }

  @Test
  void matches_dotPlus_doesNotMatchNewlineOrEmpty() {
    Matcher m = Matcher.regex("a", ".+");

    assertThat(m.matches("x")).isTrue();
    assertThat(m.matches("")).isFalse();
    assertThat(m.matches("\n")).isFalse();
  }

  @Test
  void matches_prefixDotStar_doesNotMatchNewlineAfterPrefix() {
    Matcher m = Matcher.regex("a", "foo.*");

    assertThat(m.matches("foo")).isTrue();
    assertThat(m.matches("foobar")).isTrue();
    assertThat(m.matches("foo\n")).isFalse();
    assertThat(m.matches("xfoo")).isFalse();
  }

  @Test
  void matches_prefixDotPlus_needsOneMoreCharacter() {
    Matcher m = Matcher.regex("a", "foo.+");

    assertThat(m.matches("foo")).isFalse();
    assertThat(m.matches("foo1")).isTrue();
    assertThat(m.matches("foo\uD83D\uDE00")).isTrue();
    assertThat(m.matches("foo\n")).isFalse();
  }

  @Test
  void matches_dotInsideRegex_doesNotMatchNewline() {
    assertThat(Matcher.regex("a", "a.b").matches("a\nb")).isFalse();
    assertThat(Matcher.regex("a", "a.b").matches("axb")).isTrue();
  }

  @Test
  void matches_dotAllFlag_matchesNewline() {
    assertThat(Matcher.regex("a", "(?s).*").matches("a\nb")).isTrue();
  }

  @Test
  void matches_escapedDot_isLiteral() {
    Matcher m = Matcher.regex("a", "a\\.b");

    assertThat(m.matches("a.b")).isTrue();
    assertThat(m.matches("axb")).isFalse();
  }

  @Test
  void matches_escapedDotBeforeStar_repeatsTheDot() {
    Matcher m = Matcher.regex("a", "foo\\.*");

    assertThat(m.matches("foo")).isTrue();
    assertThat(m.matches("foo...")).isTrue();
    assertThat(m.matches("foox")).isFalse();
  }

  @Test
  void matches_caseInsensitiveFlag_ignoresCase() {
    Matcher m = Matcher.regex("a", "(?i)foo");

    assertThat(m.matches("FoO")).isTrue();
    assertThat(m.matches("fo")).isFalse();
  }

  @Test
  void matches_emptyRegex_matchesOnlyEmpty() {
    Matcher m = Matcher.regex("a", "");

    assertThat(m.matches("")).isTrue();
    assertThat(m.matches("a")).isFalse();
  }

  @Test
  void matches_quantifierAfterSupplementaryCharacter_appliesToWholeCharacter() {
    assertThat(Matcher.regex("a", "\uD83D\uDE00*").matches("")).isTrue();
    assertThat(Matcher.regex("a", "x\uD83D\uDE00?").matches("x")).isTrue();
    assertThat(Matcher.regex("a", "x\uD83D\uDE00{0,2}y").matches("xy")).isTrue();
  }

  @Test
  void matches_notRegex_negatesRegex() {
    Matcher m = Matcher.notRegex("job", "a|b");

    assertThat(m.matches("a")).isFalse();
    assertThat(m.matches("c")).isTrue();
    assertThat(m.matches("")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a(b", "[a", "*", "a**", "(?P<n>", "\\p{NoSuchClass}", "x{2,1}", "a)", "\\"})
  void of_invalidRegex_throwsNamingTheRegex(String regex) {
    assertThatThrownBy(() -> Matcher.regex("job", regex))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(GoQuote.quote(regex));
  }

  @Test
  void of_invalidNotRegex_throws() {
    assertThatThrownBy(() -> Matcher.notRegex("job", "a(b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a(b\"");
  }

  @Test
  void of_invalidRegexUsedAsEqualValue_isAccepted() {
    assertThat(Matcher.equal("job", "a(b").matches("a(b")).isTrue();
  }

  @Test
  void of_nullArguments_throw() {
    assertThatThrownBy(() -> Matcher.of(null, "a", "b")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Matcher.of(MatchType.EQUAL, null, "b")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Matcher.of(MatchType.EQUAL, "a", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void setMatches_alternationOfLiterals_returnsTheLiterals() {
    assertThat(Matcher.regex("a", "a|b|c").setMatches()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void setMatches_groupedAlternation_returnsTheLiterals() {
    assertThat(Matcher.regex("a", "(foo|bar)").setMatches()).containsExactlyInAnyOrder("foo", "bar");
  }

  @Test
  void setMatches_escapedLiterals_returnsUnescapedValues() {
    assertThat(Matcher.regex("a", "a\\.b|c\\|d").setMatches()).containsExactlyInAnyOrder("a.b", "c|d");
  }

  @Test
  void setMatches_duplicateAlternatives_returnsEachOnce() {
    assertThat(Matcher.regex("a", "x|y|x").setMatches()).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void setMatches_keepsRegexOrder() {
    assertThat(Matcher.regex("a", "c|a|b|e|d").setMatches()).containsExactly("c", "a", "b", "e", "d");
  }

  @Test
  void setMatches_prefixRegex_isNull() {
    assertThat(Matcher.regex("a", "a.*").setMatches()).isNull();
  }

  @Test
  void setMatches_characterClass_isNull() {
    assertThat(Matcher.regex("a", "[ab]").setMatches()).isNull();
  }

  @Test
  void setMatches_equalMatcher_isNull() {
    assertThat(Matcher.equal("a", "b").setMatches()).isNull();
  }

  @Test
  void prefix_literalFollowedByDotStar_isTheLiteral() {
    assertThat(Matcher.regex("a", "foo.*").prefix()).isEqualTo("foo");
    assertThat(Matcher.regex("a", "foo\\.bar.+").prefix()).isEqualTo("foo.bar");
  }

  @Test
  void prefix_nonRegexMatcher_isEmpty() {
    assertThat(Matcher.equal("a", "foo").prefix()).isEmpty();
  }

  @Test
  void prefix_alternation_isEmpty() {
    assertThat(Matcher.regex("a", "foo.*|bar").prefix()).isEmpty();
  }

  @Test
  void toString_rendersPromQlSelectorSyntax() {
    assertThat(Matcher.regex("job", "api|web")).hasToString("job=~\"api|web\"");
    assertThat(Matcher.notEqual("a", "x\n\"")).hasToString("a!=\"x\\n\\\"\"");
    assertThat(Matcher.equal("a", "")).hasToString("a=\"\"");
    assertThat(Matcher.notRegex("a", "\\d")).hasToString("a!~\"\\\\d\"");
  }

  @Test
  void equals_sameTypeNameValue_areEqual() {
    assertThat(Matcher.regex("a", "x|y")).isEqualTo(Matcher.regex("a", "x|y"));
    assertThat(Matcher.regex("a", "x|y").hashCode()).isEqualTo(Matcher.regex("a", "x|y").hashCode());
  }

  @Test
  void equals_differentTypeNameOrValue_areNotEqual() {
    assertThat(Matcher.regex("a", "x")).isNotEqualTo(Matcher.equal("a", "x"));
    assertThat(Matcher.regex("a", "x")).isNotEqualTo(Matcher.regex("b", "x"));
    assertThat(Matcher.regex("a", "x")).isNotEqualTo(Matcher.regex("a", "y"));
  }

  @Test
  void accessors_returnConstructionArguments() {
    Matcher m = Matcher.of(MatchType.NOT_REGEX, "job", "a.*");

    assertThat(m.type()).isEqualTo(MatchType.NOT_REGEX);
    assertThat(m.name()).isEqualTo("job");
    assertThat(m.value()).isEqualTo("a.*");
  }

  @Test
  void operator_matchesPromQl() {
    assertThat(MatchType.EQUAL.operator()).isEqualTo("=");
    assertThat(MatchType.NOT_EQUAL.operator()).isEqualTo("!=");
    assertThat(MatchType.REGEX.operator()).isEqualTo("=~");
    assertThat(MatchType.NOT_REGEX.operator()).isEqualTo("!~");
  }
}
