package dev.vigil.promql.engine;

import dev.vigil.promql.value.Value;
import java.util.List;

/** A value and the warnings met while computing it (e.g. partial data from a store). */
public record QueryResult(Value value, List<String> warnings) {
  public QueryResult {
    warnings = List.copyOf(warnings);
  }
}
