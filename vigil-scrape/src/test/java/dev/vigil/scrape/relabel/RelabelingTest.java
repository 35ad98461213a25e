package dev.vigil.scrape.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.labels.Labels;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelabelingTest {
  private static final Labels ABC = Labels.of("a", "foo", "b", "bar", "c", "baz");

  private static Optional<Labels> relabel(Labels in, RelabelConfig.Builder... rules) {
    return Relabeling.process(in, List.of(rules).stream().map(RelabelConfig.Builder::build).toList());
  }

  private static RelabelConfig.Builder rule(RelabelAction action) {
    return RelabelConfig.builder().action(action);
  }

  @Test
  void replaceWritesTheExpandedReplacementWhenTheJoinedSourcesMatch() {
    assertThat(relabel(ABC, rule(RelabelAction.REPLACE).sourceLabels("a", "b").regex("f(.*);(.*)r")
        .targetLabel("d").replacement("ch${1}-ch${2}")))
        .contains(Labels.of("a", "foo", "b", "bar", "c", "baz", "d", "choo-chba"));
  }

  @Test
  void replaceLeavesTheLabelsAloneWhenTheRegexDoesNotMatchTheWholeValue() {
    assertThat(relabel(ABC, rule(RelabelAction.REPLACE).sourceLabels("a").regex("o+").targetLabel("a")))
        .contains(ABC);
  }

  @Test
  void replaceDefaultsCopyTheSourceValue() {
    assertThat(relabel(ABC, rule(RelabelAction.REPLACE).sourceLabels("a").targetLabel("d")))
        .contains(Labels.of("a", "foo", "b", "bar", "c", "baz", "d", "foo"));
  }

  @Test
  void missingSourceLabelsReadAsEmptyAndAreJoinedWithTheSeparator() {
    assertThat(relabel(ABC, rule(RelabelAction.REPLACE).sourceLabels("a", "nope", "b").separator("|")
        .targetLabel("d")).get().get("d")).isEqualTo("foo||bar");
  }

  @Test
  void anEmptyReplacementRemovesTheTarget() {
    assertThat(relabel(ABC, rule(RelabelAction.REPLACE).sourceLabels("a").regex("(f).*").targetLabel("b")
        .replacement("$2"))).contains(Labels.of("a", "foo", "c", "baz"));
  }

  @Test
  void theTargetLabelIsATemplateToo() {
    assertThat(relabel(ABC, rule(RelabelAction.REPLACE).sourceLabels("a").regex("(?P<name>f)(.*)")
        .targetLabel("${name}_$2").replacement("x")).get().get("f_oo")).isEqualTo("x");
  }

  @Test
  void aTargetThatExpandsToAnInvalidNameRemovesTheLabelNamedByTheTemplate() {
    Labels in = Labels.of("a", "some-name", "${1}", "old");
    assertThat(relabel(in, rule(RelabelAction.REPLACE).sourceLabels("a").regex("(.*)").targetLabel("${1}")))
        .contains(Labels.of("a", "some-name"));
  }

  @Test
  void replacementTemplatesFollowGoExpand() {
    assertThat(relabel(ABC, rule(RelabelAction.REPLACE).sourceLabels("a").regex("(f)(o+)").targetLabel("d")
        .replacement("$$1 $1x ${1}x $2")).get().get("d")).isEqualTo("$1  fx oo");
  }

  @Test
  void keepKeepsOnlyMatchingSets() {
    assertThat(relabel(ABC, rule(RelabelAction.KEEP).sourceLabels("a").regex("f.*"))).contains(ABC);
    assertThat(relabel(ABC, rule(RelabelAction.KEEP).sourceLabels("a").regex("f"))).isEmpty();
  }

  @Test
  void dropDropsMatchingSets() {
    assertThat(relabel(ABC, rule(RelabelAction.DROP).sourceLabels("a").regex("f.*"))).isEmpty();
    assertThat(relabel(ABC, rule(RelabelAction.DROP).sourceLabels("a").regex("f"))).contains(ABC);
  }

  @Test
  void keepOnAMissingLabelMatchesTheEmptyString() {
    assertThat(relabel(ABC, rule(RelabelAction.KEEP).sourceLabels("nope").regex(""))).contains(ABC);
    assertThat(relabel(ABC, rule(RelabelAction.KEEP).sourceLabels("nope").regex(".+"))).isEmpty();
  }

  @Test
  void keepequalAndDropequalCompareTheSourceValueWithTheTargetLabel() {
    Labels in = Labels.of("a", "1", "b", "1", "c", "2");
    assertThat(relabel(in, rule(RelabelAction.KEEPEQUAL).sourceLabels("a").targetLabel("b"))).contains(in);
    assertThat(relabel(in, rule(RelabelAction.KEEPEQUAL).sourceLabels("a").targetLabel("c"))).isEmpty();
    assertThat(relabel(in, rule(RelabelAction.DROPEQUAL).sourceLabels("a").targetLabel("b"))).isEmpty();
    assertThat(relabel(in, rule(RelabelAction.DROPEQUAL).sourceLabels("a").targetLabel("c"))).contains(in);
  }

  @Test
  void hashmodWritesTheRemainderOfTheValuesHash() {
    assertThat(relabel(ABC, rule(RelabelAction.HASHMOD).sourceLabels("c").targetLabel("d").modulus(1000)).get().get("d"))
        .isEqualTo("976");
  }

  @Test
  void labelmapCopiesMatchingLabelsUnderTheNewName() {
    Labels in = Labels.of("__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc");
    assertThat(relabel(in, rule(RelabelAction.LABELMAP).regex("__meta_my_(.+)").replacement("$1")))
        .contains(Labels.of("__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc", "bar", "aaa", "baz", "bbb"));
  }

  @Test
  void labelmapOverwritesExistingLabels() {
    Labels in = Labels.of("a", "foo", "__meta_a", "meta");
    assertThat(relabel(in, rule(RelabelAction.LABELMAP).regex("__meta_(.+)")).get().get("a")).isEqualTo("meta");
  }

  @Test
  void labeldropAndLabelkeepSelectByName() {
    assertThat(relabel(ABC, rule(RelabelAction.LABELDROP).regex("[ab]"))).contains(Labels.of("c", "baz"));
    assertThat(relabel(ABC, rule(RelabelAction.LABELKEEP).regex("[ab]"))).contains(Labels.of("a", "foo", "b", "bar"));
  }

  @Test
  void lowercaseAndUppercaseUseSimpleCaseMappingPerCodePoint() {
    Labels in = Labels.of("a", "MiXeD-ß-İ");
    assertThat(relabel(in, rule(RelabelAction.LOWERCASE).sourceLabels("a").targetLabel("l")).get().get("l"))
        .isEqualTo("mixed-ß-i");
    assertThat(relabel(in, rule(RelabelAction.UPPERCASE).sourceLabels("a").targetLabel("u")).get().get("u"))
        .isEqualTo("MIXED-ß-İ");
  }

  @Test
  void lowercaseOfAnEmptyValueRemovesTheTarget() {
    assertThat(relabel(ABC, rule(RelabelAction.LOWERCASE).sourceLabels("nope").targetLabel("a")))
        .contains(Labels.of("b", "bar", "c", "baz"));
  }

  @Test
  void rulesApplyInOrderAndADropStopsTheRest() {
    assertThat(relabel(ABC,
        rule(RelabelAction.REPLACE).sourceLabels("a").targetLabel("x"),
        rule(RelabelAction.DROP).sourceLabels("x").regex("foo"),
        rule(RelabelAction.REPLACE).sourceLabels("b").targetLabel("y"))).isEmpty();
  }

  @Test
  void labelsWithEmptyValuesCountAsAbsent() {
    Labels in = Labels.of("a", "", "b", "bar");
    assertThat(relabel(in, rule(RelabelAction.LABELKEEP).regex(".*"))).contains(Labels.of("b", "bar"));
  }

  @Test
  void noRulesReturnTheSetUnchanged() {
    assertThat(Relabeling.process(ABC, List.of())).contains(ABC);
  }

  @Test
  void regexesAreAnchoredAndMatchNoNewlineWithDot() {
    Labels in = Labels.of("a", "line1\nline2");
    assertThat(relabel(in, rule(RelabelAction.KEEP).sourceLabels("a").regex(".*"))).isEmpty();
    assertThat(relabel(in, rule(RelabelAction.KEEP).sourceLabels("a").regex("(?s).*"))).contains(in);
  }
}
