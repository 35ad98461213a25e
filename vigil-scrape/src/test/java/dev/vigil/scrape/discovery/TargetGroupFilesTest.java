package dev.vigil.scrape.discovery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.labels.Labels;
import dev.vigil.scrape.config.TargetGroup;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetGroupFilesTest {
  private static final String CORPUS = "file_sd_corpus/";
  /** Syntax errors: yaml.v2 and SnakeYAML word them differently; the line and the "yaml: " prefix agree. */
  private static final Set<String> YAML_SYNTAX = Set.of("y19.yml", "y40.yml");

  private static List<TargetGroup> parse(String path, String content) throws TargetGroupFiles.FileSdException {
    return TargetGroupFiles.parse(path, content.getBytes(UTF_8));
  }

  private static String error(String path, byte[] content) {
    try {
      TargetGroupFiles.parse(path, content);
    } catch (TargetGroupFiles.FileSdException e) {
      return e.getMessage();
    }
    return null;
  }

  private static String error(String path, String content) {
    return error(path, content.getBytes(UTF_8));
  }

  private static List<String> addresses(List<TargetGroup> groups) {
    List<String> out = new ArrayList<>();
    for (TargetGroup g : groups) {
      g.targets().forEach(t -> out.add(t.get("__address__")));
    }
    return out;
  }

  // ---- the corpus recorded from Prometheus 2.42.0 ----

  static Stream<Arguments> corpus() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in = TargetGroupFilesTest.class.getResourceAsStream(CORPUS + "expected.tsv")) {
      for (String line : new String(in.readAllBytes(), UTF_8).split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        cases.add(Arguments.of(parts[0], parts[1].equals("ok") ? null : jsonUnquote(parts[1])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyCorpusFileGetsPrometheussVerdict(String file, String expected) throws IOException {
    byte[] content;
    try (InputStream in = TargetGroupFilesTest.class.getResourceAsStream(CORPUS + file)) {
      content = in.readAllBytes();
    }
    String actual = error("/tmp/fsd-oracle/files/" + file, content);
    if (YAML_SYNTAX.contains(file)) {
      String prefix = expected.substring(0, expected.indexOf(':', "yaml: line".length()) + 1);
      assertThat(actual).startsWith(prefix);
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  /** Reads a JSON string literal (the corpus's expectations are written as such). */
  private static String jsonUnquote(String quoted) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = quoted.charAt(++i);
      switch (e) {
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case 'r': out.append('\r'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'u':
          out.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
          i += 4;
          break;
        default: out.append(e);
      }
    }
    return out.toString();
  }

  // ---- what valid files give ----

  @Test
  void aJsonFileGivesGroupsWithSourcesAndTheFileLabel() throws Exception {
    List<TargetGroup> groups = parse("sd/a.json",
        "[{\"targets\": [\"h1:9100\", \"h2:9100\"], \"labels\": {\"env\": \"prod\"}}, {\"targets\": []}]");
    assertThat(groups).containsExactly(
        new TargetGroup(List.of(Labels.of("__address__", "h1:9100"), Labels.of("__address__", "h2:9100")),
            Labels.of("env", "prod", "__meta_filepath", "sd/a.json"), "sd/a.json:0"),
        new TargetGroup(List.of(), Labels.of("__meta_filepath", "sd/a.json"), "sd/a.json:1"));
  }

  @Test
  void aYamlFileGivesTheSameGroups() throws Exception {
    List<TargetGroup> groups = parse("sd/a.yaml", "- targets: ['h1:9100', h2:9100]\n  labels:\n    env: prod\n- {}\n");
    assertThat(groups).containsExactly(
        new TargetGroup(List.of(Labels.of("__address__", "h1:9100"), Labels.of("__address__", "h2:9100")),
            Labels.of("env", "prod", "__meta_filepath", "sd/a.yaml"), "sd/a.yaml:0"),
        new TargetGroup(List.of(), Labels.of("__meta_filepath", "sd/a.yaml"), "sd/a.yaml:1"));
  }

  @Test
  void theExtensionChoosesTheFormatWhateverItsCase() throws Exception {
    assertThat(addresses(parse("x.JSON", "[{\"targets\": [\"a\"]}]"))).containsExactly("a");
    assertThat(addresses(parse("x.YML", "- targets: [a]"))).containsExactly("a");
    assertThat(error("x.txt", "[]")).isEqualTo("unhandled file extension \".txt\"");
  }

  @Test
  void theFileLabelWinsOverOneWrittenInTheFile() throws Exception {
    assertThat(parse("f.json", "[{\"labels\": {\"__meta_filepath\": \"x\"}}]").get(0).labels())
        .isEqualTo(Labels.of("__meta_filepath", "f.json"));
  }

  @Test
  void yamlScalarsKeepTheirSpelling() throws Exception {
    assertThat(addresses(parse("f.yml", "- targets: [1, true, 1.5, ~, 0x1F, '07']")))
        .containsExactly("1", "true", "1.5", "", "0x1F", "07");
    assertThat(parse("f.yml", "- labels: {a: 1, b: true, c: }").get(0).labels())
        .isEqualTo(Labels.of("a", "1", "b", "true", "c", "", "__meta_filepath", "f.yml"));
  }

  @Test
  void jsonStringsDecodeAsGoDecodesThem() throws Exception {
    // Invalid UTF-8 bytes and lone surrogate escapes become U+FFFD, one per byte as Go's DecodeRune.
    byte[] content = "[{\"targets\": [\"\u00ff\", \"\\ud800x\", \"\\ud83d\\ude00\", \"\\u00e9\\n\\/\"]}]".getBytes(UTF_8);
    content[15] = (byte) 0xFF;
    content[16] = (byte) 0xED;
    assertThat(addresses(TargetGroupFiles.parse("f.json", content)))
        .containsExactly("\uFFFD\uFFFD", "\uFFFDx", "\uD83D\uDE00", "\u00e9\n/");
  }

  @Test
  void jsonFieldsMatchWithoutCaseAsInGo() throws Exception {
    List<TargetGroup> groups = parse("f.json", "[{\"TARGETS\": [\"b\"], \"Labels\": {\"x\": \"y\"}}, {\"target\u017f\": [\"c\"]}]");
    assertThat(addresses(groups)).containsExactly("b", "c");
  }

  @Test
  void aRepeatedJsonFieldDecodesIntoWhatTheFirstLeft() throws Exception {
    // Go reuses the slice: a null element keeps the element that was there.
    assertThat(addresses(parse("f.json", "[{\"targets\": [\"a\", \"b\"], \"targets\": [null]}]"))).containsExactly("a");
    assertThat(parse("f.json", "[{\"labels\": {\"a\": \"b\"}, \"labels\": {\"c\": \"d\"}}]").get(0).labels())
        .isEqualTo(Labels.of("c", "d", "__meta_filepath", "f.json"));
  }

  @Test
  void emptyAndNullDocumentsHaveNoGroups() throws Exception {
    assertThat(parse("f.json", "null")).isEmpty();
    assertThat(parse("f.json", " [ ] ")).isEmpty();
    assertThat(parse("f.yml", "")).isEmpty();
    assertThat(parse("f.yml", "# nothing\n")).isEmpty();
    assertThat(parse("f.yml", "- Null\n")).hasSize(1);
  }

  @Test
  void onlyTheFirstYamlDocumentCounts() throws Exception {
    assertThat(addresses(parse("f.yml", "- targets: [a]\n---\n- bad: 1\n---\n: : :"))).containsExactly("a");
  }

  @Test
  void yamlAnchorsAndBomsWork() throws Exception {
    assertThat(addresses(parse("f.yml", "- &x {targets: [a]}\n- *x\n"))).containsExactly("a", "a");
    assertThat(addresses(parse("f.yml", "\uFEFF- targets: [bom]\n"))).containsExactly("bom");
    byte[] utf16 = "- targets: [w]\n".getBytes(java.nio.charset.StandardCharsets.UTF_16);
    assertThat(addresses(TargetGroupFiles.parse("f.yml", utf16))).containsExactly("w");
  }

  // ---- refusals beyond the corpus ----

  @Test
  void badLabelNamesAreRefusedInBothFormats() {
    assertThat(error("f.json", "[{\"labels\": {\"1x\": \"v\"}}]")).isEqualTo("\"1x\" is not a valid label name");
    assertThat(error("f.yml", "- labels: {caf\u00e9: v}")).isEqualTo("\"caf\u00e9\" is not a valid label name");
    // yaml.v2 would let a key spelled null through as the empty name; Vigil refuses it.
    assertThat(error("f.yml", "- labels: {null: v}")).isEqualTo("\"\" is not a valid label name");
    assertThat(error("f.yml", "- labels: {~: v}")).isEqualTo("\"\" is not a valid label name");
  }

  @Test
  void yamlTypeErrorsAreAllListedWithTheirLines() {
    assertThat(error("f.yml", "- targets: [a]\n  bar: 1\n- baz: 2\n- targets: {x: y}\n- labels: [q]\n"))
        .isEqualTo("yaml: unmarshal errors:\n"
            + "  line 2: field bar not found in type " + TargetGroupFiles.YAML_GROUP_TYPE + "\n"
            + "  line 3: field baz not found in type " + TargetGroupFiles.YAML_GROUP_TYPE + "\n"
            + "  line 4: cannot unmarshal !!map into []string\n"
            + "  line 5: cannot unmarshal !!seq into model.LabelSet");
  }

  @Test
  void deepYamlIsRefusedClearly() {
    String deep = "- targets: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
    assertThat(error("f.yml", deep)).startsWith("yaml: ").contains("Nesting Depth exceeded");
    String deepMaps = "- labels: " + "{a: ".repeat(5_000) + "b" + "}".repeat(5_000) + "\n";
    assertThat(error("f.yml", deepMaps)).startsWith("yaml: ");
  }

  @Test
  void deepJsonIsRefusedAsGoRefusesIt() {
    String atLimit = "[".repeat(GoJson.MAX_NESTING_DEPTH) + "]".repeat(GoJson.MAX_NESTING_DEPTH);
    assertThat(error("f.json", atLimit))
        .isEqualTo("json: cannot unmarshal array into Go value of type " + TargetGroupFiles.JSON_GROUP_TYPE);
    assertThat(error("f.json", "[" + atLimit + "]")).isEqualTo("invalid character '[' exceeded max depth");
    assertThat(error("f.json", "[{\"targets\": [\"a\"], \"x\": " + "[".repeat(9_000) + "]".repeat(9_000) + "}]"))
        .isEqualTo("json: unknown field \"x\"");
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
    }
    assertThat(error("f.yml", "- targets: [x]\n  labels: {z: y}\n- " + bomb.toString().replace("\n", "\n  ")))
        .startsWith("yaml: ");
  }

  @Test
  void aLargeValidFileIsReadQuickly() throws Exception {
    StringBuilder json = new StringBuilder("[");
    StringBuilder yaml = new StringBuilder();
    for (int g = 0; g < 400; g++) {
      json.append(g == 0 ? "" : ",").append("{\"labels\": {\"group\": \"g").append(g).append("\"}, \"targets\": [");
      yaml.append("- labels: {group: g").append(g).append("}\n  targets:\n");
      for (int t = 0; t < 50; t++) {
        json.append(t == 0 ? "" : ",").append("\"host-").append(g).append('-').append(t).append(":9100\"");
        yaml.append("  - host-").append(g).append('-').append(t).append(":9100\n");
      }
      json.append("]}");
    }
    json.append("]");
    long start = System.nanoTime();
    assertThat(parse("big.json", json.toString())).hasSize(400);
    assertThat(parse("big.yml", yaml.toString())).hasSize(400);
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
  }

  @Test
  void binaryGarbageIsRefusedWithoutHarm() {
    byte[] garbage = new byte[64 * 1024];
    new java.util.Random(42).nextBytes(garbage);
    garbage[0] = (byte) 0x81;
    assertThat(error("f.json", garbage)).isEqualTo("invalid character '\\u0081' looking for beginning of value");
    assertThat(error("f.yml", garbage)).isEqualTo("yaml: invalid leading UTF-8 octet");
    assertThat(error("f.yml", new byte[] {'-', ' ', (byte) 0xC3})).isEqualTo("yaml: incomplete UTF-8 octet sequence");
    assertThat(error("f.yml", new byte[] {'-', ' ', (byte) 0xC3, 'a'})).isEqualTo("yaml: invalid trailing UTF-8 octet");
    assertThat(error("f.yml", new byte[] {(byte) 0xC0, (byte) 0x80})).isEqualTo("yaml: invalid length of a UTF-8 sequence");
    assertThat(error("f.yml", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))
        .isEqualTo("yaml: invalid Unicode character");
  }

  @Test
  void jsonSyntaxErrorsHaveGosTexts() {
    assertThat(error("f.json", "[\"a\" \"b\"]")).isEqualTo("invalid character '\"' after array element");
    assertThat(error("f.json", "[{\"a\" 1}]")).isEqualTo("invalid character '1' after object key");
    assertThat(error("f.json", "[{\"a\": 1 \"b\"}]")).isEqualTo("invalid character '\"' after object key:value pair");
    assertThat(error("f.json", "[{1: 1}]")).isEqualTo("invalid character '1' looking for beginning of object key string");
    assertThat(error("f.json", "[\"\\q\"]")).isEqualTo("invalid character 'q' in string escape code");
    assertThat(error("f.json", "[\"\\u12x4\"]")).isEqualTo("invalid character 'x' in \\u hexadecimal character escape");
    assertThat(error("f.json", "[-x]")).isEqualTo("invalid character 'x' in numeric literal");
    assertThat(error("f.json", "[1e+]")).isEqualTo("invalid character ']' in exponent of numeric literal");
    assertThat(error("f.json", "[nul]")).isEqualTo("invalid character ']' in literal null (expecting 'l')");
    assertThat(error("f.json", "[fals ]")).isEqualTo("invalid character ' ' in literal false (expecting 'e')");
    assertThat(error("f.json", "[1] '")).isEqualTo("invalid character '\\'' after top-level value");
    assertThat(error("f.json", "[")).isEqualTo("unexpected end of JSON input");
  }

  @Test
  void nullGroupsAreRefusedOnlyWhenEverythingElseDecoded() {
    assertThat(error("f.json", "[null, {\"targets\": [1]}]"))
        .isEqualTo("json: cannot unmarshal number into Go struct field .targets of type string");
    assertThat(error("f.json", "[{}, null]")).isEqualTo("nil target group item found");
    assertThat(error("f.yml", "- \n- targets: [a]\n")).isEqualTo("nil target group item found");
  }

  @Test
  void refusalsAreCheckedException() {
    assertThatThrownBy(() -> parse("f.json", "{")).isInstanceOf(TargetGroupFiles.FileSdException.class);
  }
}
