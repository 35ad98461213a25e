package dev.vigil.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.promql.engine.ErrorType;
import dev.vigil.web.json.ApiJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The API's response envelope, members in Prometheus's order: {@code status}, {@code data},
 * {@code errorType}, {@code error}, {@code warnings}; the last three only when they have content.
 */
public final class Envelope {
  private Envelope() {}

  /**
   * {@code {"status":"success","data":...,"warnings":[...]}}. Warnings are asked for after the data
   * is written, so that data read while streaming can still add to them.
   */
  public static void writeSuccess(OutputStream out, ApiResult result) throws IOException {
    try (JsonGenerator json = ApiJson.writer(out)) {
      success(json, result);
    }
  }

  /** {@code {"status":"error","errorType":...,"error":...}}. */
  public static void writeError(OutputStream out, ErrorType type, String message) throws IOException {
    try (JsonGenerator json = ApiJson.writer(out)) {
      error(json, type, message);
    }
  }

  private static void success(JsonGenerator json, ApiResult result) throws IOException {
    json.writeStartObject();
    json.writeStringField("status", "success");
    json.writeFieldName("data");
    result.writeData(json);
    List<String> warnings = result.warnings();
    if (!warnings.isEmpty()) {
      json.writeArrayFieldStart("warnings");
      for (String w : warnings) {
        json.writeString(w);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static void error(JsonGenerator json, ErrorType type, String message) throws IOException {
    json.writeStartObject();
    json.writeStringField("status", "error");
    json.writeStringField("errorType", type.apiName());
    json.writeStringField("error", message);
    json.writeEndObject();
  }
}
