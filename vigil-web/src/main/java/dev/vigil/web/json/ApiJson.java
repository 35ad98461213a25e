package dev.vigil.web.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;

/** Creates JSON writers whose output is byte-for-byte what Prometheus's API writes for the same values. */
public final class ApiJson {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      // The caller owns the stream: closing the generator must not close the response.
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      // A writer closed after a failure must not close the open arrays and objects: a cut-off answer
      // has to look cut off, not like a complete but shorter one.
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      // Characters beyond the BMP as their four UTF-8 bytes, as Go writes them, not as escaped surrogates.
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build()
      .setCharacterEscapes(new GoJsonEscapes());

  private ApiJson() {}

  public static JsonGenerator writer(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }
}
