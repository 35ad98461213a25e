package dev.vigil.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;

/** A JSON array of strings, e.g. label names or values. */
record StringListResult(Collection<String> values) implements ApiResult {
  @Override
  public void writeData(JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (String v : values) {
      json.writeString(v);
    }
    json.writeEndArray();
  }
}
