package dev.vigil.scrape.config;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link GoYamlNode} document as yaml.v2's emitter (a port of libyaml's) does with yaml.v2's
 * settings: indent 2, unicode written as is, a block sequence under a mapping key not indented, empty
 * collections in flow style, keys that span lines or pass 128 bytes written as {@code ? key}, and each
 * scalar in the requested style unless its text or its place (a key, a flow collection) rules it out.
 */
final class GoYamlEmitter {
  private static final int MAX_SIMPLE_KEY_BYTES = 128;

  private final GoYamlOutput out = new GoYamlOutput();
  private final GoYamlScalarWriter scalars = new GoYamlScalarWriter(out);
  private int flowLevel;

  private GoYamlEmitter() {}

  /** The document's text, ending with a line break. */
  static String emit(GoYamlNode root) {
    GoYamlEmitter emitter = new GoYamlEmitter();
    emitter.node(root, false, false);
    emitter.out.writeIndent();
    return emitter.out.toString();
  }

  /**
   * @param underKey the node is a mapping's key or value
   * @param simpleKey the node is a key written without {@code ?}
   */
  private void node(GoYamlNode node, boolean underKey, boolean simpleKey) {
    if (node instanceof GoYamlNode.Scalar scalar) {
      scalar(scalar, simpleKey);
    } else if (node instanceof GoYamlNode.Sequence sequence) {
      if (flowLevel > 0 || sequence.flow() || sequence.items().isEmpty()) {
        flowSequence(sequence);
      } else {
        blockSequence(sequence, underKey);
      }
    } else {
      GoYamlNode.Mapping mapping = (GoYamlNode.Mapping) node;
      if (mapping.entries().isEmpty()) {
        out.writeIndicator("{", true, true, false);
        out.writeIndicator("}", false, false, false);
      } else {
        blockMapping(mapping);
      }
    }
  }

  /** Under a key on the key's own line ({@code key:} then items) the dashes stay at the key's indent. */
  private void blockSequence(GoYamlNode.Sequence sequence, boolean underKey) {
    out.increaseIndent(false, underKey && !out.indention());
    for (GoYamlNode item : sequence.items()) {
      out.writeIndent();
      out.writeIndicator("-", true, false, true);
      node(item, false, false);
    }
    out.popIndent();
  }

  /** Items go on a new line once the line has passed the width. */
  private void flowSequence(GoYamlNode.Sequence sequence) {
    out.writeIndicator("[", true, true, false);
    out.increaseIndent(true, false);
    flowLevel++;
    for (int i = 0; i < sequence.items().size(); i++) {
      if (i > 0) {
        out.writeIndicator(",", false, false, false);
      }
      if (out.column() > GoYamlOutput.BEST_WIDTH) {
        out.writeIndent();
      }
      node(sequence.items().get(i), false, false);
    }
    flowLevel--;
    out.popIndent();
    out.writeIndicator("]", false, false, false);
  }

  private void blockMapping(GoYamlNode.Mapping mapping) {
    out.increaseIndent(false, false);
    for (GoYamlNode.Entry entry : mapping.entries()) {
      out.writeIndent();
      if (isSimpleKey(entry.key())) {
        node(entry.key(), true, true);
        out.writeIndicator(":", false, false, false);
      } else {
        out.writeIndicator("?", true, false, true);
        node(entry.key(), true, false);
        out.writeIndent();
        out.writeIndicator(":", true, false, true);
      }
      node(entry.value(), true, false);
    }
    out.popIndent();
  }

  private static boolean isSimpleKey(GoYamlNode.Scalar key) {
    return !GoYamlScalarAnalysis.of(key.value().codePoints().toArray()).multiline()
        && key.value().getBytes(StandardCharsets.UTF_8).length <= MAX_SIMPLE_KEY_BYTES;
  }

  private void scalar(GoYamlNode.Scalar scalar, boolean simpleKey) {
    int[] text = scalar.value().codePoints().toArray();
    GoYamlNode.Style style = style(scalar.style(), GoYamlScalarAnalysis.of(text), text.length == 0, simpleKey);
    out.increaseIndent(true, false);
    switch (style) {
      case PLAIN -> scalars.plain(text, !simpleKey);
      case SINGLE_QUOTED -> scalars.singleQuoted(text, !simpleKey);
      case DOUBLE_QUOTED -> scalars.doubleQuoted(text, !simpleKey);
      case LITERAL -> scalars.literal(text);
    }
    out.popIndent();
  }

  /** Falls back from the requested style to one that the text and its place allow. */
  private GoYamlNode.Style style(GoYamlNode.Style requested, GoYamlScalarAnalysis analysis, boolean empty,
      boolean simpleKey) {
    GoYamlNode.Style style = requested;
    if (simpleKey && analysis.multiline()) {
      style = GoYamlNode.Style.DOUBLE_QUOTED;
    }
    if (style == GoYamlNode.Style.PLAIN) {
      boolean allowed = flowLevel > 0 ? analysis.flowPlainAllowed() : analysis.blockPlainAllowed();
      if (!allowed || (empty && (flowLevel > 0 || simpleKey))) {
        style = GoYamlNode.Style.SINGLE_QUOTED;
      }
    }
    if (style == GoYamlNode.Style.SINGLE_QUOTED && !analysis.singleQuotedAllowed()) {
      style = GoYamlNode.Style.DOUBLE_QUOTED;
    }
    if (style == GoYamlNode.Style.LITERAL && (!analysis.blockAllowed() || flowLevel > 0 || simpleKey)) {
      style = GoYamlNode.Style.DOUBLE_QUOTED;
    }
    return style;
  }
}
