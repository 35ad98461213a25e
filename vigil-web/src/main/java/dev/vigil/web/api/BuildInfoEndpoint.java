package dev.vigil.web.api;

/** {@code /api/v1/status/buildinfo}. */
public final class BuildInfoEndpoint implements ApiEndpoint {
  private final BuildInfo info;

  public BuildInfoEndpoint(BuildInfo info) {
    this.info = info;
  }

  @Override
  public ApiResult handle(ApiRequest request) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("version", info.version());
      json.writeStringField("revision", info.revision());
      json.writeStringField("branch", info.branch());
      json.writeStringField("buildUser", info.buildUser());
      json.writeStringField("buildDate", info.buildDate());
      json.writeStringField("goVersion", info.goVersion());
      json.writeEndObject();
    };
  }
}
