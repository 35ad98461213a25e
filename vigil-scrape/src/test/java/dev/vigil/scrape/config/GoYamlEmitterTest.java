package dev.vigil.scrape.config;

import static dev.vigil.scrape.config.GoYamlNode.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Layout as yaml.v2 writes it; every expectation was read from Prometheus 2.42's output. */
class GoYamlEmitterTest {
  private static GoYamlNode.Mapping mapping(Object... keysAndValues) {
    GoYamlStruct struct = new GoYamlStruct();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      struct.field((String) keysAndValues[i], (GoYamlNode) keysAndValues[i + 1]);
    }
    return struct.build();
  }

  private static GoYamlNode.Sequence sequence(GoYamlNode... items) {
    return new GoYamlNode.Sequence(List.of(items), false);
  }

  @Test
  void aSequenceUnderAKeyIsNotIndentedAndAMappingInASequenceStartsOnTheDashLine() {
    GoYamlNode document = mapping("jobs", sequence(
        mapping("name", string("a"), "targets", GoYamlNode.strings(List.of("h:1", "h:2"))),
        mapping("name", string("b"))));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo("""
        jobs:
        - name: a
          targets:
          - h:1
          - h:2
        - name: b
        """);
  }

  @Test
  void nestedMappingsIndentByTwo() {
    GoYamlNode document = mapping("global", mapping("labels", mapping("a", string("b"))));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo("global:\n  labels:\n    a: b\n");
  }

  @Test
  void emptyCollectionsAreWrittenInFlowStyle() {
    GoYamlNode document = mapping("targets", sequence(), "labels", new GoYamlNode.Mapping(List.of()));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo("targets: []\nlabels: {}\n");
  }

  @Test
  void aFlowSequenceQuotesWhatItsContextNeedsAndWrapsPastEightyColumns() {
    GoYamlNode document = mapping("rules", sequence(mapping("source_labels", GoYamlNode.flowStrings(List.of(
        "true", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbb", "ccccccccccccccccccccccc", "dddddddddddddddddddd")))));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo("""
        rules:
        - source_labels: ["true", aaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbb, ccccccccccccccccccccccc,
            dddddddddddddddddddd]
        """);
  }

  @Test
  void aLongPlainValueFoldsAtTheFirstSpacePastEightyColumns() {
    String value = "the quick brown fox jumps over the lazy dog and keeps running far far away into the distance";
    GoYamlNode document = mapping("labels", mapping("long", string(value)));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo("labels:\n"
        + "  long: the quick brown fox jumps over the lazy dog and keeps running far far away\n"
        + "    into the distance\n");
  }

  @Test
  void aLongQuotedValueFoldsToo() {
    String value = "the quick brown fox: jumps over the lazy dog and keeps running far far away into the hills";
    GoYamlNode document = mapping("k", string(value));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo(
        "k: 'the quick brown fox: jumps over the lazy dog and keeps running far far away into\n  the hills'\n");
  }

  @Test
  void aKeyOverOneHundredTwentyEightBytesOrSpanningLinesIsAComplexKey() {
    String longKey = "a".repeat(129);
    GoYamlNode document = GoYamlNode.stringMap(Map.of(
        longKey, string("v"),
        "a\nb", GoYamlNode.strings(List.of("y"))));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo("? |-\n  a\n  b\n: - \"y\"\n? " + longKey + "\n: v\n");
  }

  @Test
  void aKeyOfExactlyOneHundredTwentyEightBytesIsSimple() {
    String key = "a".repeat(128);
    assertThat(GoYamlEmitter.emit(mapping(key, string("v")))).isEqualTo(key + ": v\n");
  }

  @Test
  void anEmptyKeyIsDoubleQuoted() {
    assertThat(GoYamlEmitter.emit(GoYamlNode.stringMap(Map.of("", string("e"))))).isEqualTo("\"\": e\n");
  }

  @Test
  void nullAndNumbersArePlain() {
    GoYamlNode document = mapping("regex", GoYamlNode.nil(), "port", GoYamlNode.plain("0"));
    assertThat(GoYamlEmitter.emit(document)).isEqualTo("regex: null\nport: 0\n");
  }
}
