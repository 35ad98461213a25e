package dev.vigil.scrape.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A document as Go's yaml.v2 encoder hands it to its emitter: scalars with the style the encoder asks
 * for, sequences (block, or flow for fields tagged {@code ,flow}) and mappings with their keys in order.
 * {@link GoYamlEmitter} writes it.
 */
sealed interface GoYamlNode permits GoYamlNode.Scalar, GoYamlNode.Sequence, GoYamlNode.Mapping {
  /** The styles the encoder asks for; the emitter may still fall back to a quoted one. */
  enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  record Scalar(String value, Style style) implements GoYamlNode {}

  record Sequence(List<GoYamlNode> items, boolean flow) implements GoYamlNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  record Mapping(List<Entry> entries) implements GoYamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }
  }

  record Entry(Scalar key, GoYamlNode value) {}

  /**
   * A Go string, as yaml.v2's encoder asks for it: a literal block when it holds a newline, plain when
   * it would read back as this string (and is not sexagesimal-looking), else double-quoted.
   */
  static Scalar string(String s) {
    if (s.contains("\n")) {
      return new Scalar(s, Style.LITERAL);
    }
    boolean readsBack = GoYamlScalar.tag(s, true).equals(GoYamlScalar.STR) && !GoYamlScalar.isBase60Float(s);
    return new Scalar(s, readsBack ? Style.PLAIN : Style.DOUBLE_QUOTED);
  }

  /** A bool, a number or null, written as its text. */
  static Scalar plain(String text) {
    return new Scalar(text, Style.PLAIN);
  }

  static Scalar bool(boolean value) {
    return plain(Boolean.toString(value));
  }

  /** What a nil pointer, or a Marshaler returning nil, becomes. */
  static Scalar nil() {
    return plain("null");
  }

  static Sequence strings(List<String> values) {
    return new Sequence(values.stream().<GoYamlNode>map(GoYamlNode::string).toList(), false);
  }

  static Sequence flowStrings(List<String> values) {
    return new Sequence(values.stream().<GoYamlNode>map(GoYamlNode::string).toList(), true);
  }

  /** A Go map with string keys, which yaml.v2 sorts in {@link GoYamlKeyOrder}. */
  static Mapping stringMap(Map<String, ? extends GoYamlNode> map) {
    List<Entry> entries = new ArrayList<>();
    map.keySet().stream().sorted(GoYamlKeyOrder.INSTANCE)
        .forEach(key -> entries.add(new Entry(string(key), map.get(key))));
    return new Mapping(entries);
  }
}
