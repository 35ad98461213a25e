package dev.vigil.web.api;

/** One API v1 endpoint: reads a request's parameters and answers with data or an {@link ApiException}. */
@FunctionalInterface
public interface ApiEndpoint {
  ApiResult handle(ApiRequest request);
}
