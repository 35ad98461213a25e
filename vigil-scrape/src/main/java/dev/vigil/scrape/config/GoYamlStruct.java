package dev.vigil.scrape.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fields of a Go struct as yaml.v2 marshals them: in declaration order, with the fields tagged
 * {@code omitempty} left out when they hold their zero value ("", false, 0, nil, an empty list or map).
 */
final class GoYamlStruct {
  private final List<GoYamlNode.Entry> fields = new ArrayList<>();

  GoYamlStruct field(String name, GoYamlNode value) {
    fields.add(new GoYamlNode.Entry(GoYamlNode.string(name), value));
    return this;
  }

  GoYamlStruct string(String name, String value) {
    return field(name, GoYamlNode.string(value));
  }

  /** An {@code omitempty} field, its value built only when the field is not zero. */
  GoYamlStruct omitEmpty(String name, boolean zero, Supplier<GoYamlNode> value) {
    return zero ? this : field(name, value.get());
  }

  GoYamlStruct omitEmpty(String name, String value) {
    return omitEmpty(name, value.isEmpty(), () -> GoYamlNode.string(value));
  }

  GoYamlStruct omitEmpty(String name, boolean value) {
    return omitEmpty(name, !value, () -> GoYamlNode.bool(true));
  }

  /** An unsigned integer held in a long's 64 bits. */
  GoYamlStruct omitEmptyUnsigned(String name, long value) {
    return omitEmpty(name, value == 0, () -> GoYamlNode.plain(Long.toUnsignedString(value)));
  }

  GoYamlNode.Mapping build() {
    return new GoYamlNode.Mapping(fields);
  }
}
