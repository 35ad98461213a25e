package dev.vigil.scrape.config;

import dev.vigil.core.labels.GoQuote;
import dev.vigil.core.model.PromDuration;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads SnakeYAML's node tree the way Prometheus's decoder (yaml.v2 in strict mode) reads YAML.
 *
 * <p>Type mismatches, unknown fields and repeated keys are collected with their lines and reading
 * goes on, so one report lists them all, as Prometheus's "yaml: unmarshal errors" does; a section
 * with such errors is not validated. Any other problem stops reading by throwing {@link InvalidConfig}.
 * A null value leaves the Go zero value: "", false, 0, an empty list, or an absent section.
 */
final class YamlReader {
  private final List<String> typeErrors = new ArrayList<>();

  /** Collected type errors so far; a reader compares counts to learn whether its section had any. */
  int errorCount() {
    return typeErrors.size();
  }

  /** Prometheus's rendering of the collected errors, or null when there are none. */
  String typeErrorReport() {
    return typeErrors.isEmpty() ? null : "yaml: unmarshal errors:\n  " + String.join("\n  ", typeErrors);
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  static boolean isNull(Node node) {
    return node.getNodeId() == NodeId.scalar && tagOf((ScalarNode) node).equals(GoYamlScalar.NULL);
  }

  private static String tagOf(ScalarNode node) {
    return GoYamlScalar.tag(node.getValue(), node.isPlain());
  }

  /** Records "cannot unmarshal" for a node that does not fit the Go type named. */
  void mismatch(Node node, String goType) {
    String what;
    if (node.getNodeId() == NodeId.scalar) {
      ScalarNode scalar = (ScalarNode) node;
      String value = scalar.getValue();
      value = value.length() > 10 ? value.substring(0, 7) + "..." : value;
      what = tagOf(scalar) + " `" + value + "`";
    } else {
      what = node.getNodeId() == NodeId.sequence ? "!!seq" : "!!map";
    }
    typeErrors.add("line " + line(node) + ": cannot unmarshal " + what + " into " + goType);
  }

  /** A scalar's text as Go reads it into a string: numbers and booleans keep their spelling. */
  String string(Node node) {
    if (node.getNodeId() != NodeId.scalar) {
      mismatch(node, "string");
      return "";
    }
    return isNull(node) ? "" : ((ScalarNode) node).getValue();
  }

  boolean bool(Node node) {
    if (isNull(node)) {
      return false;
    }
    if (node.getNodeId() == NodeId.scalar && tagOf((ScalarNode) node).equals(GoYamlScalar.BOOL)) {
      return GoYamlScalar.isTrue(((ScalarNode) node).getValue());
    }
    mismatch(node, "bool");
    return false;
  }

  /** An unsigned 64-bit integer (Go's uint and uint64 alike), returned in a long's 64 bits. */
  long unsigned(Node node, String goType) {
    if (isNull(node)) {
      return 0;
    }
    BigInteger value = number(node);
    if (value != null && value.signum() >= 0 && value.bitLength() <= 64) {
      return value.longValue();
    }
    mismatch(node, goType);
    return 0;
  }

  long signed(Node node, String goType) {
    if (isNull(node)) {
      return 0;
    }
    BigInteger value = number(node);
    if (value != null && value.bitLength() < 64) {
      return value.longValue();
    }
    mismatch(node, goType);
    return 0;
  }

  /** An int scalar, or a float one truncated toward zero as Go converts it; else null. */
  private static BigInteger number(Node node) {
    if (node.getNodeId() != NodeId.scalar) {
      return null;
    }
    ScalarNode scalar = (ScalarNode) node;
    String tag = tagOf(scalar);
    if (tag.equals(GoYamlScalar.INT)) {
      return GoYamlScalar.integer(scalar.getValue());
    }
    if (tag.equals(GoYamlScalar.FLOAT)) {
      double d = GoYamlScalar.floating(scalar.getValue());
      return Double.isFinite(d) ? BigDecimal.valueOf(d).toBigInteger() : null;
    }
    return null;
  }

  /**
   * A Prometheus duration (milliseconds); 0 for null.
   *
   * @throws InvalidConfig with model.ParseDuration's message
   */
  long duration(Node node) {
    if (isNull(node)) {
      return 0;
    }
    int before = errorCount();
    String text = string(node);
    if (errorCount() > before) {
      return 0;
    }
    try {
      return PromDuration.parseMillis(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfig(line(node), e.getMessage(), e);
    }
  }

  /** The items of a sequence; none for null; a mismatch for anything else. */
  List<Node> sequence(Node node, String goType) {
    if (node.getNodeId() == NodeId.sequence) {
      return ((SequenceNode) node).getValue();
    }
    if (!isNull(node)) {
      mismatch(node, goType);
    }
    return List.of();
  }

  List<String> strings(Node node) {
    List<String> out = new ArrayList<>();
    for (Node item : sequence(node, "[]string")) {
      out.add(string(item));
    }
    return out;
  }

  /**
   * Reads a mapping into a Go struct: each known key goes to its field reader in document order;
   * unknown keys and keys given twice are type errors naming {@code goType}, as in yaml.v2's strict mode.
   */
  void struct(Node node, String goType, Map<String, Consumer<Node>> fields) {
    if (node.getNodeId() != NodeId.mapping) {
      if (!isNull(node)) {
        mismatch(node, goType);
      }
      return;
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple pair : ((MappingNode) node).getValue()) {
      Node keyNode = pair.getKeyNode();
      String key = keyNode.getNodeId() == NodeId.scalar ? ((ScalarNode) keyNode).getValue() : "";
      Consumer<Node> field = fields.get(key);
      if (field == null) {
        typeErrors.add("line " + line(keyNode) + ": field " + key + " not found in type " + goType);
      } else if (!seen.add(key)) {
        typeErrors.add("line " + line(keyNode) + ": field " + key + " already set in type " + goType);
      } else {
        field.accept(pair.getValueNode());
      }
    }
  }

  /**
   * Reads a mapping into a Go map with string keys; a key given twice is a type error at its value's
   * line, and the first value stays. The consumer sees each key once, in document order.
   */
  void map(Node node, String goType, BiConsumer<String, Node> entry) {
    if (node.getNodeId() != NodeId.mapping) {
      if (!isNull(node)) {
        mismatch(node, goType);
      }
      return;
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple pair : ((MappingNode) node).getValue()) {
      int before = errorCount();
      String key = string(pair.getKeyNode());
      if (errorCount() > before) {
        continue;
      }
      if (seen.add(key)) {
        entry.accept(key, pair.getValueNode());
      } else {
        typeErrors.add("line " + line(pair.getValueNode()) + ": key " + GoQuote.quote(key) + " already set in map");
      }
    }
  }
}
