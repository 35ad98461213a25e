package dev.vigil.scrape.discovery;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.labels.LabelNames;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.labels.LabelsBuilder;
import dev.vigil.scrape.config.GoYamlScalar;
import dev.vigil.scrape.config.TargetGroup;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Reads a file_sd file as Prometheus 2.42's {@code readFile}: by extension, JSON as Go's
 * {@code json.Unmarshal} into {@code []*targetgroup.Group} (unknown fields refused, field names matched
 * without case as Go does) or YAML as yaml.v2's {@code UnmarshalStrict}; a list of
 * {@code {targets: [...], labels: {...}}}. Each group gets the source {@code <path>:<index>} and the
 * label {@code __meta_filepath}. Refusals carry Go's texts.
 */
final class TargetGroupFiles {
  /** A file that Prometheus would refuse to read; the message is Prometheus's error. */
  static final class FileSdException extends Exception {
    FileSdException(String message) {
      super(message);
    }
  }

  static final String FILEPATH_LABEL = "__meta_filepath";
  static final String ADDRESS_LABEL = "__address__";
  static final String GROUPS_TYPE = "[]*targetgroup.Group";
  static final String JSON_GROUP_TYPE =
      "struct { Targets []string \"json:\\\"targets\\\"\"; Labels model.LabelSet \"json:\\\"labels\\\"\" }";
  static final String YAML_GROUP_TYPE =
      "struct { Targets []string \"yaml:\\\"targets\\\"\"; Labels model.LabelSet \"yaml:\\\"labels\\\"\" }";
  /** SnakeYAML's nesting limit; a valid file nests 4 deep. */
  private static final int YAML_NESTING_LIMIT = 50;

  private TargetGroupFiles() {}

  /** A group as decoded, before its source and file label. */
  private record Decoded(List<String> targets, Map<String, String> labels) {}

  /**
   * The groups of one file.
   *
   * @param path the path as globbed; it names the sources and the {@code __meta_filepath} label
   * @throws FileSdException with Prometheus's error text
   */
  static List<TargetGroup> parse(String path, byte[] content) throws FileSdException {
    String ext = extension(path).toLowerCase(Locale.ROOT);
    List<Decoded> decoded;
    switch (ext) {
      case ".json":
        decoded = decodeJson(content);
        break;
      case ".yml":
      case ".yaml":
        decoded = decodeYaml(content);
        break;
      default:
        throw new FileSdException("unhandled file extension " + GoQuote.quote(ext));
    }
    List<TargetGroup> groups = new ArrayList<>(decoded.size());
    for (int i = 0; i < decoded.size(); i++) {
      Decoded group = decoded.get(i);
      if (group == null) {
        throw new FileSdException("nil target group item found");
      }
      List<Labels> targets = new ArrayList<>(group.targets().size());
      for (String address : group.targets()) {
        targets.add(Labels.of(ADDRESS_LABEL, address));
      }
      LabelsBuilder labels = Labels.builder();
      if (group.labels() != null) {
        group.labels().forEach((name, value) -> {
          if (!name.equals(FILEPATH_LABEL)) {
            labels.add(name, value);
          }
        });
      }
      labels.add(FILEPATH_LABEL, path);
      groups.add(new TargetGroup(targets, labels.build(), source(path, i)));
    }
    return groups;
  }

  /** Prometheus's fileSource. */
  static String source(String path, int index) {
    return path + ":" + index;
  }

  /** Go's filepath.Ext: from the last dot of the last element, or "". */
  static String extension(String path) {
    for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
      if (path.charAt(i) == '.') {
        return path.substring(i);
      }
    }
    return "";
  }

  // ---- JSON ----

  private static List<Decoded> decodeJson(byte[] data) throws FileSdException {
    try {
      GoJson.checkValid(data);
      GoJson.Cursor c = new GoJson.Cursor(data, 0, data.length);
      int first = c.peek();
      if (first == 'n') {
        return List.of();
      }
      if (first != '[') {
        throw new GoJson.JsonException(typeError(kind(first), GROUPS_TYPE));
      }
      c.expect('[');
      List<Decoded> groups = new ArrayList<>();
      if (c.empty(']')) {
        return groups;
      }
      do {
        if (c.peek() == 'n') {
          c.skipValue();
          groups.add(null);
        } else {
          c.skipSpace();
          int start = c.pos;
          c.skipValue();
          groups.add(decodeJsonGroup(data, start, c.pos));
        }
      } while (c.more(']'));
      return groups;
    } catch (GoJson.JsonException e) {
      throw new FileSdException(e.getMessage());
    }
  }

  /** targetgroup.Group's UnmarshalJSON: a decoder of its own that refuses unknown fields. */
  private static Decoded decodeJsonGroup(byte[] data, int start, int end) throws GoJson.JsonException {
    GoJson.Cursor c = new GoJson.Cursor(data, start, end);
    int first = c.peek();
    if (first != '{') {
      throw new GoJson.JsonException(typeError(kind(first), JSON_GROUP_TYPE));
    }
    c.expect('{');
    String saved = null;
    List<String> targets = List.of();
    Map<String, String> labels = null;
    if (!c.empty('}')) {
      do {
        String key = c.string();
        c.expect(':');
        String field = jsonField(key);
        if (field == null) {
          saved = first(saved, "json: unknown field " + GoQuote.quote(key));
          c.skipValue();
        } else if (field.equals("targets")) {
          int v = c.peek();
          if (v == 'n') {
            c.skipValue();
            targets = List.of();
          } else if (v == '[') {
            c.expect('[');
            // Go decodes into the slice it has, so a null or mistyped element keeps the old element.
            List<String> previous = targets;
            List<String> next = new ArrayList<>();
            if (!c.empty(']')) {
              do {
                int e = c.peek();
                String old = next.size() < previous.size() ? previous.get(next.size()) : "";
                if (e == '"') {
                  next.add(c.string());
                } else {
                  if (e != 'n') {
                    saved = first(saved, fieldTypeError(kind(e), "targets", "string"));
                  }
                  c.skipValue();
                  next.add(old);
                }
              } while (c.more(']'));
            }
            targets = next;
          } else {
            saved = first(saved, fieldTypeError(kind(v), "targets", "[]string"));
            c.skipValue();
          }
        } else {
          c.skipSpace();
          int valueStart = c.pos;
          c.skipValue();
          labels = decodeJsonLabelSet(data, valueStart, c.pos);
        }
      } while (c.more('}'));
    }
    if (saved != null) {
      throw new GoJson.JsonException(saved);
    }
    return new Decoded(targets, labels);
  }

  /**
   * model.LabelSet's UnmarshalJSON: a map of strings, then every name checked. Its type errors reach
   * the group's decoder, which names the field "labels" in them; they end the group's decoding at once.
   */
  private static Map<String, String> decodeJsonLabelSet(byte[] data, int start, int end) throws GoJson.JsonException {
    GoJson.Cursor c = new GoJson.Cursor(data, start, end);
    int first = c.peek();
    if (first == 'n') {
      return null;
    }
    if (first != '{') {
      throw new GoJson.JsonException(fieldTypeError(kind(first), "labels", "map[model.LabelName]model.LabelValue"));
    }
    c.expect('{');
    String saved = null;
    Map<String, String> labels = new LinkedHashMap<>();
    if (!c.empty('}')) {
      do {
        String name = c.string();
        c.expect(':');
        int v = c.peek();
        if (v == '"') {
          labels.put(name, c.string());
        } else {
          if (v != 'n') {
            saved = first(saved, fieldTypeError(kind(v), "labels", "model.LabelValue"));
          }
          c.skipValue();
          labels.put(name, "");
        }
      } while (c.more('}'));
    }
    if (saved != null) {
      throw new GoJson.JsonException(saved);
    }
    for (String name : labels.keySet()) {
      if (!LabelNames.isValidLabelName(name)) {
        throw new GoJson.JsonException(GoQuote.quote(name) + " is not a valid label name");
      }
    }
    return labels;
  }

  /** Go matches a JSON key to a field by exact name, else ignoring case (with Unicode's simple folding). */
  private static String jsonField(String key) {
    if (key.equals("targets") || key.equals("labels")) {
      return key;
    }
    if (key.equalsIgnoreCase("targets")) {
      return "targets";
    }
    if (key.equalsIgnoreCase("labels")) {
      return "labels";
    }
    return null;
  }

  private static String first(String saved, String error) {
    return saved != null ? saved : error;
  }

  private static String kind(int c) {
    switch (c) {
      case '{':
        return "object";
      case '[':
        return "array";
      case '"':
        return "string";
      case 't':
      case 'f':
        return "bool";
      default:
        return "number";
    }
  }

  private static String typeError(String value, String goType) {
    return "json: cannot unmarshal " + value + " into Go value of type " + goType;
  }

  private static String fieldTypeError(String value, String field, String goType) {
    return "json: cannot unmarshal " + value + " into Go struct field ." + field + " of type " + goType;
  }

  // ---- YAML ----

  private static List<Decoded> decodeYaml(byte[] content) throws FileSdException {
    String text = YamlText.decode(content);
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(Integer.MAX_VALUE);
      options.setNestingDepthLimit(YAML_NESTING_LIMIT);
      Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
          options);
      // yaml.v2 reads the first document only.
      Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
      root = documents.hasNext() ? documents.next() : null;
    } catch (MarkedYAMLException e) {
      // yaml.v2 names the 0-based line of a parser error's mark (so the line before it, in effect), the
      // 1-based line of a scanner error's, and none when the mark is on the first line.
      int line = 0;
      if (e.getProblemMark() != null && e.getProblemMark().getLine() != 0) {
        line = e.getProblemMark().getLine() + (e instanceof ScannerException ? 1 : 0);
      } else if (e.getContextMark() != null && e.getContextMark().getLine() != 0) {
        line = e.getContextMark().getLine();
      }
      throw new FileSdException("yaml: " + (line > 0 ? "line " + line + ": " : "") + e.getProblem());
    } catch (RuntimeException | StackOverflowError e) {
      throw new FileSdException("yaml: " + e.getMessage());
    }
    YamlGroups reader = new YamlGroups();
    List<Decoded> groups = reader.groups(root);
    if (!reader.errors.isEmpty()) {
      throw new FileSdException("yaml: unmarshal errors:\n  " + String.join("\n  ", reader.errors));
    }
    return groups;
  }

  /** yaml.v2's strict decoding of the groups: type errors are collected, a bad label name stops at once. */
  private static final class YamlGroups {
    final List<String> errors = new ArrayList<>();

    List<Decoded> groups(Node root) throws FileSdException {
      List<Decoded> groups = new ArrayList<>();
      if (root == null || isNullish(root)) {
        return groups;
      }
      if (root.getNodeId() != NodeId.sequence) {
        mismatch(root, GROUPS_TYPE);
        return groups;
      }
      for (Node item : ((SequenceNode) root).getValue()) {
        // yaml.v2 leaves the pointer nil for these spellings of null only; "Null" makes an empty group.
        if (isNilPointer(item)) {
          groups.add(null);
        } else if (isQuotedNull(item)) {
          // A quoted null skips the group's unmarshaler and cannot fill the pointer.
          mismatch(item, "*targetgroup.Group");
          groups.add(null);
        } else {
          groups.add(group(item));
        }
      }
      return groups;
    }

    private Decoded group(Node node) throws FileSdException {
      List<String> targets = List.of();
      Map<String, String> labels = null;
      if (node.getNodeId() != NodeId.mapping) {
        if (!isNullish(node)) {
          mismatch(node, YAML_GROUP_TYPE);
        }
        return new Decoded(targets, labels);
      }
      Set<String> done = new HashSet<>();
      for (NodeTuple pair : ((MappingNode) node).getValue()) {
        Node keyNode = pair.getKeyNode();
        if (keyNode.getNodeId() != NodeId.scalar) {
          mismatch(keyNode, "string");
          continue;
        }
        String key = scalarString(keyNode);
        if (!key.equals("targets") && !key.equals("labels")) {
          errors.add("line " + line(keyNode) + ": field " + key + " not found in type " + YAML_GROUP_TYPE);
          continue;
        }
        if (!done.add(key)) {
          errors.add("line " + line(keyNode) + ": field " + key + " already set in type " + YAML_GROUP_TYPE);
          continue;
        }
        if (key.equals("targets")) {
          targets = targets(pair.getValueNode());
        } else {
          labels = labelSet(pair.getValueNode());
        }
      }
      return new Decoded(targets, labels);
    }

    private List<String> targets(Node node) {
      List<String> targets = new ArrayList<>();
      if (node.getNodeId() != NodeId.sequence) {
        if (!isNullish(node)) {
          mismatch(node, "[]string");
        }
        return targets;
      }
      for (Node item : ((SequenceNode) node).getValue()) {
        if (item.getNodeId() != NodeId.scalar) {
          mismatch(item, "string");
        } else {
          targets.add(scalarString(item));
        }
      }
      return targets;
    }

    private Map<String, String> labelSet(Node node) throws FileSdException {
      if (node.getNodeId() != NodeId.mapping) {
        if (!isNullish(node)) {
          mismatch(node, "model.LabelSet");
        }
        return null;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      for (NodeTuple pair : ((MappingNode) node).getValue()) {
        Node keyNode = pair.getKeyNode();
        Node valueNode = pair.getValueNode();
        if (keyNode.getNodeId() != NodeId.scalar) {
          mismatch(keyNode, "string");
          continue;
        }
        // model.LabelName's UnmarshalYAML. (yaml.v2 would let a key spelled null, ~ or nothing through
        // as the empty name; Vigil refuses it like every other invalid name.)
        String name = scalarString(keyNode);
        if (!LabelNames.isValidLabelName(name)) {
          throw new FileSdException(GoQuote.quote(name) + " is not a valid label name");
        }
        if (valueNode.getNodeId() != NodeId.scalar) {
          mismatch(valueNode, "model.LabelValue");
          continue;
        }
        String value = scalarString(valueNode);
        if (labels.containsKey(name)) {
          errors.add("line " + line(valueNode) + ": key " + GoQuote.quote(name) + " already set in map");
          continue;
        }
        labels.put(name, value);
      }
      return labels;
    }

    private void mismatch(Node node, String goType) {
      String what;
      if (node.getNodeId() == NodeId.scalar) {
        ScalarNode scalar = (ScalarNode) node;
        what = YamlText.tag(scalar.getValue(), scalar.isPlain()) + " `" + YamlText.shorten(scalar.getValue()) + "`";
      } else {
        what = node.getNodeId() == NodeId.sequence ? "!!seq" : "!!map";
      }
      errors.add("line " + line(node) + ": cannot unmarshal " + what + " into " + goType);
    }
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** A scalar yaml.v2 resolves to null, which leaves a string empty and a struct or map as it is. */
  private static boolean isNullish(Node node) {
    return node.getNodeId() == NodeId.scalar && YamlText.isNull(((ScalarNode) node).getValue(),
        ((ScalarNode) node).isPlain());
  }

  /** yaml.v2's decoder.prepare leaves a pointer nil only for these plain spellings. */
  private static boolean isNilPointer(Node node) {
    if (node.getNodeId() != NodeId.scalar || !((ScalarNode) node).isPlain()) {
      return false;
    }
    String value = ((ScalarNode) node).getValue();
    return value.equals("null") || value.equals("~") || value.isEmpty();
  }

  private static boolean isQuotedNull(Node node) {
    if (node.getNodeId() != NodeId.scalar || ((ScalarNode) node).isPlain()) {
      return false;
    }
    String value = ((ScalarNode) node).getValue();
    return value.equals("null") || value.equals("~");
  }

  /** A scalar's text as Go reads it into a string: its spelling, or "" for null. */
  private static String scalarString(Node node) {
    return isNullish(node) ? "" : ((ScalarNode) node).getValue();
  }

  /** YAML text checks as yaml.v2 does them; scalar resolution is the config reader's. */
  static final class YamlText {
    private YamlText() {}

    /** Whether yaml.v2 resolves a scalar to null. */
    static boolean isNull(String text, boolean plain) {
      return GoYamlScalar.tag(text, plain).equals(GoYamlScalar.NULL);
    }

    /** The tag yaml.v2 resolves a scalar to; a quoted scalar is a string. */
    static String tag(String text, boolean plain) {
      return GoYamlScalar.tag(text, plain);
    }

    /** yaml.v2 cuts a value longer than 10 bytes to its first 7 and "...". */
    static String shorten(String value) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      if (utf8.length <= 10) {
        return value;
      }
      return new String(utf8, 0, 7, StandardCharsets.UTF_8) + "...";
    }

    /**
     * The text of a YAML file, checked as yaml.v2's reader checks it: UTF-8 (or UTF-16 after its byte
     * order mark) that decodes cleanly, without control characters.
     */
    static String decode(byte[] b) throws FileSdException {
      if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
        return utf16(b, 2, false);
      }
      if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
        return utf16(b, 2, true);
      }
      int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
      StringBuilder out = new StringBuilder(b.length - start);
      for (int i = start; i < b.length; ) {
        int octet = b[i] & 0xFF;
        int width;
        int value;
        if ((octet & 0x80) == 0) {
          width = 1;
          value = octet;
        } else if ((octet & 0xE0) == 0xC0) {
          width = 2;
          value = octet & 0x1F;
        } else if ((octet & 0xF0) == 0xE0) {
          width = 3;
          value = octet & 0x0F;
        } else if ((octet & 0xF8) == 0xF0) {
          width = 4;
          value = octet & 0x07;
        } else {
          throw new FileSdException("yaml: invalid leading UTF-8 octet");
        }
        if (i + width > b.length) {
          throw new FileSdException("yaml: incomplete UTF-8 octet sequence");
        }
        for (int k = 1; k < width; k++) {
          int trailing = b[i + k] & 0xFF;
          if ((trailing & 0xC0) != 0x80) {
            throw new FileSdException("yaml: invalid trailing UTF-8 octet");
          }
          value = (value << 6) + (trailing & 0x3F);
        }
        boolean shortest = width == 1 || width == 2 && value >= 0x80 || width == 3 && value >= 0x800
            || width == 4 && value >= 0x10000;
        if (!shortest) {
          throw new FileSdException("yaml: invalid length of a UTF-8 sequence");
        }
        if (value >= 0xD800 && value <= 0xDFFF || value > 0x10FFFF) {
          throw new FileSdException("yaml: invalid Unicode character");
        }
        checkAllowed(value);
        out.appendCodePoint(value);
        i += width;
      }
      return out.toString();
    }

    private static String utf16(byte[] b, int start, boolean bigEndian) throws FileSdException {
      StringBuilder out = new StringBuilder((b.length - start) / 2);
      for (int i = start; i < b.length; ) {
        if (i + 2 > b.length) {
          throw new FileSdException("yaml: incomplete UTF-16 character");
        }
        int unit = unit(b, i, bigEndian);
        i += 2;
        int value = unit;
        if ((unit & 0xFC00) == 0xDC00) {
          throw new FileSdException("yaml: unexpected low surrogate area");
        }
        if ((unit & 0xFC00) == 0xD800) {
          if (i + 2 > b.length) {
            throw new FileSdException("yaml: incomplete UTF-16 surrogate pair");
          }
          int low = unit(b, i, bigEndian);
          if ((low & 0xFC00) != 0xDC00) {
            throw new FileSdException("yaml: expected low surrogate area");
          }
          i += 2;
          value = 0x10000 + ((unit & 0x3FF) << 10) + (low & 0x3FF);
        }
        checkAllowed(value);
        out.appendCodePoint(value);
      }
      return out.toString();
    }

    private static int unit(byte[] b, int i, boolean bigEndian) {
      int b0 = b[i] & 0xFF;
      int b1 = b[i + 1] & 0xFF;
      return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    private static void checkAllowed(int value) throws FileSdException {
      boolean allowed = value == 0x09 || value == 0x0A || value == 0x0D || value >= 0x20 && value <= 0x7E
          || value == 0x85 || value >= 0xA0 && value <= 0xD7FF || value >= 0xE000 && value <= 0xFFFD
          || value >= 0x10000 && value <= 0x10FFFF;
      if (!allowed) {
        throw new FileSdException("yaml: control characters are not allowed");
      }
    }
  }
}
