package dev.vigil.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.promql.engine.ErrorType;
import dev.vigil.promql.engine.PromqlException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFunctionsTest {
  private static final Labels METRIC =
      Labels.of("__name__", "testmetric", "src", "source-value-10", "dst", "original-destination-value");

  private static Labels replace(Labels in, String dst, String replacement, String src, String regex) {
    return LabelFunctions.labelReplace(in, dst, replacement, src, LabelFunctions.compileLabelReplaceRegex(regex));
  }

  private static String replaceDst(String replacement, String regex) {
    return replace(METRIC, "dst", replacement, "src", regex).get("dst");
  }

  @Test
  void replaceMatchesTheWholeValue() {
    assertThat(replaceDst("destination-value-$1", "source-value-(.*)")).isEqualTo("destination-value-10");
  }

  @Test
  void replaceDoesNotMatchASubstring() {
    assertThat(replace(METRIC, "dst", "x-$1", "src", "value-(.*)")).isSameAs(METRIC);
  }

  @Test
  void replaceFillsSeveralGroups() {
    assertThat(replaceDst("$1-value-$2", "(.*)-value-(.*)")).isEqualTo("source-value-10");
  }

  @Test
  void aMissingSourceLabelIsMatchedAsEmpty() {
    assertThat(replace(METRIC, "dst", "value-$1", "nonexistent", "(.*)").get("dst")).isEqualTo("value-");
  }

  @Test
  void anEmptyResultRemovesTheDestination() {
    assertThat(replace(METRIC, "dst", "", "dst", ".*").has("dst")).isFalse();
  }

  @Test
  void replaceKeepsTheMetricName() {
    assertThat(replace(METRIC, "dst", "x", "src", ".*").get("__name__")).isEqualTo("testmetric");
  }

  @Test
  void aDigitFollowedByLettersNamesAGroupThatDoesNotExist() {
    assertThat(replaceDst("[$1x]", "source-(.*)")).isEqualTo("[]");
  }

  @Test
  void bracesDelimitAGroupNumber() {
    assertThat(replaceDst("${1}x", "source-(.*)")).isEqualTo("value-10x");
  }

  @Test
  void namedGroupsAreReferencedByName() {
    assertThat(replaceDst("$kind:${num}", "source-(?P<kind>[a-z]+)-(?P<num>\\d+)")).isEqualTo("value:10");
  }

  @Test
  void aDoubleDollarIsALiteralDollar() {
    assertThat(replaceDst("$$1", "source-(.*)")).isEqualTo("$1");
  }

  @Test
  void aDollarWithoutANameStaysLiteral() {
    assertThat(replaceDst("cost: $ ${", "source-(.*)")).isEqualTo("cost: $ ${");
  }

  @Test
  void aLeadingZeroMakesTheReferenceAName() {
    assertThat(replaceDst("[$01]", "source-(.*)")).isEqualTo("[]");
  }

  @Test
  void aGroupThatTookNoPartExpandsToNothing() {
    assertThat(replaceDst("[$2]", "source-(.*)|(x)")).isEqualTo("[]");
  }

  @Test
  void groupZeroIsTheWholeMatch() {
    assertThat(replaceDst("$0", "source-.*")).isEqualTo("source-value-10");
  }

  @Test
  void anInvalidRegexIsAnExecutionErrorNamingTheRegex() {
    assertThatThrownBy(() -> LabelFunctions.compileLabelReplaceRegex("(.*"))
        .isInstanceOfSatisfying(PromqlException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.EXECUTION))
        .hasMessage("invalid regular expression in label_replace(): (.*");
  }

  @Test
  void anInvalidDestinationNameIsRejected() {
    assertThatThrownBy(() -> LabelFunctions.checkLabelReplaceDestination("invalid-label-name"))
        .hasMessage("invalid destination label name in label_replace(): invalid-label-name");
  }

  @Test
  void joinJoinsSourceValuesInOrder() {
    Labels in = Labels.of("src", "a", "src1", "b", "src2", "c");

    assertThat(LabelFunctions.labelJoin(in, "dst", "-", List.of("src", "src1", "src2")).get("dst"))
        .isEqualTo("a-b-c");
  }

  @Test
  void joinTreatsMissingSourcesAsEmpty() {
    Labels in = Labels.of("src", "a", "src1", "b");

    assertThat(LabelFunctions.labelJoin(in, "dst", "-", List.of("src", "src3", "src1")).get("dst"))
        .isEqualTo("a--b");
  }

  @Test
  void anEmptyJoinRemovesTheDestination() {
    Labels in = Labels.of("dst", "original");

    assertThat(LabelFunctions.labelJoin(in, "dst", "", List.of("empty1", "empty2")).has("dst")).isFalse();
  }

  @Test
  void joinWithoutSourcesRemovesTheDestination() {
    Labels in = Labels.of("dst", "original");

    assertThat(LabelFunctions.labelJoin(in, "dst", ", ", List.of()).has("dst")).isFalse();
  }

  @Test
  void joinChecksSourceNamesBeforeTheDestination() {
    assertThatThrownBy(() -> LabelFunctions.checkLabelJoinNames("bad-dst", List.of("ok", "bad-src")))
        .hasMessage("invalid source label name in label_join(): bad-src");
  }

  @Test
  void joinRejectsAnInvalidDestination() {
    assertThatThrownBy(() -> LabelFunctions.checkLabelJoinNames("bad-dst", List.of("ok")))
        .hasMessage("invalid destination label name in label_join(): bad-dst");
  }
}
