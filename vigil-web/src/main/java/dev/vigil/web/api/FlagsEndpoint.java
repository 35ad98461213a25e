package dev.vigil.web.api;

import dev.vigil.core.labels.Utf8Order;
import java.util.Map;
import java.util.TreeMap;

/** {@code /api/v1/status/flags}: the command-line flags in force, by name, with their values as text. */
public final class FlagsEndpoint implements ApiEndpoint {
  private final Map<String, String> flags;

  public FlagsEndpoint(Map<String, String> flags) {
    // Go writes map keys sorted by bytes.
    TreeMap<String, String> sorted = new TreeMap<>(Utf8Order::compare);
    sorted.putAll(flags);
    this.flags = sorted;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    return json -> {
      json.writeStartObject();
      for (Map.Entry<String, String> flag : flags.entrySet()) {
        json.writeStringField(flag.getKey(), flag.getValue());
      }
      json.writeEndObject();
    };
  }
}
