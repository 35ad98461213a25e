package dev.vigil.scrape.relabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RelabelConfigTest {
  private static RelabelConfig.Builder rule(RelabelAction action) {
    return RelabelConfig.builder().action(action);
  }

  private static void refused(RelabelConfig.Builder rule, String message) {
    assertThatThrownBy(rule::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void defaultsArePrometheuss() {
    RelabelConfig rule = RelabelConfig.builder().targetLabel("x").build();
    assertThat(rule.action()).isEqualTo(RelabelAction.REPLACE);
    assertThat(rule.separator()).isEqualTo(";");
    assertThat(rule.regex().source()).isEqualTo("(.*)");
    assertThat(rule.replacement()).isEqualTo("$1");
    assertThat(rule.modulus()).isZero();
  }

  @Test
  void actionsAreReadIgnoringCase() {
    assertThat(RelabelAction.parse("LabelMap")).isEqualTo(RelabelAction.LABELMAP);
    assertThatThrownBy(() -> RelabelAction.parse("explode")).hasMessage("unknown relabel action \"explode\"");
  }

  @Test
  void hashmodNeedsAModulusAndAValidTarget() {
    refused(rule(RelabelAction.HASHMOD).targetLabel("x"), "relabel configuration for hashmod requires non-zero modulus");
    refused(rule(RelabelAction.HASHMOD).modulus(2).targetLabel("$1"), "\"$1\" is invalid 'target_label' for hashmod action");
  }

  @Test
  void actionsThatWriteNeedATarget() {
    for (RelabelAction action : new RelabelAction[] {RelabelAction.REPLACE, RelabelAction.LOWERCASE,
        RelabelAction.UPPERCASE, RelabelAction.KEEPEQUAL, RelabelAction.DROPEQUAL}) {
      refused(rule(action), "relabel configuration for " + action.configName() + " action requires 'target_label' value");
    }
    refused(rule(RelabelAction.HASHMOD).modulus(3), "relabel configuration for hashmod action requires 'target_label' value");
  }

  @Test
  void targetTemplatesMustBuildANameFromNameCharactersAndGroups() {
    assertThat(rule(RelabelAction.REPLACE).targetLabel("a_${1}_$name").build()).isNotNull();
    refused(rule(RelabelAction.REPLACE).targetLabel("a-b"), "\"a-b\" is invalid 'target_label' for replace action");
    refused(rule(RelabelAction.REPLACE).targetLabel("1a"), "\"1a\" is invalid 'target_label' for replace action");
  }

  @Test
  void caseAndEqualityActionsTakeNoReplacement() {
    refused(rule(RelabelAction.LOWERCASE).targetLabel("x").replacement("y"), "'replacement' can not be set for lowercase action");
  }

  @Test
  void labelmapReplacementMustBuildAName() {
    refused(rule(RelabelAction.LABELMAP).replacement("a-$1"), "\"a-$1\" is invalid 'replacement' for labelmap action");
  }

  @Test
  void equalityActionsTakeOnlySourceAndTarget() {
    String message = "keepequal action requires only 'source_labels' and `target_label`, and no other fields";
    refused(rule(RelabelAction.KEEPEQUAL).targetLabel("x").separator(","), message);
    refused(rule(RelabelAction.KEEPEQUAL).targetLabel("x").regex("(.*)"), message);
  }

  @Test
  void labelSelectionActionsTakeOnlyARegex() {
    String message = "labeldrop action requires only 'regex', and no other fields";
    refused(rule(RelabelAction.LABELDROP).sourceLabels("a"), message);
    refused(rule(RelabelAction.LABELDROP).targetLabel("a"), message);
    assertThat(rule(RelabelAction.LABELKEEP).regex("a|b").build()).isNotNull();
  }

  @Test
  void badRegexesReportTheAnchoredTextAsGoDoes() {
    assertThatThrownBy(() -> RelabelRegex.compile("(abc"))
        .hasMessage("error parsing regexp: missing closing ): `^(?:(abc)$`");
  }
}
