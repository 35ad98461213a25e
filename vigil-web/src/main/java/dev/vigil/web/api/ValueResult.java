package dev.vigil.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.promql.value.Value;
import dev.vigil.web.json.ValueJson;
import java.io.IOException;
import java.util.List;

/** A query's answer: its value under {@code resultType} and {@code result}, and the engine's warnings. */
record ValueResult(Value value, List<String> warnings) implements ApiResult {
  @Override
  public void writeData(JsonGenerator json) throws IOException {
    ValueJson.writeQueryData(json, value);
  }
}
