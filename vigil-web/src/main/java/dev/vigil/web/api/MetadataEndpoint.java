package dev.vigil.web.api;

/**
 * {@code /api/v1/metadata}: metric metadata comes from scrape targets, and blocks carry none, so the
 * answer is always the empty object; {@code limit} is still checked as Prometheus checks it.
 */
public final class MetadataEndpoint implements ApiEndpoint {
  @Override
  public ApiResult handle(ApiRequest request) {
    String limit = request.params().get("limit");
    if (!limit.isEmpty()) {
      try {
        Long.parseLong(limit);
      } catch (NumberFormatException e) {
        throw ApiException.badData("limit must be a number");
      }
    }
    return json -> {
      json.writeStartObject();
      json.writeEndObject();
    };
  }
}
